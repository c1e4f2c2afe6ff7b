// A tiny client-side router: the nav buttons swap the content of <main> (the outlet) for a route's
// template. Leaving the community route removes <kin-community> and its thread from the page, so the
// kit must end their subscriptions; coming back adds fresh elements that subscribe again.
const outlet = document.getElementById('outlet');
const buttons = [...document.querySelectorAll('[data-route]')];
let current = '';

function go(route) {
  const template = document.getElementById(`route-${route}`);
  if (!template || route === current) return;
  current = route;
  outlet.replaceChildren(template.content.cloneNode(true));
  for (const b of buttons) {
    if (b.dataset.route === route) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
  }
  const heading = outlet.querySelector('h2')?.textContent ?? route;
  document.title = `${heading} · a single-page app with Breathe Easy Cymru`;
}

for (const b of buttons) {
  b.addEventListener('click', () => {
    go(b.dataset.route);
    // Screen-reader and keyboard users land on the new content, as after a page load.
    outlet.focus();
  });
}
go('home');
