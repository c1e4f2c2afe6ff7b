// firestore.rules: automatic holds the store applies must also bind a client that writes Firestore directly
// (issue 7, "Pre-moderation and automatic holds"):
//   1. banned words (settings.bannedWords): a member's post containing one must be created 'held' with the
//      reason 'banned-word'; whole words only, case-insensitive, Welsh letters count as letters, and a
//      word's regex metacharacters are literal (the same answers as policy.findBannedWord);
//   2. first-posts (settings.moderation 'first-posts', holdFirstPosts N): a member's posts must be held
//      until moderators approved N of them (members/{uid}.approvedPosts, moved only by a moderator's
//      approve batch, one at a time);
//   3. hostile payloads against both.
// Writes run one at a time; each write expected to succeed runs in its own freshly seeded community.
//
// The cast (rules-fixture.ts): m1 Mel (member), m2 Mo (other), mod1 (moderator), sus1 (suspended).
import {expect} from '@open-wc/testing';
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {FieldValue, baseline, logDoc, newPost, ts, type Db, type RulesEnv, useRulesEnv} from './rules-fixture.js';
import {findBannedWord} from '../../src/data/policy.js';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import {emulatorHost} from '../support/env.js';
import {member, roles, sampleSeed, thread, uniqueCommunityId} from '../support/builders.js';
import {docIn, pathIn} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';

const BANNED = ['scam', 'miracle cure', 'iachâd gwyrthiol', 'twyll', 'Ffug', 'win $$$', '.*'];

let n = 0;
/** A fresh community: the rules baseline with these settings. */
async function world(rt: RulesEnv, settings: Record<string, unknown>): Promise<string> {
  const cid = `holds-${++n}`;
  const docs = baseline(cid);
  const community = docs.find(([p]) => p === pathIn(cid))![1] as {settings: Record<string, unknown>};
  Object.assign(community.settings, settings);
  await rt.admin.writeDocs(docs);
  return cid;
}

const NAME: Record<string, string> = {m1: 'Mel', m2: 'Mo', mod1: 'Moderator Max'};

/** A post in t1 as FirebaseStore writes it: visible with the thread bump, or held with its queue marker. */
function post(db: Db, cid: string, uid: string, pid: string, body: string, status: 'visible' | 'held', statusReason: string | null = null, extra: Record<string, unknown> = {}) {
  const batch = db.batch();
  batch.set(docIn(db, cid, layout.post('t1', pid)), newPost(uid, NAME[uid], {body, status, statusReason, ...extra}));
  if (status === 'visible') batch.update(docIn(db, cid, layout.thread('t1')), {postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: pid});
  else batch.set(docIn(db, cid, layout.heldPost('t1', pid)), {threadId: 't1', postId: pid, authorId: uid, createdAt: ts()});
  return batch.commit();
}

/** A moderator's approve batch (./src/data/firebase/moderation.ts): visible, counted on the thread and the author. */
function approve(db: Db, cid: string, pid: string, authorId: string, by: number | null = 1) {
  const batch = db.batch();
  batch.update(docIn(db, cid, layout.post('t1', pid)), {status: 'visible', statusReason: null});
  batch.update(docIn(db, cid, layout.thread('t1')), {postCount: FieldValue.increment(1)});
  batch.delete(docIn(db, cid, layout.heldPost('t1', pid)));
  if (by !== null) batch.update(docIn(db, cid, layout.member(authorId)), {approvedPosts: FieldValue.increment(by)});
  batch.set(docIn(db, cid, layout.logEntry(`a-${pid}`)), logDoc('mod1', {action: 'approve', targetPath: layout.post('t1', pid), reason: ''}));
  return batch.commit();
}

describe('firestore.rules: automatic holds (issue 7)', function () {
  this.timeout(120000);
  let rt: RulesEnv;

  useRulesEnv('demo-kindred-rules-holds', (e) => (rt = e));

  describe('banned words (settings.bannedWords)', () => {
    let cid: string;
    before(async () => {
      cid = await world(rt, {bannedWords: BANNED});
    });

    it('a post with a banned word is refused as visible and accepted as held with the banned-word reason', async () => {
      const m1 = rt.db('member');
      await assertFails(post(m1, cid, 'm1', 'b1', 'This is a scam, honestly', 'visible'));
      await assertSucceeds(post(m1, cid, 'm1', 'b1', 'This is a scam, honestly', 'held', 'banned-word'));
      const stored = await rt.admin.getRaw(pathIn(cid, layout.post('t1', 'b1')));
      expect(stored?.status).to.deep.equal({stringValue: 'held'});
    });

    it('whole words only, as policy.findBannedWord: "a scam!" is held, "scampi" and "escamotage" are not', async () => {
      const m1 = rt.db('member');
      const cases: [string, boolean][] = [
        ['a scam!', true], ['scam', true], ['(scam)', true], ['Hello\nscam\nbye', true], ['scam2', false],
        ['I had scampi for tea', false], ['escamotage', false], ['scams', false],
      ];
      let i = 0;
      for (const [body, held] of cases) {
        expect(findBannedWord(body, BANNED) !== null, `policy on ${JSON.stringify(body)}`).to.equal(held);
        const write = post(m1, cid, 'm1', `w${++i}`, body, 'visible');
        if (held) await assertFails(write);
        else await assertSucceeds(write);
      }
    });

    it('is case-insensitive (in the text and in the list) and matches phrases', async () => {
      const m1 = rt.db('member');
      for (const [i, body] of ['SCAM alert', 'Is it a Miracle Cure?', 'a MIRACLE CURE', 'Mae hyn yn ffug!'].entries()) {
        expect(findBannedWord(body, BANNED)).to.not.equal(null);
        await assertFails(post(m1, cid, 'm1', `c${i}`, body, 'visible'));
      }
      // Both words of the phrase, but not together: not banned.
      await assertSucceeds(post(m1, cid, 'm1', 'c9', 'A miracle, a cure', 'visible'));
    });

    it('treats Welsh letters as letters: "IACHÂD GWYRTHIOL" is held, "twyllŵr" is not "twyll"', async () => {
      const m1 = rt.db('member');
      expect(findBannedWord('Dyma IACHÂD GWYRTHIOL!', BANNED)).to.equal('iachâd gwyrthiol');
      await assertFails(post(m1, cid, 'm1', 'cy1', 'Dyma IACHÂD GWYRTHIOL!', 'visible'));
      await assertFails(post(m1, cid, 'm1', 'cy2', 'Mae’n dwyll? Na — twyll.', 'visible'));
      expect(findBannedWord('ŴTWYLL, twyllŵr', BANNED)).to.equal(null);
      await assertSucceeds(post(m1, cid, 'm1', 'cy4', 'ŴTWYLL, twyllŵr', 'visible'));
      expect(findBannedWord('twyllŵr ŵtwyll', BANNED)).to.equal(null);
      await assertSucceeds(post(m1, cid, 'm1', 'cy3', 'twyllŵr ŵtwyll', 'visible'));
    });

    it('reads a word\'s regex metacharacters literally (".*" bans only ".*"; "win $$$" only itself)', async () => {
      const m1 = rt.db('member');
      await assertSucceeds(post(m1, cid, 'm1', 'x1', 'An ordinary post about inhalers', 'visible'));
      await assertSucceeds(post(m1, cid, 'm1', 'x2', 'win big', 'visible'));
      await assertFails(post(m1, cid, 'm1', 'x3', 'Click to win $$$ today', 'visible'));
      await assertFails(post(m1, cid, 'm1', 'x4', 'matches .* everything', 'visible'));
    });

    it('moderators are never held', async () => {
      await assertSucceeds(post(rt.db('moderator'), cid, 'mod1', 'mod1', 'Warning: this is a scam', 'visible'));
    });

    it('no banned words: nothing is held for a word', async () => {
      const plain = await world(rt, {bannedWords: []});
      await assertSucceeds(post(rt.db('member'), plain, 'm1', 'p1n', 'This is a scam', 'visible'));
    });
  });

  describe('first posts (moderation first-posts, holdFirstPosts 2)', () => {
    it('a new member\'s visible post is refused, held is allowed; after 2 approvals visible is allowed', async () => {
      const cid = await world(rt, {moderation: 'first-posts', holdFirstPosts: 2});
      const m1 = rt.db('member');
      await assertFails(post(m1, cid, 'm1', 'f1', 'Hello everyone', 'visible'));
      await assertSucceeds(post(m1, cid, 'm1', 'f1', 'Hello everyone', 'held', 'first-posts'));
      await assertSucceeds(post(m1, cid, 'm1', 'f2', 'Second post', 'held', 'first-posts'));
      const mod = rt.db('moderator');
      await assertSucceeds(approve(mod, cid, 'f1', 'm1'));
      // One approval is not enough.
      await assertFails(post(m1, cid, 'm1', 'f3', 'Third post', 'visible'));
      await assertSucceeds(approve(mod, cid, 'f2', 'm1'));
      const member = await rt.admin.getRaw(pathIn(cid, layout.member('m1')));
      expect(member?.approvedPosts).to.deep.equal({integerValue: '2'});
      await assertSucceeds(post(m1, cid, 'm1', 'f3', 'Third post', 'visible'));
      // A banned word still holds an established member's post.
      const banned = await world(rt, {moderation: 'first-posts', holdFirstPosts: 2, bannedWords: ['scam']});
      const profile = baseline(banned).find(([p]) => p === pathIn(banned, layout.member('m1')))![1];
      await rt.admin.writeDocs([[pathIn(banned, layout.member('m1')), {...profile, approvedPosts: 5}]]);
      await assertFails(post(m1, banned, 'm1', 'f4', 'a scam', 'visible'));
      await assertSucceeds(post(m1, banned, 'm1', 'f5', 'Fine now', 'visible'));
    });

    it('with holdFirstPosts 0, or in post mode, nobody is held for being new', async () => {
      const zero = await world(rt, {moderation: 'first-posts', holdFirstPosts: 0});
      await assertSucceeds(post(rt.db('member'), zero, 'm1', 'z1', 'Hello', 'visible'));
      const open = await world(rt, {moderation: 'post', holdFirstPosts: 3});
      await assertSucceeds(post(rt.db('member'), open, 'm1', 'z2', 'Hello', 'visible'));
    });

    it('moderators are never held as new members', async () => {
      const cid = await world(rt, {moderation: 'first-posts', holdFirstPosts: 2});
      await assertSucceeds(post(rt.db('moderator'), cid, 'mod1', 'mf1', 'Welcome all', 'visible'));
    });
  });

  describe('hostile payloads', () => {
    let cid: string;
    before(async () => {
      cid = await world(rt, {moderation: 'first-posts', holdFirstPosts: 2, bannedWords: ['scam']});
    });
    const memberDoc = (db: Db, uid = 'm1') => docIn(db, cid, layout.member(uid));

    it('refuses every way round a banned-word or first-posts hold', async () => {
      const m1 = rt.db('member');
      const attempts: [string, () => Promise<unknown>][] = [
        ['held, but with another reason to dodge the banned-word notice', () => post(m1, cid, 'm1', 'h1', 'a scam', 'held', 'first-posts')],
        ['held with no reason', () => post(m1, cid, 'm1', 'h2', 'a scam', 'held', null)],
        ['visible with a reason', () => post(m1, cid, 'm1', 'h3', 'Hello', 'visible', 'first-posts')],
        ['a visible reply', () => post(m1, cid, 'm1', 'h4', 'Hello', 'visible', null, {parentId: 'p1'})],
        ['a new page thread whose first post is visible', () => {
          const batch = m1.batch();
          batch.set(docIn(m1, cid, layout.post('k_new', 'h5')), newPost('m1', 'Mel', {body: 'Hello'}));
          batch.set(docIn(m1, cid, layout.thread('k_new')), {key: 'new', title: 'New', authorId: 'm1', authorName: 'Mel', createdAt: ts(),
            lastActivityAt: ts(), postCount: 1, status: 'visible', participants: null, lastPostId: 'h5'});
          return batch.commit();
        }],
        ['forging the counter with a profile update', () => memberDoc(m1).update({approvedPosts: 2})],
        ['forging the counter with a profile edit beside it', () => memberDoc(m1).update({bio: 'Hi', approvedPosts: 2})],
        ['counting itself up by one, as a moderator would', () => memberDoc(m1).update({approvedPosts: FieldValue.increment(1)})],
        ['setting the counter with the post that needs it', () => {
          const batch = m1.batch();
          batch.update(memberDoc(m1), {approvedPosts: 2});
          batch.set(docIn(m1, cid, layout.post('t1', 'h9')), newPost('m1', 'Mel', {body: 'Hello'}));
          batch.update(docIn(m1, cid, layout.thread('t1')), {postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: 'h9'});
          return batch.commit();
        }],
        ['a counter that is not a number', () => memberDoc(m1).update({approvedPosts: '99'})],
        ['counting up another member', () => memberDoc(m1, 'm2').update({approvedPosts: FieldValue.increment(1)})],
      ];
      for (const [what, attempt] of attempts) await assertFails(attempt()).catch((e: Error) => { throw new Error(`${what}: ${e.message}`); });
      expect(attempts.length).to.be.at.least(10);
    });

    it('refuses a join that brings its own counter, and a moderator counting more than one approval', async () => {
      const outsider = rt.db('nonMember');
      const batch = outsider.batch();
      batch.set(docIn(outsider, cid, layout.member('outsider')), {
        uid: 'outsider', pseudonym: 'Olly', pseudonymLower: 'olly', avatarUrl: null, avatarHue: 10, relationship: 'carer', bio: '',
        tags: [], listed: false, badges: [], clinicianScope: null, joinedAt: ts(), approvedPosts: 5,
      });
      batch.set(docIn(outsider, cid, layout.private('outsider')), {uid: 'outsider', guidelines: {version: 'g2', at: ts()}, healthConsent: null, fieldVisibility: {}});
      await assertFails(batch.commit());
      await rt.release('nonMember');
      const mod = rt.db('moderator');
      await assertFails(docIn(mod, cid, layout.member('m1')).update({approvedPosts: 2}));
      await assertFails(approve(mod, cid, 'p2', 'auth1', 2));
      await assertFails(docIn(rt.db('suspended'), cid, layout.member('m1')).update({approvedPosts: 1}));
    });

    it('still lets a member edit their profile and a moderator count one approval', async () => {
      const fresh = await world(rt, {moderation: 'first-posts', holdFirstPosts: 2});
      await assertSucceeds(docIn(rt.db('member'), fresh, layout.member('m1')).update({bio: 'Hello'}));
      await assertSucceeds(approve(rt.db('moderator'), fresh, 'p2', 'auth1'));
    });
  });

  describe('FirebaseStore writes what these rules require', () => {
    it('holds a new member\'s first post and a banned word; the approve counts, and the next post is visible', async () => {
      const project = 'demo-kindred-rules-holds-store';
      const cid = uniqueCommunityId('holds');
      const alice = member('alice');
      const mo = member('mo', {badges: ['moderator']});
      const admin = new FirestoreAdmin(project);
      await admin.seed(sampleSeed(cid, {members: [alice, mo], roles: [roles('mo', ['moderator'])], threads: [thread('t1')]},
        {settings: {moderation: 'first-posts', holdFirstPosts: 1, bannedWords: ['scam']}}));
      const {port} = emulatorHost();
      const open = (uid: string) => createFirebaseStore({communityId: cid, config: {projectId: project}, emulator: {host: `${uid}.localhost`, port, mockUser: {uid}}});
      const [newcomer, moderator] = [await open('alice'), await open('mo')];
      try {
        const first = await newcomer.createPost({id: newcomer.newId(), threadId: 't1', body: 'Hello all'});
        expect(first).to.include({status: 'held', statusReason: 'first-posts'});
        await moderator.moderate('approve', {kind: 'post', threadId: 't1', postId: first.id}, '');
        expect((await admin.getRaw(pathIn(cid, layout.member('alice'))))?.approvedPosts).to.deep.equal({integerValue: '1'});
        expect(await newcomer.createPost({id: newcomer.newId(), threadId: 't1', body: 'This cure is a SCAM!'})).to.include({status: 'held', statusReason: 'banned-word'});
        expect((await newcomer.createPost({id: newcomer.newId(), threadId: 't1', body: 'Scampi for tea'})).status).to.equal('visible');
      } finally {
        await Promise.all([newcomer.dispose(), moderator.dispose()]);
        await admin.clear();
      }
    });
  });
});
