// The demo site's own page script (not part of the kit). Loaded before kindred.js, as a module, so it
// runs before the elements upgrade. No inline script anywhere: the pages work under a strict
// Content-Security-Policy (script-src 'self').
//
// It does three things a host site would do for itself:
//   1. A language switch (English / Cymraeg) that sets <html lang>; <kin-community> follows it.
//   2. Keeps ?lang (and the emulator settings) on the site's own links, so navigation keeps them.
//   3. Development only: with ?emulator=127.0.0.1:PORT&as=UID (printed by `npm run start:emulator`),
//      points every <kin-community> at the Firestore emulator instead of the local preview store.
//   4. The local preview (no ?emulator): ?as=UID acts as one of the seeded members in this browser, so
//      staff can try every screen: ?as=u-megan is the moderator (queue with a held post and a report),
//      ?as=u-rhys an admin, ?as=u-catrin the founder (peer matches, a connection); ?as= signs out.
//      `npm start` prints these links.

const params = new URLSearchParams(location.search);
const LANGS = ['en', 'cy'];
const KEEP = ['lang', 'emulator', 'as', 'auth'];

function setLanguage(lang, {remember = true} = {}) {
  if (!LANGS.includes(lang)) return;
  const html = document.documentElement;
  html.lang = lang;
  const title = html.dataset[`title${lang === 'cy' ? 'Cy' : 'En'}`];
  if (title) document.title = title;
  for (const button of document.querySelectorAll('[data-set-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.setLang === lang));
  }
  if (remember) {
    // In the address only (no cookie, no storage): a shared link opens in the same language.
    params.set('lang', lang);
    history.replaceState(null, '', `${location.pathname}?${params}${location.hash}`);
    carryParams();
  }
}

/** Adds the kept query parameters to the site's own links (same folder, .html pages). */
function carryParams() {
  for (const a of document.querySelectorAll('a[data-keep-params]')) {
    const url = new URL(a.getAttribute('href'), location.href);
    for (const key of KEEP) {
      if (params.has(key)) url.searchParams.set(key, params.get(key));
      else url.searchParams.delete(key);
    }
    a.href = url.pathname.split('/').pop() + url.search + url.hash;
  }
}

function useEmulator() {
  const host = params.get('emulator');
  if (!host) return;
  // Loopback only: this switch exists for `npm run start:emulator` on the developer's own machine.
  if (!/^(127\.0\.0\.1|localhost|\[::1\]):\d{2,5}$/.test(host)) {
    console.warn(`demo: ignoring ?emulator=${host}; only a loopback host:port is accepted.`);
    return;
  }
  const as = params.get('as');
  const user = as && /^[A-Za-z0-9_-]{1,64}$/.test(as) ? as : '';
  for (const community of document.querySelectorAll('kin-community')) {
    community.removeAttribute('store');
    community.removeAttribute('seed');
    community.setAttribute('project-id', 'demo-kindred');
    community.setAttribute('emulator-host', host);
    const auth = params.get('auth');
    if (auth && /^(127\.0\.0\.1|localhost):\d{2,5}$/.test(auth)) {
      community.setAttribute('emulator-auth-host', auth);
      community.removeAttribute('emulator-user');
    } else if (user) community.setAttribute('emulator-user', user);
    else community.removeAttribute('emulator-user');
  }
  const note = document.querySelector('[data-dev-note]');
  if (note) {
    note.hidden = false;
    note.textContent = user
      ? `Development: connected to the Firestore emulator at ${host}, signed in as ${user}.`
      : `Development: connected to the Firestore emulator at ${host}, signed out.`;
  }
}

// The LocalStore remembers a signed-in member of this browser's preview under this key (src/data/local/
// session.ts SESSION_KEY); writing it is what signing in there does. Demo site only: a real site never
// chooses who its visitors are.
const LOCAL_SESSION_KEY = 'kindred-local:session';
const SEEDED = {
  'u-catrin': 'Catrin H, the founder', 'u-rhys': 'Rhys, an admin', 'u-megan': 'MeganB, a moderator',
  'u-sian': 'Siân, a verified clinician', 'u-priya': 'Priya M, a member', 'u-gareth': 'Gareth, a newer member',
};

function actAsLocally() {
  if (params.get('emulator') || !params.has('as')) return;
  const as = params.get('as');
  try {
    if (as && /^[A-Za-z0-9_-]{1,64}$/.test(as)) localStorage.setItem(LOCAL_SESSION_KEY, JSON.stringify({uid: as, anonymous: false}));
    else localStorage.removeItem(LOCAL_SESSION_KEY);
  } catch {
    console.warn('demo: this browser blocks storage, so ?as= cannot choose who you are in the preview.');
    return;
  }
  const note = document.querySelector('[data-dev-note]');
  if (note) {
    note.hidden = false;
    note.textContent = as
      ? `Demo: you are ${SEEDED[as] ?? as} in this browser's preview (add ?as= to the address to sign out).`
      : 'Demo: signed out of this browser\'s preview.';
  }
}

useEmulator();
actAsLocally();
const requested = params.get('lang');
setLanguage(LANGS.includes(requested) ? requested : document.documentElement.lang || 'en', {remember: false});
carryParams();
for (const button of document.querySelectorAll('[data-set-lang]')) {
  button.addEventListener('click', () => setLanguage(button.dataset.setLang));
}

// The hub's theme picker: Kindred themes are token sheets selected by a class on <kin-community>.
for (const picker of document.querySelectorAll('[data-theme-picker]')) {
  picker.addEventListener('change', () => {
    for (const community of document.querySelectorAll('kin-community')) {
      community.classList.remove('kin-theme-auto', 'kin-theme-dark', 'kin-theme-high-contrast');
      if (picker.value) community.classList.add(picker.value);
    }
  });
}
