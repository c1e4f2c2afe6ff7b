#!/usr/bin/env node
// `npx kindred-kit …`: set up a charity's Firebase project for Kindred without a developer (issue 14).
//
//   init                 writes firebase.json, .firebaserc, the kit's firestore.rules and indexes
//   create-community     the community document with valid settings, and an invite for its first admin
//   invite               an invite for a moderator, founder, clinician or another admin
//   export / import      the whole community as JSON, and its restore into an empty community
//
// Credentials: --emulator host:port (no credentials), --credentials service-account.json, or Application
// Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, or `gcloud auth application-default login`).
// firebase-admin is an optional peer dependency: web pages that only use the elements never download it;
// the Firestore commands load it when they run and say how to add it when it is missing.
import {existsSync, readFileSync, realpathSync, writeFileSync, mkdirSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {randomBytes} from 'node:crypto';

const KIT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI_INVITER = 'kindred-cli';
const INVITE_PARAM = 'kin-invite';
const EXPORT_FORMAT = 'kindred-community-export@1';
const ROLES = ['admin', 'moderator', 'founder', 'clinician'];
const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'];
const DAY = 86400000;
// Where the command is talking to, for error messages.
let currentWhere = 'Firestore';

class CliError extends Error {
  constructor(message, code = 1) {
    super(message);
    this.exitCode = code;
  }
}
const usageError = (message) => new CliError(`${message}\nRun \`npx kindred-kit help\` for the commands and options.`, 2);

const HELP = `kindred-kit: set up Kindred in your charity's Firebase project.

  npx kindred-kit init --project <firebase-project-id> [--dir .] [--force]
      Writes firebase.json, .firebaserc, firestore.rules and firestore.indexes.json (the kit's own).
      Then deploy them: npx firebase-tools deploy --only firestore

  npx kindred-kit create-community <id> --name "Asthma Wales" --admin-email you@charity.org
        [--name-cy "Asthma Cymru"] [--tagline "…"] [--nation wales] [--visibility public|members]
        [--link https://your-site/community/admin]
      Creates the community (id: 3-64 lower-case letters, digits and hyphens) with safe settings and
      invites its first admin.

  npx kindred-kit invite <community-id> --email someone@charity.org --role moderator
        [--scope "Asthma nurse"] [--days 14] [--link https://your-site/community/admin]
      Roles: ${ROLES.join(', ')}. A clinician needs --scope.

  npx kindred-kit export <community-id> [--out community.json]
  npx kindred-kit import <community-id> <community.json>
      Export writes every document of the community as JSON, for your records; import restores such a
      file into a community that does not exist yet (or after it was deleted).

  npx kindred-kit upgrade <community-id>
      Brings a community's stored documents up to this version of the kit. Since 0.3: every post says who
      may read it (audience) and carries its content warning; posts written by an older kit get
      "everyone" and no warning, so visitors keep seeing them. Safe to run again.

  Where:  --project <id>   (or .firebaserc in this folder, or GOOGLE_CLOUD_PROJECT)
          --emulator host:port                  a local Firestore emulator; no credentials needed
          --credentials service-account.json    a key from Firebase console > Project settings > Service accounts
          otherwise Application Default Credentials (gcloud auth application-default login).

  The Firestore commands need firebase-admin beside the kit:
      npx -p kindred-kit -p firebase-admin@13 kindred-kit <command> …
`;

// Arguments -------------------------------------------------------------------------------------------
const VALUE_OPTIONS = new Set(['project', 'dir', 'name', 'name-cy', 'tagline', 'tagline-cy', 'admin-email', 'nation', 'visibility',
  'link', 'email', 'role', 'scope', 'days', 'out', 'emulator', 'credentials']);
const FLAG_OPTIONS = new Set(['force', 'help']);

export function parseArgs(argv) {
  const positional = [];
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) { positional.push(a); continue; }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
    if (FLAG_OPTIONS.has(name)) { options[name] = true; continue; }
    if (!VALUE_OPTIONS.has(name)) throw usageError(`Unknown option --${name}.`);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw usageError(`--${name} needs a value.`);
    options[name] = value;
  }
  return {command: positional[0], args: positional.slice(1), options};
}

// Validation (the same rules as firestore.rules and src/data) ----------------------------------------
export function validateCommunityId(id) {
  if (!id) throw usageError('Say which community: a community id like asthma-wales.');
  if (!/^[a-z0-9](?:[a-z0-9-]{1,62})[a-z0-9]$/.test(id) || id.includes('--')) {
    throw new CliError(`"${id}" cannot be a community id. Use 3 to 64 lower-case letters, digits and single hyphens, ` +
      'starting and ending with a letter or digit, like asthma-wales. It appears in your page\'s HTML, never to members.', 2);
  }
  return id;
}

function validateEmail(value, option) {
  const email = String(value ?? '').trim().toLowerCase();
  if (!email) throw usageError(`--${option} is missing: whose email address?`);
  if (email.length > 254 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw new CliError(`"${value}" is not an email address (--${option}): it needs one @ and a domain, like name@charity.org.`, 2);
  }
  return email;
}

function validateText(value, option, {min = 0, max}) {
  const text = String(value ?? '').trim();
  if (text.length < min) throw usageError(!text ? `--${option} is missing.` : `--${option} needs at least ${min} characters.`);
  if (text.length > max) throw new CliError(`--${option} is ${text.length} characters; the limit is ${max}.`, 2);
  return text;
}

function validateLink(value) {
  if (value === undefined) return null;
  let url;
  try { url = new URL(value); } catch { url = null; }
  if (!url || url.protocol !== 'https:' && !/^(localhost|127\.0\.0\.1)$/.test(url.hostname)) {
    throw new CliError(`--link "${value}" must be the https:// address of the page with <kin-community-admin> on it.`, 2);
  }
  return url;
}

function inviteFields(options, {email, role}) {
  const r = role ?? options.role;
  if (!r) throw usageError(`--role is missing: one of ${ROLES.join(', ')}.`);
  if (!ROLES.includes(r)) throw new CliError(`"${r}" is not a role. Choose one of ${ROLES.join(', ')}.`, 2);
  const clinicianScope = r === 'clinician' ? validateText(options.scope, 'scope', {min: 2, max: 80}) : null;
  if (r !== 'clinician' && options.scope !== undefined) throw new CliError('--scope is only for clinicians (--role clinician).', 2);
  const days = options.days === undefined ? 14 : Number(options.days);
  if (!Number.isInteger(days) || days < 1 || days > 30) throw new CliError('--days must be a whole number from 1 to 30.', 2);
  return {email, role: r, clinicianScope, days};
}

// Firebase --------------------------------------------------------------------------------------------
function projectFrom(options, cwd, env, serviceAccount) {
  if (options.project) return options.project;
  const rc = join(cwd, '.firebaserc');
  if (existsSync(rc)) {
    try {
      const p = JSON.parse(readFileSync(rc, 'utf8'))?.projects?.default;
      if (p) return p;
    } catch { /* reported below */ }
  }
  return env.GOOGLE_CLOUD_PROJECT || env.GCLOUD_PROJECT || serviceAccount?.project_id || null;
}

/** Where Application Default Credentials would come from, or null. */
function adcFile(env) {
  if (env.GOOGLE_APPLICATION_CREDENTIALS) {
    if (!existsSync(env.GOOGLE_APPLICATION_CREDENTIALS)) {
      throw new CliError(`GOOGLE_APPLICATION_CREDENTIALS points to ${env.GOOGLE_APPLICATION_CREDENTIALS}, which does not exist. ` +
        'Fix the path, or pass --credentials with your service-account key file.');
    }
    return env.GOOGLE_APPLICATION_CREDENTIALS;
  }
  const config = env.CLOUDSDK_CONFIG || (process.platform === 'win32' && env.APPDATA ? join(env.APPDATA, 'gcloud') : join(env.HOME || homedir(), '.config', 'gcloud'));
  const file = join(config, 'application_default_credentials.json');
  return existsSync(file) ? file : null;
}

const NO_CREDENTIALS = `No Google credentials found, so kindred-kit cannot reach your Firestore. Use one of:
  --credentials service-account.json   (Firebase console > Project settings > Service accounts > Generate new private key;
                                        keep the file private and never commit it)
  gcloud auth application-default login   (then run this command again)
  --emulator 127.0.0.1:8080               (to try it out on a local Firestore emulator)`;

async function loadAdmin() {
  try {
    const [app, firestore] = await Promise.all([import('firebase-admin/app'), import('firebase-admin/firestore')]);
    return {app, firestore};
  } catch (e) {
    if (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') {
      throw new CliError('This command needs firebase-admin, which is not installed beside kindred-kit. Run it as\n' +
        '  npx -p kindred-kit -p firebase-admin@13 kindred-kit ' + process.argv.slice(2).join(' ') + '\n' +
        'or add it to your project: npm install --save-dev firebase-admin@13');
    }
    throw e;
  }
}

/** A Firestore (Admin SDK) for the chosen project and credentials, and how to describe where it is. */
async function connect(options, {cwd, env}) {
  let serviceAccount = null;
  let credentialFile = null;
  if (options.emulator) {
    if (!/^[\w.-]+:\d{1,5}$/.test(options.emulator)) throw new CliError(`--emulator "${options.emulator}" must look like 127.0.0.1:8080.`, 2);
  } else if (options.credentials) {
    const file = resolve(cwd, options.credentials);
    if (!existsSync(file)) throw new CliError(`--credentials ${options.credentials}: no such file.`);
    try { serviceAccount = JSON.parse(readFileSync(file, 'utf8')); } catch {
      throw new CliError(`--credentials ${options.credentials} is not a JSON key file. Download one from Firebase console > Project settings > Service accounts.`);
    }
    credentialFile = file;
  } else {
    credentialFile = adcFile(env);
    if (!credentialFile && !env.K_SERVICE && !env.GCE_METADATA_HOST) throw new CliError(NO_CREDENTIALS);
  }
  const projectId = projectFrom(options, cwd, env, serviceAccount) ?? (options.emulator ? 'demo-kindred' : null);
  if (!projectId) {
    throw new CliError('Which Firebase project? Pass --project <id> (Firebase console > Project settings > Project ID), ' +
      'or run `npx kindred-kit init --project <id>` in this folder first.', 2);
  }
  const {app, firestore} = await loadAdmin();
  if (options.emulator) process.env.FIRESTORE_EMULATOR_HOST = options.emulator;
  else delete process.env.FIRESTORE_EMULATOR_HOST;
  const credential = serviceAccount?.type === 'service_account' ? app.cert(serviceAccount)
    : options.emulator ? undefined : app.applicationDefault();
  if (credentialFile && !serviceAccount) process.env.GOOGLE_APPLICATION_CREDENTIALS = credentialFile;
  const firebaseApp = app.initializeApp({projectId, ...(credential ? {credential} : {})}, `kindred-kit-${Date.now()}`);
  const db = firestore.getFirestore(firebaseApp);
  const where = options.emulator ? `the emulator at ${options.emulator} (project ${projectId})` : `project ${projectId}`;
  currentWhere = where;
  return {db, firestore, projectId, where, close: () => app.deleteApp(firebaseApp)};
}

/** A Firestore error as a sentence a charity's staff can act on. */
function explain(e, where) {
  const code = e?.code;
  if (code === 7 || code === 'permission-denied') {
    return `Firestore refused access in ${where}: the credentials have no permission. Give the service account the ` +
      '"Cloud Datastore User" role (Google Cloud console > IAM), or use a key from the right project.';
  }
  if (code === 16 || code === 'unauthenticated' || /invalid_grant|Could not load the default credentials|Could not refresh access token/i.test(e?.message ?? '')) {
    return `Google did not accept the credentials for ${where}: ${String(e.message).split('\n')[0]}. ` +
      'Run `gcloud auth application-default login` again or download a new service-account key.';
  }
  if (code === 5 || code === 'not-found') {
    return `${where} has no Firestore database. Create one in the Firebase console (Build > Firestore Database), then try again.`;
  }
  if (code === 14 || code === 'unavailable' || /ECONNREFUSED/.test(e?.message ?? '')) {
    return `Could not reach ${where}: ${String(e.message).split('\n')[0]}. Is it running / are you online?`;
  }
  return null;
}

// Documents -------------------------------------------------------------------------------------------
function newInviteId() {
  return randomBytes(18).toString('base64url');
}

function defaultCommunity({name, nameCy, tagline, taglineCy, nation, visibility}) {
  return {
    name: {en: name, ...(nameCy ? {cy: nameCy} : {})},
    tagline: {en: tagline, ...(taglineCy ? {cy: taglineCy} : {})},
    languages: ['en', 'cy'],
    // Safe defaults: a new member's first post waits for a moderator; the recommended rate limits.
    settings: {
      visibility, moderation: 'first-posts', holdFirstPosts: 1, bannedWords: [], nation, tags: [],
      guidelinesVersion: '1', consentVersion: '1', postIntervalSeconds: 10, reportsPerHour: 10,
    },
    founderStory: null,
  };
}

async function writeInvite(conn, cid, fields, link) {
  const {Timestamp, FieldValue} = conn.firestore;
  const id = newInviteId();
  const expiresAt = Date.now() + fields.days * DAY;
  // An https link is stored with the invite, as the admin console does: Kindred's mailInvite function
  // (with the Trigger Email extension) then emails it to the invited address.
  let url = null;
  if (link?.protocol === 'https:') {
    const u = new URL(link);
    u.searchParams.set(INVITE_PARAM, id);
    url = u.toString();
  }
  await conn.db.doc(`communities/${cid}/invites/${id}`).create({
    email: fields.email, role: fields.role, clinicianScope: fields.clinicianScope, invitedBy: CLI_INVITER,
    createdAt: FieldValue.serverTimestamp(), expiresAt: Timestamp.fromMillis(expiresAt), claimedBy: null, claimedAt: null, revokedBy: null,
    ...(url ? {url} : {}),
  });
  return {id, expiresAt, emailed: Boolean(url)};
}

function inviteInstructions(out, {id, expiresAt, emailed}, fields, link) {
  const until = new Date(expiresAt).toISOString().slice(0, 10);
  out(`Invited ${fields.email} as ${fields.role}${fields.clinicianScope ? ` (${fields.clinicianScope})` : ''}; the invite expires on ${until}.`);
  if (link) {
    link.searchParams.set(INVITE_PARAM, id);
    out(`Send them this link: ${link}`);
    if (emailed) out(`Where Kindred's functions and the Trigger Email extension are deployed, it is also emailed to ${fields.email}.`);
  } else {
    out(`Invite code: ${id}`);
    out(`Send them the address of your page with <kin-community-admin> on it, followed by ?${INVITE_PARAM}=${id}`);
  }
  out(`They sign in there with ${fields.email} (an email link), join the community, and press "Accept the invitation".`);
}

// Export format: every document under communities/{id}, keyed by its path relative to it ('' is the
// community document). Firestore types JSON has no word for are tagged objects: {"$timestamp": ISO},
// {"$geo": [lat, lng]}, {"$bytes": base64}, {"$ref": path}; a map that itself has a key starting with "$"
// is wrapped as {"$map": {...}} so nothing a member typed can be mistaken for a tag.
// Timestamps keep Firestore's nanoseconds: 2026-01-10T09:00:00.123456789Z.
function isoNanos(ts) {
  return new Date(ts.seconds * 1000).toISOString().replace(/\.\d{3}Z$/, `.${String(ts.nanoseconds).padStart(9, '0')}Z`);
}
function parseIsoNanos(text, firestore) {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(String(text));
  if (!m) throw new CliError(`The file has a time "${text}" that is not an ISO time: was it edited by hand?`);
  const seconds = Math.floor(Date.parse(`${m[1]}Z`) / 1000);
  return new firestore.Timestamp(seconds, Number((m[2] ?? '').padEnd(9, '0')));
}

function encode(value, firestore) {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof firestore.Timestamp) return {$timestamp: isoNanos(value)};
  if (value instanceof firestore.GeoPoint) return {$geo: [value.latitude, value.longitude]};
  if (value instanceof firestore.DocumentReference) return {$ref: value.path};
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return {$bytes: Buffer.from(value).toString('base64')};
  if (Array.isArray(value)) return value.map((v) => encode(v, firestore));
  const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v, firestore)]));
  return Object.keys(out).some((k) => k.startsWith('$')) ? {$map: out} : out;
}

function decode(value, firestore, db) {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => decode(v, firestore, db));
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0].startsWith('$')) {
    const v = value[keys[0]];
    switch (keys[0]) {
      case '$timestamp': return parseIsoNanos(v, firestore);
      case '$geo': return new firestore.GeoPoint(v[0], v[1]);
      case '$ref': return db.doc(v);
      case '$bytes': return Buffer.from(v, 'base64');
      case '$map': return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x, firestore, db)]));
      default: throw new CliError(`The file has an unknown tag ${keys[0]}: was it written by \`kindred-kit export\`?`);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, decode(value[k], firestore, db)]));
}

/** Every document under `root` (a DocumentReference), depth first, as [relative path, data]. */
async function collectDocs(root, firestore) {
  const docs = [];
  const prefix = `${root.path}/`;
  const walk = async (ref) => {
    const collections = await ref.listCollections();
    for (const col of collections) {
      // listDocuments() also finds "missing" parents that only hold subcollections.
      const [snap, refs] = await Promise.all([col.get(), col.listDocuments()]);
      for (const d of snap.docs) docs.push([d.ref.path.slice(prefix.length), encode(d.data(), firestore)]);
      // Bounded parallelism: 16 listCollections calls in flight.
      for (let i = 0; i < refs.length; i += 16) await Promise.all(refs.slice(i, i + 16).map(walk));
    }
  };
  await walk(root);
  return docs;
}

// Commands --------------------------------------------------------------------------------------------
async function init({options, cwd, out}) {
  if (!options.project) throw usageError('init needs your Firebase project id: npx kindred-kit init --project my-charity-project');
  if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(options.project)) {
    throw new CliError(`"${options.project}" does not look like a Firebase project id (6-30 lower-case letters, digits and hyphens). ` +
      'Find it in the Firebase console under Project settings.', 2);
  }
  const dir = resolve(cwd, options.dir ?? '.');
  mkdirSync(dir, {recursive: true});
  const kitRules = readFileSync(join(KIT, 'firestore.rules'), 'utf8');
  const kitIndexes = readFileSync(join(KIT, 'firestore.indexes.json'), 'utf8');
  const plan = [];
  const put = (name, content) => {
    const file = join(dir, name);
    if (existsSync(file)) {
      if (readFileSync(file, 'utf8') === content) { plan.push([name, null, 'already up to date']); return; }
      if (!options.force) {
        throw new CliError(`${file} already exists and is not the kit's version. Keep a copy of it, then run again with --force to replace it.`);
      }
      plan.push([name, content, 'replaced']);
    } else plan.push([name, content, 'written']);
  };
  // firebase.json: keep whatever else is in it (hosting, functions…), set its firestore part.
  const fjFile = join(dir, 'firebase.json');
  let firebaseJson = {};
  if (existsSync(fjFile)) {
    try { firebaseJson = JSON.parse(readFileSync(fjFile, 'utf8')); } catch {
      throw new CliError(`${fjFile} is not valid JSON; fix or remove it and run init again.`);
    }
  }
  firebaseJson.firestore = {rules: 'firestore.rules', indexes: 'firestore.indexes.json'};
  put('firestore.rules', kitRules);
  put('firestore.indexes.json', kitIndexes);
  plan.push(['firebase.json', `${JSON.stringify(firebaseJson, null, 2)}\n`, existsSync(fjFile) ? 'updated' : 'written']);
  plan.push(['.firebaserc', `${JSON.stringify({projects: {default: options.project}}, null, 2)}\n`, existsSync(join(dir, '.firebaserc')) ? 'updated' : 'written']);
  for (const [name, content, what] of plan) {
    if (content !== null) writeFileSync(join(dir, name), content);
    out(`  ${name.padEnd(24)} ${what}`);
  }
  out('');
  out(`Ready for project ${options.project}. Deploy the security rules and indexes with:`);
  out(`  cd ${dir === cwd ? '.' : dir} && npx firebase-tools deploy --only firestore`);
  out('Then create your community: npx kindred-kit create-community <id> --name "…" --admin-email you@charity.org');
  out('Run init again after updating kindred-kit, so your rules match the kit\'s.');
}

async function createCommunity({args, options, cwd, env, out}) {
  const cid = validateCommunityId(args[0]);
  const name = validateText(options.name, 'name', {min: 1, max: 120});
  const email = validateEmail(options['admin-email'], 'admin-email');
  const nation = options.nation ?? 'england';
  if (!NATIONS.includes(nation)) throw new CliError(`--nation "${nation}" must be one of ${NATIONS.join(', ')}: it decides which crisis numbers members see.`, 2);
  const visibility = options.visibility ?? 'public';
  if (!['public', 'members'].includes(visibility)) throw new CliError('--visibility must be public (anyone reads, members write) or members (members only).', 2);
  const community = defaultCommunity({
    name, nameCy: options['name-cy'] && validateText(options['name-cy'], 'name-cy', {min: 1, max: 120}),
    tagline: validateText(options.tagline ?? '', 'tagline', {max: 300}),
    taglineCy: options['tagline-cy'] && validateText(options['tagline-cy'], 'tagline-cy', {max: 300}), nation, visibility,
  });
  const link = validateLink(options.link);
  const fields = inviteFields(options, {email, role: 'admin'});
  const conn = await connect(options, {cwd, env});
  try {
    const ref = conn.db.doc(`communities/${cid}`);
    const [existing, children] = await Promise.all([ref.get(), ref.listCollections()]);
    if (existing.exists || children.length) {
      throw new CliError(`A community "${cid}" already exists in ${conn.where}. Choose another id, or invite more people with ` +
        `\`npx kindred-kit invite ${cid} --email … --role …\`.`);
    }
    // create() fails if someone made it in the meantime: never overwrite a community.
    await ref.create({...community, createdAt: conn.firestore.FieldValue.serverTimestamp()});
    out(`Created community "${cid}" (${name}) in ${conn.where}.`);
    inviteInstructions(out, await writeInvite(conn, cid, fields, link), fields, link);
    out('');
    out('Settings to review in <kin-community-admin> once you are in: moderation (new members\' first post is held), tags, banned words, guidelines.');
  } catch (e) {
    if (e?.code === 6 || e?.code === 'already-exists') throw new CliError(`A community "${cid}" already exists in ${conn.where}.`);
    throw e;
  } finally {
    await conn.close();
  }
}

async function requireCommunity(conn, cid) {
  const snap = await conn.db.doc(`communities/${cid}`).get();
  if (!snap.exists) {
    throw new CliError(`There is no community "${cid}" in ${conn.where}. Check the id (it is the community="…" attribute on your page), ` +
      'or create it with `npx kindred-kit create-community`.');
  }
  return snap;
}

async function invite({args, options, cwd, env, out}) {
  const cid = validateCommunityId(args[0]);
  const fields = inviteFields(options, {email: validateEmail(options.email, 'email')});
  const link = validateLink(options.link);
  const conn = await connect(options, {cwd, env});
  try {
    await requireCommunity(conn, cid);
    inviteInstructions(out, await writeInvite(conn, cid, fields, link), fields, link);
  } finally {
    await conn.close();
  }
}

async function exportCommunity({args, options, cwd, env, out}) {
  const cid = validateCommunityId(args[0]);
  const conn = await connect(options, {cwd, env});
  try {
    const snap = await requireCommunity(conn, cid);
    const docs = await collectDocs(snap.ref, conn.firestore);
    docs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const data = {
      format: EXPORT_FORMAT, communityId: cid, projectId: conn.projectId, exportedAt: new Date().toISOString(),
      documentCount: docs.length + 1,
      documents: {'': encode(snap.data(), conn.firestore), ...Object.fromEntries(docs)},
    };
    const json = `${JSON.stringify(data, null, 1)}\n`;
    if (options.out) {
      const file = resolve(cwd, options.out);
      writeFileSync(file, json);
      out(`Exported ${data.documentCount} documents of "${cid}" from ${conn.where} to ${file}.`);
      out('It holds members\' personal data: store it as securely as the database itself.');
    } else process.stdout.write(json);
  } finally {
    await conn.close();
  }
}

async function importCommunity({args, options, cwd, env, out}) {
  const cid = validateCommunityId(args[0]);
  if (!args[1]) throw usageError('import needs the file export wrote: npx kindred-kit import <community-id> community.json');
  const file = resolve(cwd, args[1]);
  if (!existsSync(file)) throw new CliError(`${args[1]}: no such file.`);
  let data;
  try { data = JSON.parse(readFileSync(file, 'utf8')); } catch { data = null; }
  if (!data || data.format !== EXPORT_FORMAT || typeof data.documents !== 'object' || !data.documents['']) {
    throw new CliError(`${args[1]} is not a community export (format ${EXPORT_FORMAT}, written by \`kindred-kit export\`).`);
  }
  const conn = await connect(options, {cwd, env});
  try {
    const ref = conn.db.doc(`communities/${cid}`);
    const [existing, children] = await Promise.all([ref.get(), ref.listCollections()]);
    if (existing.exists || children.length) {
      throw new CliError(`Community "${cid}" in ${conn.where} is not empty: import only restores into a community that does not exist. ` +
        'Choose another id, or delete the community first (Firebase console, or `firebase firestore:delete --recursive`).');
    }
    const paths = Object.keys(data.documents);
    for (const p of paths) {
      const segments = p.split('/');
      if (p !== '' && (segments.length % 2 !== 0 || segments.some((s) => !s || s === '.' || s === '..' || s.startsWith('__')))) {
        throw new CliError(`${args[1]} has a document path "${p}" that is not a document under the community; the file is damaged.`);
      }
    }
    const writer = conn.db.bulkWriter();
    const failures = [];
    writer.onWriteError((e) => { failures.push(e); return false; });
    for (const p of paths) {
      void writer.set(p === '' ? ref : ref.collection(p.split('/')[0]).doc(p.split('/').slice(1).join('/')), decode(data.documents[p], conn.firestore, conn.db)).catch(() => {});
    }
    await writer.close();
    if (failures.length) throw new CliError(`${failures.length} of ${paths.length} documents could not be written: ${failures[0].message}`);
    out(`Imported ${paths.length} documents into "${cid}" in ${conn.where}` +
      `${data.communityId !== cid ? ` (exported from "${data.communityId}")` : ''}.`);
  } finally {
    await conn.close();
  }
}

/**
 * Issue 18: a visitor's query asks for posts whose audience is 'everyone', and Firestore cannot match a
 * missing field, so posts an older kit wrote (no audience, no warning) would disappear for visitors.
 * Fills in the defaults the stores write today; never changes a value that is there.
 */
async function upgrade({args, options, cwd, env, out}) {
  const cid = validateCommunityId(args[0]);
  const conn = await connect(options, {cwd, env});
  try {
    const snap = await requireCommunity(conn, cid);
    const threads = await snap.ref.collection('threads').listDocuments();
    const writer = conn.db.bulkWriter();
    const failures = [];
    writer.onWriteError((e) => { failures.push(e); return false; });
    let seen = 0;
    let changed = 0;
    for (const thread of threads) {
      const posts = await thread.collection('posts').get();
      for (const post of posts.docs) {
        seen++;
        const data = post.data();
        const patch = {};
        if (!('audience' in data)) patch.audience = 'everyone';
        if (!('warning' in data)) patch.warning = null;
        if (Object.keys(patch).length) {
          changed++;
          void writer.update(post.ref, patch).catch(() => {});
        }
      }
    }
    await writer.close();
    if (failures.length) throw new CliError(`${failures.length} of ${changed} posts could not be updated: ${failures[0].message}`);
    out(changed
      ? `Brought ${changed} of ${seen} posts in "${cid}" (${conn.where}) up to date: audience "everyone", no content warning.`
      : `All ${seen} posts in "${cid}" (${conn.where}) are already up to date.`);
  } finally {
    await conn.close();
  }
}

const COMMANDS = {init, 'create-community': createCommunity, invite, export: exportCommunity, import: importCommunity, upgrade};

export async function main(argv, {cwd = process.cwd(), env = process.env, out = (s) => console.log(s)} = {}) {
  const parsed = parseArgs(argv);
  if (!parsed.command || parsed.command === 'help' || parsed.options.help) {
    out(HELP);
    return;
  }
  const command = COMMANDS[parsed.command];
  if (!command) throw usageError(`"${parsed.command}" is not a kindred-kit command.`);
  return command({...parsed, cwd, env, out});
}

// Run as a command (npx links bin/ into node_modules/.bin, so compare real paths), not when imported.
if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  try {
    await main(process.argv.slice(2));
  } catch (e) {
    if (e instanceof CliError) {
      console.error(e.message);
      process.exit(e.exitCode);
    }
    const human = explain(e, currentWhere);
    console.error(human ?? `kindred-kit failed: ${e?.stack ?? e}`);
    process.exit(1);
  }
}
