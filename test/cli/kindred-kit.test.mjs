// `npx kindred-kit` (bin/kindred-kit.mjs, issue 14), run as charity staff would run it: as a separate
// process, in a folder of their own, against the real Firestore emulator with the real firestore.rules.
// Then the invited admin claims their invite through the real FirebaseStore (bundled for Node with
// esbuild) with a verified email in their sign-in token, and acts as an admin.
//
// Runs under `node --test` (scripts/test.mjs starts the emulator and passes KINDRED_EMULATOR_HOST);
// run alone (`node --test test/cli/`), it starts an emulator itself.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {startEmulator} from '../../scripts/emulator.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BIN = join(root, 'bin', 'kindred-kit.mjs');
const PROJECT = 'demo-kindred-cli';
let emulator = process.env.KINDRED_EMULATOR_HOST || '';
let ownEmulator = null;
let createFirebaseStore;
const stores = [];

/** Runs the CLI in `cwd` with a clean environment (no Google credentials of this machine). */
function kit(args, {cwd = mkdtempSync(join(tmpdir(), 'kit-')), env = {}} = {}) {
  return new Promise((res) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd, env: {PATH: process.env.PATH, HOME: mkdtempSync(join(tmpdir(), 'home-')), ...env},
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('exit', (code) => res({code, stdout, stderr, cwd}));
  });
}

const base = () => `http://${emulator}/v1/projects/${PROJECT}/databases/(default)/documents`;
async function rest(path, init = {}) {
  const r = await fetch(`${base()}${path}`, {...init, headers: {Authorization: 'Bearer owner', 'Content-Type': 'application/json'}});
  const text = await r.text();
  if (!r.ok) throw new Error(`${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
/** Every document under the community (and itself), path → REST fields, read with the owner's bypass. */
async function dump(cid) {
  const found = await rest(`/communities/${cid}:runQuery`, {method: 'POST', body: JSON.stringify({structuredQuery: {from: [{allDescendants: true}]}})});
  const out = {};
  const prefix = `projects/${PROJECT}/databases/(default)/documents/`;
  for (const r of found) if (r.document) out[r.document.name.slice(prefix.length)] = r.document.fields ?? {};
  const self = await fetch(`${base()}/communities/${cid}`, {headers: {Authorization: 'Bearer owner'}});
  if (self.ok) out[`communities/${cid}`] = (await self.json()).fields;
  return out;
}
async function wipe(cid) {
  const paths = Object.keys(await dump(cid));
  await rest(':commit', {method: 'POST', body: JSON.stringify({writes: paths.map((p) => ({delete: `projects/${PROJECT}/databases/(default)/documents/${p}`}))})});
}

async function storeAs(cid, uid, email) {
  const [host, port] = emulator.split(':');
  const s = await createFirebaseStore({communityId: cid, config: {projectId: PROJECT}, emulator: {host, port: Number(port), mockUser: {uid, email}}});
  stores.push(s);
  return s;
}
const inviteCode = (stdout) => /Invite code: ([A-Za-z0-9_-]{16,64})/.exec(stdout)?.[1] ?? /kin-invite=([A-Za-z0-9_-]{16,64})/.exec(stdout)?.[1];

before(async () => {
  if (!emulator) {
    ownEmulator = await startEmulator();
    emulator = `${ownEmulator.host}:${ownEmulator.port}`;
  }
  await fetch(`http://${emulator}/emulator/v1/projects/${PROJECT}/databases/(default)/documents`, {method: 'DELETE'});
  // The real FirebaseStore, for the invitee's side (the same code a browser runs).
  const out = join(root, '.cache', 'cli-test', 'firebase-store.mjs');
  await build({entryPoints: [join(root, 'src/data/firebase/firebase-store.ts')], bundle: true, platform: 'node', format: 'esm',
    packages: 'external', outfile: out, target: 'node20', logLevel: 'error'});
  ({createFirebaseStore} = await import(out));
});
after(async () => {
  await Promise.all(stores.map((s) => s.dispose()));
  await ownEmulator?.stop();
});

test('init writes deployable files: firebase.json, .firebaserc and the kit\'s own rules and indexes', async () => {
  const r = await kit(['init', '--project', 'asthma-charity-prod']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(readFileSync(join(r.cwd, 'firestore.rules'), 'utf8'), readFileSync(join(root, 'firestore.rules'), 'utf8'));
  assert.equal(readFileSync(join(r.cwd, 'firestore.indexes.json'), 'utf8'), readFileSync(join(root, 'firestore.indexes.json'), 'utf8'));
  const fj = JSON.parse(readFileSync(join(r.cwd, 'firebase.json'), 'utf8'));
  assert.deepEqual(fj.firestore, {rules: 'firestore.rules', indexes: 'firestore.indexes.json'});
  assert.ok(existsSync(join(r.cwd, fj.firestore.rules)) && existsSync(join(r.cwd, fj.firestore.indexes)));
  assert.deepEqual(JSON.parse(readFileSync(join(r.cwd, '.firebaserc'), 'utf8')), {projects: {default: 'asthma-charity-prod'}});
  assert.match(r.stdout, /firebase-tools deploy --only firestore/);

  // Again: nothing to do. A firebase.json with hosting keeps it. A changed rules file is not overwritten without --force.
  writeFileSync(join(r.cwd, 'firebase.json'), JSON.stringify({hosting: {public: 'site'}}));
  const again = await kit(['init', '--project', 'asthma-charity-prod'], {cwd: r.cwd});
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /firestore\.rules\s+already up to date/);
  assert.deepEqual(JSON.parse(readFileSync(join(r.cwd, 'firebase.json'), 'utf8')).hosting, {public: 'site'});
  writeFileSync(join(r.cwd, 'firestore.rules'), 'rules_version = \'2\'; // edited by hand');
  const refused = await kit(['init', '--project', 'asthma-charity-prod'], {cwd: r.cwd});
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /already exists and is not the kit's version.*--force/s);
  const forced = await kit(['init', '--project', 'asthma-charity-prod', '--force'], {cwd: r.cwd});
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal(readFileSync(join(r.cwd, 'firestore.rules'), 'utf8'), readFileSync(join(root, 'firestore.rules'), 'utf8'));

  const noProject = await kit(['init']);
  assert.equal(noProject.code, 2);
  assert.match(noProject.stderr, /init needs your Firebase project id/);
});

test('refusals: a bad id, missing credentials, a missing option, an existing community', async () => {
  const bad = await kit(['create-community', 'Asthma Wales', '--name', 'Asthma Wales', '--admin-email', 'ada@example.org', '--emulator', emulator]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /"Asthma Wales" cannot be a community id\. Use 3 to 64 lower-case letters/);

  const noCreds = await kit(['create-community', 'asthma-wales', '--name', 'Asthma Wales', '--admin-email', 'ada@example.org', '--project', 'asthma-charity-prod']);
  assert.equal(noCreds.code, 1);
  assert.match(noCreds.stderr, /No Google credentials found/);
  assert.match(noCreds.stderr, /--credentials service-account\.json/);
  const badCreds = await kit(['export', 'asthma-wales', '--project', 'asthma-charity-prod'], {env: {GOOGLE_APPLICATION_CREDENTIALS: '/nowhere/key.json'}});
  assert.match(badCreds.stderr, /GOOGLE_APPLICATION_CREDENTIALS points to \/nowhere\/key\.json, which does not exist/);

  const noEmail = await kit(['create-community', 'asthma-wales', '--name', 'Asthma Wales', '--emulator', emulator]);
  assert.equal(noEmail.code, 2);
  assert.match(noEmail.stderr, /--admin-email is missing/);
  const badEmail = await kit(['create-community', 'asthma-wales', '--name', 'Asthma Wales', '--admin-email', 'ada at example', '--emulator', emulator]);
  assert.match(badEmail.stderr, /"ada at example" is not an email address/);

  const args = ['create-community', 'exists-already', '--name', 'Exists', '--admin-email', 'ada@example.org', '--emulator', emulator, '--project', PROJECT];
  assert.equal((await kit(args)).code, 0);
  const twice = await kit(args);
  assert.equal(twice.code, 1);
  assert.match(twice.stderr, /A community "exists-already" already exists in the emulator/);

  const noCommunity = await kit(['invite', 'no-such-community', '--email', 'x@example.org', '--role', 'moderator', '--emulator', emulator, '--project', PROJECT]);
  assert.equal(noCommunity.code, 1);
  assert.match(noCommunity.stderr, /There is no community "no-such-community"/);
  const noScope = await kit(['invite', 'exists-already', '--email', 'x@example.org', '--role', 'clinician', '--emulator', emulator, '--project', PROJECT]);
  assert.equal(noScope.code, 2);
  assert.match(noScope.stderr, /--scope is missing/);
  const badRole = await kit(['invite', 'exists-already', '--email', 'x@example.org', '--role', 'boss', '--emulator', emulator, '--project', PROJECT]);
  assert.match(badRole.stderr, /"boss" is not a role\. Choose one of admin, moderator, founder, clinician/);
});

test('create-community + the invited admin\'s claim give a working admin; invite adds a clinician', async () => {
  const cid = 'breathe-easy-cardiff';
  const made = await kit(['create-community', cid, '--name', 'Breathe Easy Cardiff', '--name-cy', 'Anadlu\'n Hawdd Caerdydd',
    '--admin-email', 'Ada@Charity.example', '--nation', 'wales', '--link', 'https://charity.example/community/admin',
    '--emulator', emulator, '--project', PROJECT]);
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stdout, /Created community "breathe-easy-cardiff"/);
  assert.match(made.stdout, /Send them this link: https:\/\/charity\.example\/community\/admin\?kin-invite=/);
  const code = inviteCode(made.stdout);
  assert.ok(code, made.stdout);
  // The link is stored with the invite (its https address naming this invite), so mailInvite can email it.
  const stored = await dump(cid);
  assert.equal(stored[`communities/${cid}/invites/${code}`].url.stringValue, `https://charity.example/community/admin?kin-invite=${code}`);
  assert.match(made.stdout, /also emailed to ada@charity\.example/i);

  // The admin-to-be signs in with that (verified) address, joins and claims.
  const ada = await storeAs(cid, 'ada-uid', 'ada@charity.example');
  const community = await new Promise((res, rej) => { const stop = ada.watchCommunity((c) => { if (c) { stop(); res(c); } }, rej); });
  assert.equal(community.settings.nation, 'wales');
  assert.equal(community.name.cy, 'Anadlu\'n Hawdd Caerdydd');
  await ada.join({pseudonym: 'Ada (staff)', relationship: 'professional', guidelinesVersion: community.settings.guidelinesVersion, healthConsentVersion: null});
  // Someone else with the link but another address cannot.
  const eve = await storeAs(cid, 'eve-uid', 'eve@example.org');
  await eve.join({pseudonym: 'Eve', relationship: 'patient', guidelinesVersion: '1', healthConsentVersion: null});
  await assert.rejects(eve.claimInvite(code), /another email address/);
  const record = await ada.claimInvite(code);
  assert.deepEqual(record.roles, ['admin']);

  // A working admin: invites, and grants a role (both refused to non-admins by the rules).
  const invite = await ada.createInvite({email: 'nurse@example.org', role: 'moderator'});
  assert.equal(invite.invitedBy, 'ada-uid');
  assert.deepEqual((await ada.grantRole('eve-uid', 'moderator')).roles, ['moderator']);

  // The CLI's invite for a clinician, claimed by them: the badge and scope show on their profile.
  const inv = await kit(['invite', cid, '--email', 'nurse.rhian@example.org', '--role', 'clinician', '--scope', 'Asthma nurse', '--emulator', emulator, '--project', PROJECT]);
  assert.equal(inv.code, 0, inv.stderr);
  const rhian = await storeAs(cid, 'rhian-uid', 'nurse.rhian@example.org');
  await rhian.join({pseudonym: 'Nurse Rhian', relationship: 'professional', guidelinesVersion: '1', healthConsentVersion: null});
  await rhian.claimInvite(inviteCode(inv.stdout));
  const profile = await ada.getMember('rhian-uid');
  assert.deepEqual(profile.badges, ['clinician']);
  assert.equal(profile.clinicianScope, 'Asthma nurse');
});

test('export writes every document; import restores it into an empty community, every document equal', async () => {
  const cid = 'export-roundtrip';
  assert.equal((await kit(['create-community', cid, '--name', 'Round trip', '--admin-email', 'ada@example.org', '--emulator', emulator, '--project', PROJECT])).code, 0);
  // Members, a thread with a post and a reaction, nested maps, lists, nulls, times, a text that looks like a tag.
  const t = '2026-01-10T09:00:00.123456Z';
  const writes = [
    ['members/u1', {uid: {stringValue: 'u1'}, pseudonym: {stringValue: 'Mel'}, joinedAt: {timestampValue: t}, badges: {arrayValue: {values: [{stringValue: 'moderator'}]}}, clinicianScope: {nullValue: null}, avatarHue: {integerValue: '120'}}],
    ['threads/t1', {title: {stringValue: 'Spacers'}, postCount: {integerValue: '1'}, participants: {nullValue: null}}],
    ['threads/t1/posts/p1', {body: {stringValue: '{"$timestamp": "not a time"}'}, reactions: {mapValue: {fields: {heart: {integerValue: '2'}, $weird: {stringValue: 'x'}}}}, createdAt: {timestampValue: t}, score: {doubleValue: 0.5}}],
    ['threads/t1/reactions/p1_u1_heart', {postId: {stringValue: 'p1'}, ok: {booleanValue: true}}],
  ];
  await rest(':commit', {method: 'POST', body: JSON.stringify({writes: writes.map(([p, fields]) => ({update: {name: `projects/${PROJECT}/databases/(default)/documents/communities/${cid}/${p}`, fields}}))})});
  const before = await dump(cid);
  const folder = mkdtempSync(join(tmpdir(), 'export-'));
  const exp = await kit(['export', cid, '--out', 'records.json', '--emulator', emulator, '--project', PROJECT], {cwd: folder});
  assert.equal(exp.code, 0, exp.stderr);
  const file = JSON.parse(readFileSync(join(folder, 'records.json'), 'utf8'));
  assert.equal(file.format, 'kindred-community-export@1');
  assert.equal(file.documentCount, Object.keys(before).length);
  assert.deepEqual(Object.keys(file.documents).sort(), Object.keys(before).map((p) => p.slice(`communities/${cid}/`.length).replace(`communities/${cid}`, '')).sort());
  assert.equal(file.documents['members/u1'].pseudonym, 'Mel');
  assert.deepEqual(file.documents['members/u1'].joinedAt, {$timestamp: '2026-01-10T09:00:00.123456000Z'});
  assert.deepEqual(file.documents['threads/t1/posts/p1'].reactions, {$map: {heart: 2, $weird: 'x'}});

  const refused = await kit(['import', cid, 'records.json', '--emulator', emulator, '--project', PROJECT], {cwd: folder});
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /is not empty: import only restores into a community that does not exist/);

  await wipe(cid);
  assert.deepEqual(await dump(cid), {});
  const imp = await kit(['import', cid, 'records.json', '--emulator', emulator, '--project', PROJECT], {cwd: folder});
  assert.equal(imp.code, 0, imp.stderr);
  assert.match(imp.stdout, new RegExp(`Imported ${Object.keys(before).length} documents`));
  const after = await dump(cid);
  assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort());
  for (const path of Object.keys(before)) assert.deepEqual(after[path], before[path], path);

  writeFileSync(join(folder, 'junk.json'), '{"hello": 1}');
  const junk = await kit(['import', 'another-one', 'junk.json', '--emulator', emulator, '--project', PROJECT], {cwd: folder});
  assert.match(junk.stderr, /junk\.json is not a community export/);
});

test('upgrade gives posts from an older kit the audience and warning visitors\' queries need; safe to run again', async () => {
  const cid = 'upgrade-old-posts';
  assert.equal((await kit(['create-community', cid, '--name', 'Old posts', '--admin-email', 'ada@example.org', '--emulator', emulator, '--project', PROJECT])).code, 0);
  const writes = [
    ['threads/t1', {title: {stringValue: 'Spacers'}, postCount: {integerValue: '2'}, participants: {nullValue: null}, status: {stringValue: 'visible'}}],
    ['threads/t1/posts/old', {body: {stringValue: 'Written before audiences'}, status: {stringValue: 'visible'}, createdAt: {timestampValue: '2026-01-10T09:00:00Z'}}],
    ['threads/t1/posts/new', {body: {stringValue: 'Members only'}, status: {stringValue: 'visible'}, createdAt: {timestampValue: '2026-01-11T09:00:00Z'}, audience: {stringValue: 'members'},
      warning: {mapValue: {fields: {topic: {stringValue: 'self-harm'}}}}}],
  ];
  await rest(':commit', {method: 'POST', body: JSON.stringify({writes: writes.map(([p, fields]) => ({update: {name: `projects/${PROJECT}/databases/(default)/documents/communities/${cid}/${p}`, fields}}))})});
  const up = await kit(['upgrade', cid, '--emulator', emulator, '--project', PROJECT]);
  assert.equal(up.code, 0, up.stderr);
  assert.match(up.stdout, /Brought 1 of 2 posts in "upgrade-old-posts" .* up to date/);
  const docs = await dump(cid);
  assert.deepEqual(docs[`communities/${cid}/threads/t1/posts/old`].audience, {stringValue: 'everyone'});
  assert.deepEqual(docs[`communities/${cid}/threads/t1/posts/old`].warning, {nullValue: null});
  assert.deepEqual(docs[`communities/${cid}/threads/t1/posts/new`].audience, {stringValue: 'members'}, 'a value that is there is kept');
  assert.equal(docs[`communities/${cid}/threads/t1/posts/new`].warning.mapValue.fields.topic.stringValue, 'self-harm');
  // A visitor's query (audience == 'everyone', as the kit's reader asks) now finds the old post, over REST with no sign-in.
  const visitor = await fetch(`${base()}/communities/${cid}/threads/t1:runQuery`, {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({structuredQuery: {from: [{collectionId: 'posts'}], where: {compositeFilter: {op: 'AND', filters: [
      {fieldFilter: {field: {fieldPath: 'status'}, op: 'IN', value: {arrayValue: {values: [{stringValue: 'visible'}, {stringValue: 'hidden'}, {stringValue: 'deleted'}]}}}},
      {fieldFilter: {field: {fieldPath: 'audience'}, op: 'EQUAL', value: {stringValue: 'everyone'}}},
    ]}}, orderBy: [{field: {fieldPath: 'createdAt'}, direction: 'DESCENDING'}, {field: {fieldPath: '__name__'}, direction: 'DESCENDING'}], limit: 20}})});
  const answer = await visitor.json();
  assert.ok(Array.isArray(answer), JSON.stringify(answer));
  const found = answer.filter((r) => r.document).map((r) => r.document.name.split('/').pop());
  assert.deepEqual(found, ['old']);
  const again = await kit(['upgrade', cid, '--emulator', emulator, '--project', PROJECT]);
  assert.match(again.stdout, /All 2 posts in "upgrade-old-posts" .* are already up to date/);
  const missing = await kit(['upgrade', 'no-such-community', '--emulator', emulator, '--project', PROJECT]);
  assert.match(missing.stderr, /There is no community "no-such-community"/);
});
