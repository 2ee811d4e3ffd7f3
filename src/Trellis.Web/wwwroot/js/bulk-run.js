// Live progress of a bulk matching run on /Programmes/{slug}/Manage/Matching. Without this file the page still
// shows the stage and percentage as of its loading (and a link to look again); with it, they move as the run's row
// does, and the page reloads with the drafts once the run has finished.
(() => {
    const run = document.getElementById('bulk-run');
    if (!run || !run.dataset.poll) return;
    const bar = document.getElementById('run-progress');
    const stage = document.getElementById('run-stage');
    async function poll() {
        const response = await fetch(run.dataset.poll, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        if (!response.ok) return;
        const now = await response.json();
        if (now.status !== 'Queued' && now.status !== 'Running') {
            window.location.reload();
            return;
        }
        bar.value = now.percent;
        bar.textContent = `${now.percent}%`;
        stage.textContent = `${now.stageText} · ${now.percent}%`;
        setTimeout(poll, 1000);
    }
    setTimeout(poll, 1000);
})();
