// firestore.rules: an author's edit cannot slip past the automatic holds (issue 7). A new post with an email
// address, a phone number, more than two links or a banned word must be created 'held'; an edit that adds
// one to a visible post must hold it again, with the same reason (policy.editHoldReason) and its
// heldPosts marker in the same batch, so moderators see it in the queue. Moderators are exempt; a held post
// is already awaiting review. Proven against the real emulator, and with FirebaseStore's own edit.
//
// The cast (rules-fixture.ts): m1 Mel (member), m2 Mo (other), mod1 (moderator), sus1 (suspended).
import {expect} from '@open-wc/testing';
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {baseline, logDoc, newPost, ts, type Db, type RulesEnv, useRulesEnv} from './rules-fixture.js';
import {editHoldReason} from '../../src/data/policy.js';
import {collectionIn, docIn, pathIn} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';

const HARMLESS = 'Spacers help my son a lot';
const HOLDING: [what: string, body: string, reason: string][] = [
  ['an email address', 'Write to me: mel.jones@example.org', 'contact-details'],
  ['a phone number', 'Ring me on (01970) 622-000 after six', 'contact-details'],
  ['three links', 'See https://a.example, www.b.example and http://c.example', 'links'],
  ['a banned word', 'Honestly, this inhaler is a SCAM!', 'banned-word'],
];

let n = 0;
/** A fresh community (the rules baseline, banned word "scam") with visible posts by m1, and one held. */
async function world(rt: RulesEnv, pids: string[], extra: [string, Record<string, unknown>][] = []): Promise<string> {
  const cid = `edit-holds-${++n}`;
  const docs = baseline(cid);
  const community = docs.find(([p]) => p === pathIn(cid))![1] as {settings: Record<string, unknown>};
  community.settings.bannedWords = ['scam'];
  const stored = (uid: string, name: string, status: string, body = HARMLESS) =>
    ({...newPost(uid, name, {body, status, statusReason: status === 'held' ? 'first-posts' : null}), createdAt: Date.UTC(2026, 0, 10)});
  await rt.admin.writeDocs([
    ...docs,
    ...pids.map((pid): [string, Record<string, unknown>] => [pathIn(cid, layout.post('t1', pid)), stored('m1', 'Mel', 'visible')]),
    [pathIn(cid, layout.post('t1', 'held')), stored('m1', 'Mel', 'held')],
    [pathIn(cid, layout.post('t1', 'modpost')), stored('mod1', 'Moderator Max', 'visible')],
    ...extra,
  ]);
  return cid;
}

const postRef = (db: Db, cid: string, pid: string) => docIn(db, cid, layout.post('t1', pid));
const markerRef = (db: Db, cid: string, pid: string) => docIn(db, cid, layout.heldPost('t1', pid));
const marker = (pid: string, authorId = 'm1', extra: Record<string, unknown> = {}) => ({threadId: 't1', postId: pid, authorId, createdAt: ts(), ...extra});

/** A plain edit, as FirebaseStore writes one that holds nothing. */
const edit = (db: Db, cid: string, pid: string, body: string, extra: Record<string, unknown> = {}) =>
  postRef(db, cid, pid).update({body, editedAt: ts(), ...extra});

/** The edit that holds the post again, as FirebaseStore writes it: held with the reason, and the marker. */
function holdingEdit(db: Db, cid: string, pid: string, body: string, reason: string | null,
  {post = {}, mark = marker(pid), markPid = pid}: {post?: Record<string, unknown>; mark?: Record<string, unknown> | null; markPid?: string} = {}) {
  const batch = db.batch();
  batch.update(postRef(db, cid, pid), {body, editedAt: ts(), status: 'held', statusReason: reason, ...post});
  if (mark) batch.set(markerRef(db, cid, markPid), mark);
  return batch.commit();
}

describe('firestore.rules: edits re-hold a post (issue 7)', function () {
  this.timeout(120000);
  let rt: RulesEnv;

  useRulesEnv('demo-kindred-rules-edit-holds', (e) => (rt = e));

  it('refuses an edit that adds an email, a phone number, three links or a banned word and stays visible; allows it held with the reason and marker', async () => {
    const pids = HOLDING.map((_, i) => `v${i}`);
    const cid = await world(rt, pids);
    const m1 = rt.db('member');
    for (const [i, [what, body, reason]] of HOLDING.entries()) {
      expect(editHoldReason({bannedWords: ['scam']}, false, 'visible', body), `policy on ${what}`).to.equal(reason);
      await assertFails(edit(m1, cid, pids[i], body)).catch((e: Error) => { throw new Error(`${what} stayed visible: ${e.message}`); });
      await assertSucceeds(holdingEdit(m1, cid, pids[i], body, reason)).catch((e: Error) => { throw new Error(`${what} held: ${e.message}`); });
      const stored = await rt.admin.getRaw(pathIn(cid, layout.post('t1', pids[i])));
      expect([stored?.status, stored?.statusReason, stored?.body]).to.deep.equal([{stringValue: 'held'}, {stringValue: reason}, {stringValue: body}]);
      expect(await rt.admin.getRaw(pathIn(cid, layout.heldPost('t1', pids[i]))), `${what}: the queue marker`).to.not.equal(null);
    }
    // Others no longer read it; the moderators' queue lists it.
    await assertFails(postRef(rt.db('other'), cid, pids[0]).get());
    const queued = await collectionIn(rt.db('moderator'), cid, layout.heldPosts).get();
    expect(queued.docs.map((d) => d.id)).to.have.members(pids.map((pid) => `t1_${pid}`));
  });

  it('a harmless edit keeps a visible post visible; an edit of a held post stays held; a moderator\'s own edit is exempt', async () => {
    const cid = await world(rt, ['ok1', 'ok2']);
    const m1 = rt.db('member');
    await assertSucceeds(edit(m1, cid, 'ok1', 'Two links are fine: https://a.example and https://b.example, born 2019-2020'));
    await assertSucceeds(edit(m1, cid, 'ok2', 'I had scampi for tea'));
    expect((await rt.admin.getRaw(pathIn(cid, layout.post('t1', 'ok2'))))?.status).to.deep.equal({stringValue: 'visible'});
    // Already awaiting review: the edit keeps it held with its reason, no second marker.
    await assertSucceeds(edit(m1, cid, 'held', 'Now with mel@example.org'));
    const held = await rt.admin.getRaw(pathIn(cid, layout.post('t1', 'held')));
    expect([held?.status, held?.statusReason]).to.deep.equal([{stringValue: 'held'}, {stringValue: 'first-posts'}]);
    await assertSucceeds(edit(rt.db('moderator'), cid, 'modpost', 'Call NHS 111 or 0808 164 0123'));
    expect((await rt.admin.getRaw(pathIn(cid, layout.post('t1', 'modpost'))))?.status).to.deep.equal({stringValue: 'visible'});
  });

  it('a moderator can approve the re-held post, removing its marker', async () => {
    const cid = await world(rt, ['a1']);
    await assertSucceeds(holdingEdit(rt.db('member'), cid, 'a1', HOLDING[0][1], 'contact-details'));
    const mod = rt.db('moderator');
    const batch = mod.batch();
    batch.update(postRef(mod, cid, 'a1'), {status: 'visible', statusReason: null});
    batch.delete(markerRef(mod, cid, 'a1'));
    batch.set(docIn(mod, cid, layout.logEntry('a-a1')), logDoc('mod1', {action: 'approve', targetPath: layout.post('t1', 'a1'), reason: ''}));
    await assertSucceeds(batch.commit());
    expect(await rt.admin.getRaw(pathIn(cid, layout.heldPost('t1', 'a1')))).to.equal(null);
  });

  it('refuses every way round the re-hold', async () => {
    const ids = Array.from({length: 20}, (_, i) => `h${i}`);
    const cid = await world(rt, ids);
    const m1 = rt.db('member');
    const email = HOLDING[0][1];
    const attempts: [string, (pid: string) => Promise<unknown>][] = [
      ['an upper-case email left visible', (pid) => edit(m1, cid, pid, 'MAIL ME: MEL@EXAMPLE.ORG')],
      ['a phone number with dots left visible', (pid) => edit(m1, cid, pid, 'ring 07700.900.123')],
      ['three www. links left visible', (pid) => edit(m1, cid, pid, 'www.a.org www.b.org www.c.org')],
      ['a banned word across a line break left visible', (pid) => edit(m1, cid, pid, 'Hello\nscam\nbye')],
      ['held with the reason but no marker', (pid) => holdingEdit(m1, cid, pid, email, 'contact-details', {mark: null})],
      ['held with another reason', (pid) => holdingEdit(m1, cid, pid, email, 'moderation')],
      ['held with no reason', (pid) => holdingEdit(m1, cid, pid, email, null)],
      ['held as a banned word when it is an email', (pid) => holdingEdit(m1, cid, pid, email, 'banned-word')],
      ['held, changing the reactions too', (pid) => holdingEdit(m1, cid, pid, email, 'contact-details', {post: {reactions: {heart: 9, hug: 0, metoo: 0, thanks: 0}}})],
      ['held, renaming the author too', (pid) => holdingEdit(m1, cid, pid, email, 'contact-details', {post: {authorName: 'Someone else'}})],
      ['hidden instead of held', (pid) => edit(m1, cid, pid, email, {status: 'hidden', statusReason: 'contact-details'})],
      ['a harmless edit holding itself', (pid) => holdingEdit(m1, cid, pid, HARMLESS + '!', 'links')],
      ['the marker for another post', (pid) => holdingEdit(m1, cid, pid, email, 'contact-details', {markPid: 'h19', mark: marker('h19')})],
      ['a marker naming another author', (pid) => holdingEdit(m1, cid, pid, email, 'contact-details', {mark: marker(pid, 'm2')})],
      ['a marker with extra fields', (pid) => holdingEdit(m1, cid, pid, email, 'contact-details', {mark: marker(pid, 'm1', {note: 'x'})})],
      ['a client-set edit time', (pid) => holdingEdit(m1, cid, pid, email, 'contact-details', {post: {editedAt: new Date()}})],
      ['a body over 5000 characters', (pid) => holdingEdit(m1, cid, pid, email + ' ' + 'a'.repeat(5000), 'contact-details')],
      ['a marker alone for a visible post', (pid) => markerRef(m1, cid, pid).set(marker(pid))],
      ['another member re-holding the post', (pid) => holdingEdit(rt.db('other'), cid, pid, email, 'contact-details')],
      ['a suspended member re-holding their post', () => holdingEdit(rt.db('suspended'), cid, 'p3', email, 'contact-details', {mark: marker('p3', 'sus1')})],
    ];
    for (const [i, [what, attempt]] of attempts.entries()) {
      await assertFails(attempt(ids[i])).catch((e: Error) => { throw new Error(`${what}: ${e.message}`); });
    }
    expect(attempts.length).to.be.at.least(10);
    // Nothing moved: every post is still visible with its text, and no marker was written.
    const p = await rt.admin.getRaw(pathIn(cid, layout.post('t1', 'h0')));
    expect([p?.status, p?.body]).to.deep.equal([{stringValue: 'visible'}, {stringValue: HARMLESS}]);
    const held = await collectionIn(rt.db('moderator'), cid, layout.heldPosts).get();
    expect(held.size).to.equal(0);
  });
});
