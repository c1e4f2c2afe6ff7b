// The host site's own Firebase, as a site with no build step loads it: Firebase's own CDN modules, one
// [DEFAULT] app for the site's own project (its sign-in, analytics, its own Firestore…). Kindred never
// touches that app: it makes a named app for the community's project.
//
// Loaded with import() so that a blocked or offline CDN shows a message instead of silently stopping
// this script. `npm start` sends `script-src 'self'`, which blocks gstatic.com: there the page says so
// and Kindred still runs beside it. test/embed/host-pages-more.test.ts swaps this URL for the same SDK
// served from node_modules (the same module instance the kit uses there: the harder case, one shared
// Firebase app registry), just as it swaps the kit's bundle for its source.
const FIREBASE_APP = 'https://www.gstatic.com/firebasejs/12.14.0/firebase-app.js';

// The site's web config (a demo project: a `demo-` id never reaches a real Google project).
const config = {apiKey: 'host-site-api-key', authDomain: 'demo-host-site.firebaseapp.com', projectId: 'demo-host-site', appId: '1:000000000000:web:0000000000000000'};

const show = (id, text) => {
  const out = document.getElementById(id);
  if (out) out.textContent = text;
};

try {
  const {initializeApp, getApp} = await import(FIREBASE_APP);
  initializeApp(config);
  const app = getApp();
  show('host-app', app.name);
  show('host-project', app.options.projectId);
} catch (e) {
  show('host-app', `could not load Firebase (${e instanceof Error ? e.message : String(e)})`);
}
