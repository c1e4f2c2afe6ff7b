// The embed builder (issue 14): staff choose elements, community, theme, language and options, see them
// live, and copy the snippet. The preview always runs on the demo's local store (nothing is sent to the
// charity's project); the snippet names theirs. Built with DOM calls, never innerHTML, so nothing typed
// here becomes markup.
const form = document.querySelector('[data-builder]');
const snippet = document.querySelector('[data-snippet]');
const preview = document.querySelector('[data-preview]');
const copied = document.querySelector('[data-copied]');
const ID = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;
const KEY = /^[A-Za-z0-9_.-]{1,100}$/;
// The README's placeholder: the address where the charity hosts (or a CDN serves) the kit's dist/.
const CDN = 'https://your-cdn.example/kindred-kit/dist/cdn/kindred.js';

function choices() {
  const data = new FormData(form);
  const community = String(data.get('community') ?? '').trim();
  const key = String(data.get('key') ?? '').trim();
  return {
    elements: data.getAll('el').map(String),
    community: ID.test(community) ? community : null,
    project: String(data.get('project') ?? '').trim().replace(/[^a-z0-9-]/g, ''),
    theme: String(data.get('theme') ?? ''),
    lang: String(data.get('lang') ?? ''),
    key: KEY.test(key) ? key : '',
    heading: String(data.get('heading') ?? '2'),
  };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Attributes of each element for these choices (name → value). */
function attrsFor(tag, c) {
  const a = {'heading-level': c.heading};
  if (tag === 'kin-discussion-thread') Object.assign(a, c.key ? {'thread-key': c.key, mode: 'thread'} : {mode: 'list'});
  return a;
}

function render() {
  const c = choices();
  document.querySelector('[data-community-error]').hidden = c.community !== null;
  const root = {community: c.community ?? 'your-community-id'};
  if (c.project) Object.assign(root, {'project-id': c.project, 'api-key': 'YOUR-API-KEY', 'app-id': 'YOUR-APP-ID', 'auth-domain': `${c.project}.firebaseapp.com`});
  else Object.assign(root, {store: 'local'});
  if (c.lang) root.lang = c.lang;
  if (c.theme) root.class = c.theme;
  const lines = [`<script type="module" src="${CDN}"></script>`];
  if (c.theme) lines.unshift(`<link rel="stylesheet" href="${CDN.replace('cdn/kindred.js', `themes/${c.theme.replace('kin-theme-', '')}.css`)}">`);
  lines.push(`<kin-community ${Object.entries(root).map(([k, v]) => `${k}="${esc(v)}"`).join(' ')}>`);
  for (const tag of c.elements) lines.push(`  <${tag} ${Object.entries(attrsFor(tag, c)).map(([k, v]) => `${k}="${esc(v)}"`).join(' ')}></${tag}>`);
  lines.push('</kin-community>');
  snippet.value = lines.join('\n');

  // The live preview: the same elements on the demo community.
  const community = document.createElement('kin-community');
  community.setAttribute('community', 'asthma-cymru');
  community.setAttribute('store', 'local');
  community.setAttribute('seed', './seed.json');
  if (c.lang) community.setAttribute('lang', c.lang);
  if (c.theme) community.className = c.theme;
  for (const tag of c.elements) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrsFor(tag, c))) el.setAttribute(k, v);
    community.append(el);
  }
  preview.replaceChildren(community);
}

form.addEventListener('input', render);
form.addEventListener('change', render);
document.querySelector('[data-copy]').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippet.value);
    copied.textContent = document.documentElement.lang === 'cy' ? 'Wedi’i gopïo.' : 'Copied.';
  } catch {
    snippet.focus();
    snippet.select();
    copied.textContent = document.documentElement.lang === 'cy' ? 'Pwyswch Ctrl+C i gopïo.' : 'Press Ctrl+C to copy.';
  }
});
render();
