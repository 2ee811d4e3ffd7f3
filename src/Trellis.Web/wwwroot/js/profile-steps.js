// The profile's steps (Features/Profiles/Edit): a link to a step, or to a field inside a folded step,
// unfolds it first; after a failed save, the first field with an error takes the focus. Without scripts
// the server already unfolds every step with an error and the summary at the top links to each field.
(function () {
    const unfold = function (hash) {
        if (!hash || hash.length < 2) return null;
        const target = document.getElementById(decodeURIComponent(hash.slice(1)));
        if (!target) return null;
        const step = target.closest('details.profile-step');
        if (step) step.open = true;
        return target;
    };
    document.addEventListener('click', function (e) {
        const link = e.target.closest('a[href^="#"]');
        if (!link || !link.closest('.profile-progress, .profile-steps')) return;
        const target = unfold(link.getAttribute('href'));
        if (target && target.matches('input, select, textarea')) { e.preventDefault(); target.focus(); }
    });
    window.addEventListener('hashchange', function () { unfold(location.hash); });
    document.addEventListener('DOMContentLoaded', function () {
        unfold(location.hash);
        if (!document.getElementById('profile-errors')) return;
        const first = document.querySelector('.profile-steps [aria-invalid=true]');
        (first || document.getElementById('profile-errors')).focus();
    });
})();
