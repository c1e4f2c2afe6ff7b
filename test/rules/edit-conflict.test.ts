// firestore.rules, issue 17 (fault): two tabs of one member edit the same post. An edit carries the version
// it makes (the stored version + 1; absent counts as 0), so the tab that began from an older version is
// refused and the other tab's words are never silently overwritten. Proven against the real emulator, and
// with FirebaseStore's own edit (code `conflict`, the stored text unchanged).
//
// The cast (rules-fixture.ts): m1 Mel (member), mod1 (moderator).
import {expect} from '@open-wc/testing';
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {baseline, newPost, ts, type Db, type RulesEnv, useRulesEnv} from './rules-fixture.js';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {isKindredError} from '../../src/data/errors.js';
import {emulatorHost} from '../support/env.js';
import {docIn, pathIn} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';

const PROJECT = 'demo-kindred-rules-edit-conflict';
let n = 0;

async function world(rt: RulesEnv, pids: string[]): Promise<string> {
  const cid = `edit-conflict-${++n}-${Date.now().toString(36)}`;
  await rt.admin.writeDocs([
    ...baseline(cid),
    ...pids.map((pid): [string, Record<string, unknown>] => [pathIn(cid, layout.post('t1', pid)),
      {...newPost('m1', 'Mel', {body: 'First words', status: 'visible', statusReason: null}), createdAt: Date.UTC(2026, 0, 10)}]),
  ]);
  return cid;
}

const postRef = (db: Db, cid: string, pid: string) => docIn(db, cid, layout.post('t1', pid));
const edit = (db: Db, cid: string, pid: string, body: string, version?: number) =>
  postRef(db, cid, pid).update({body, editedAt: ts(), ...(version === undefined ? {} : {version})});

describe('firestore.rules: two tabs edit one post (issue 17, fault)', function () {
  this.timeout(120000);
  let rt: RulesEnv;

  useRulesEnv(PROJECT, (e) => (rt = e));

  it('an edit must be the stored version + 1: the tab that began from the older version is refused', async () => {
    const cid = await world(rt, ['p1']);
    const tabA = rt.db('member');
    const tabB = rt.db('member');
    // Both tabs began from version 0 (never edited). A saves first.
    await assertSucceeds(edit(tabA, cid, 'p1', 'Tab A’s words', 1));
    // B still thinks it is making version 1: refused, A's words stay.
    await assertFails(edit(tabB, cid, 'p1', 'Tab B’s words', 1));
    expect((await rt.admin.getRaw(pathIn(cid, layout.post('t1', 'p1'))))?.body).to.deep.equal({stringValue: 'Tab A’s words'});
    // B, having seen A's edit, saves on purpose: version 2.
    await assertSucceeds(edit(tabB, cid, 'p1', 'Tab B’s words, after reading A’s', 2));
    // Skipping ahead, going back, a non-number, or no version at all on a versioned post: refused.
    await assertFails(edit(tabA, cid, 'p1', 'Skipping', 5));
    await assertFails(edit(tabA, cid, 'p1', 'Going back', 2));
    await assertFails(edit(tabA, cid, 'p1', 'Text', '3' as unknown as number));
    await assertFails(edit(tabA, cid, 'p1', 'No version'));
    const stored = await rt.admin.getRaw(pathIn(cid, layout.post('t1', 'p1')));
    expect([stored?.body, stored?.version]).to.deep.equal([{stringValue: 'Tab B’s words, after reading A’s'}, {integerValue: '2'}]);
  });

  it('an edit without a version (an older client) is still accepted on a post never versioned', async () => {
    const cid = await world(rt, ['p2']);
    await assertSucceeds(edit(rt.db('member'), cid, 'p2', 'An older client’s edit'));
  });

  it('FirebaseStore: the second tab’s save is refused with `conflict` and the first tab’s words are kept; saving again from the new version works', async () => {
    const cid = await world(rt, ['p3']);
    const {host, port} = emulatorHost();
    // Two stores of one member (the browser test, test/faults/edit-conflict.test.ts, uses two real tabs' worth
    // of SDKs); each edit names the version it began from.
    const tabA = await createFirebaseStore({communityId: cid, config: {projectId: PROJECT}, emulator: {host, port, mockUser: {uid: 'm1'}}});
    const tabB = await createFirebaseStore({communityId: cid, config: {projectId: PROJECT}, emulator: {host, port, mockUser: {uid: 'm1'}}});
    try {
      await tabA.editPost('t1', 'p3', 'Tab A’s words', {version: 0});
      const refused = await tabB.editPost('t1', 'p3', 'Tab B’s words', {version: 0}).then(() => null, (e: unknown) => e);
      expect(isKindredError(refused) && refused.code, 'the later tab is told').to.equal('conflict');
      expect((await rt.admin.getRaw(pathIn(cid, layout.post('t1', 'p3'))))?.body).to.deep.equal({stringValue: 'Tab A’s words'});
      await tabB.editPost('t1', 'p3', 'Tab B’s words, on purpose', {version: 1});
      expect((await rt.admin.getRaw(pathIn(cid, layout.post('t1', 'p3'))))?.body).to.deep.equal({stringValue: 'Tab B’s words, on purpose'});
    } finally {
      await tabA.dispose();
      await tabB.dispose();
    }
  });
});
