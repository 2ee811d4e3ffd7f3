// Loaded in <head> (the CSP allows no inline script): mark scripting as available at once, so the
// phone menu is folded before the first paint. Without scripts the "Menu" button stays hidden (the
// CSS keys on html.js) and the links simply wrap.
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', function () {
    const toggle = document.querySelector('.site-nav .menu-toggle');
    const menu = document.getElementById('site-menu');
    if (!toggle || !menu) return;
    const show = function (open) {
        toggle.setAttribute('aria-expanded', String(open));
        menu.classList.toggle('open', open);
    };
    toggle.addEventListener('click', function () { show(toggle.getAttribute('aria-expanded') !== 'true'); });
    document.addEventListener('keydown', function (e) {
        if (e.key === 'Escape' && menu.classList.contains('open')) { show(false); toggle.focus(); }
    });
});
