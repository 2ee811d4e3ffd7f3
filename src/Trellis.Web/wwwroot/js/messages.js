// Live updates for /Mentorships/{id}/Messages. The page works without this file (plain forms and links);
// with it, messages the other member sends, edits or deletes appear without reloading. The hub only says
// which message changed; the HTML comes from the page itself, rendered and sanitised on the server for
// this viewer, so there is one way a message is shown.
(() => {
    const root = document.getElementById('conversation');
    if (!root || !window.signalR) return;
    const mentorshipId = root.dataset.mentorship;
    const base = `/Mentorships/${mentorshipId}/Messages`;
    const list = document.getElementById('message-list');
    const readForm = document.getElementById('read-form');
    let unseen = false;

    function markRead() {
        if (!unseen || document.visibilityState !== 'visible' || !readForm) return;
        unseen = false;
        fetch(`${base}?handler=Read`, { method: 'POST', body: new FormData(readForm), credentials: 'same-origin' });
    }

    async function show(message) {
        const response = await fetch(`${base}?handler=Message&messageId=${encodeURIComponent(message.id)}`, { credentials: 'same-origin' });
        if (!response.ok) return;
        const template = document.createElement('template');
        template.innerHTML = (await response.text()).trim();
        const item = template.content.firstElementChild;
        if (!item) return;
        const existing = document.getElementById(item.id);
        if (existing) {
            existing.replaceWith(item);
        } else {
            list.appendChild(item);
            document.getElementById('no-messages')?.remove();
        }
        if (message.authorId !== root.dataset.me) {
            unseen = true;
            markRead();
        }
    }

    const connection = new signalR.HubConnectionBuilder()
        .withUrl('/hubs/messages')
        .withAutomaticReconnect()
        .build();
    connection.on('MessagePosted', show);
    connection.on('MessageChanged', show);
    const join = () => connection.invoke('JoinMentorship', mentorshipId).then(() => { root.dataset.live = 'on'; });
    connection.onreconnected(join);
    connection.start().then(join).catch(() => { root.dataset.live = 'off'; });
    document.addEventListener('visibilitychange', markRead);
})();
