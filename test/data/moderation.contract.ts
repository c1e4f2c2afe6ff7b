// The moderation contract (issue 7): the queue, moderator actions, the log, automatic holds and
// suspension, run against LocalStore (local-store.test.ts) and FirebaseStore on the emulator with the
// real firestore.rules (firebase-store.test.ts).
//
// Pinned behaviour:
// - Only moderators and admins (who are members) see the queue and the log or act; others get
//   permission-denied (visitors may get unauthenticated).
// - The queue holds open reports and held posts, with the post, its thread title, the post it replies
//   to and the author; newest or oldest first.
// - Hide blanks the post for everyone (body '', statusReason = the reason, as the placeholder); the
//   text is kept for moderators, and restore brings it back. Every action appends one log entry.
// - Whatever the mode, a member's post with an email address, a phone number or more than two links is
//   held with a reason code the author is shown.
import {expect} from '@open-wc/testing';
import type {SeedFixture} from '../../src/data/seed.js';
import type {CommunityStore, ModerationItem} from '../../src/data/store.js';
import type {ModLogEntry, Post, Report} from '../../src/data/types.js';
import {DAY, T0, member, post, privateRecord, roles, sampleCommunity, thread, uniqueCommunityId} from '../support/builders.js';
import type {StoreHarness} from './contract-harness.js';
import {Live, expectError} from './store.contract.js';

const HELD_BODY = 'Please check me first: ring 01970 622 000';
const alice = member('alice');
const bea = member('bea');
const mo = member('mo', {badges: ['moderator']});
const ada = member('ada', {badges: ['admin']});

function world(id: string, extra: Partial<SeedFixture> = {}): SeedFixture {
  const community = sampleCommunity(id);
  const report: Report = {id: 'r1', target: {kind: 'post', threadId: 't1', postId: 'p2'}, reason: 'abuse', details: 'Unkind', reporterId: 'bea', createdAt: T0 + 2000, status: 'open'};
  return {
    community,
    members: [alice, bea, mo, ada],
    privates: [privateRecord('alice', community)],
    roles: [roles('mo', ['moderator']), roles('ada', ['admin'])],
    threads: [thread('t1', {postCount: 2, title: 'Spacers for toddlers'})],
    posts: [
      post('t1', 'p1', bea, {body: 'Any tips for spacers?', createdAt: T0}),
      post('t1', 'p2', alice, {body: 'You are being silly', parentId: 'p1', createdAt: T0 + 1000}),
    ],
    reports: [report],
    ...extra,
  };
}

export function runModerationContract(harness: () => StoreHarness) {
  const kind = harness().kind;

  describe(`moderation contract (${kind})`, function () {
    this.timeout(30000);
    let h: StoreHarness;
    let id: string;
    let watchers: Live<unknown>[] = [];

    /** Seeds the world; Alice then writes p3, held for its phone number (so each store lists it its own way). */
    async function setup(seed?: SeedFixture) {
      await h.seed(seed ?? world(id));
      const as = (uid: string | null) => h.storeAs(id, uid);
      const held = await (await as('alice')).createPost({id: 'p3', threadId: 't1', body: HELD_BODY});
      expect(held.status).to.equal('held');
      return as;
    }
    function live<T>(subscribe: ConstructorParameters<typeof Live<T>>[0]): Live<T> {
      const w = new Live<T>(subscribe);
      watchers.push(w as Live<unknown>);
      return w;
    }
    const queue = (store: CommunityStore, order: 'newest' | 'oldest' = 'newest') =>
      live<ModerationItem[]>((next, error) => store.watchModerationQueue({order}, next, error));
    const posts = (store: CommunityStore) => live<Post[]>((next, error) => store.watchPosts('t1', {limit: 20}, next, error));
    const log = (store: CommunityStore) => live<ModLogEntry[]>((next, error) => store.watchModLog({limit: 20}, next, error));

    beforeEach(() => {
      h = harness();
      id = uniqueCommunityId('moderation');
      watchers = [];
    });
    afterEach(async () => {
      for (const w of watchers) w.stop();
      await h.cleanup();
    });

    it('shows moderators open reports and held posts with the content in context, newest or oldest first', async () => {
      const as = await setup();
      const moderator = await as('mo');
      const newest = await queue(moderator).until((items) => items.length === 2, 'the report and the held post');
      expect(newest.map((i) => i.id)).to.deep.equal(['held:t1/p3', 'report:r1']);
      const report = newest[1];
      expect(report.kind).to.equal('report');
      expect(report.report?.reason).to.equal('abuse');
      expect(report.post?.body).to.equal('You are being silly');
      expect(report.parent?.body, 'the post it replies to').to.equal('Any tips for spacers?');
      expect(report.threadTitle).to.equal('Spacers for toddlers');
      expect(report.member?.pseudonym).to.equal('Alice');
      expect(newest[0].post?.body, 'a held post is shown to moderators').to.equal(HELD_BODY);
      const oldest = await queue(moderator, 'oldest').until((items) => items.length === 2, 'oldest first');
      expect(oldest.map((i) => i.id)).to.deep.equal(['report:r1', 'held:t1/p3']);
    });

    // Issue 17: a report made through the store carries what the queue shows (domain ReportAbout), so the queue
    // reads no document per report; it shows the post as reported, and is paged (options.limit).
    it('shows a report made through the store as it was reported, a page at a time, and closing it drops the copy', async () => {
      const as = await setup();
      const bea_ = await as('bea');
      await bea_.report({id: 'r2', target: {kind: 'post', threadId: 't1', postId: 'p2'}, reason: 'spam', details: 'Again'});
      const moderator = await as('mo');
      const all = await queue(moderator).until((items) => items.some((i) => i.id === 'report:r2'), 'the new report');
      const r2 = all.find((i) => i.id === 'report:r2')!;
      expect(Object.keys(r2.report!), 'the report as the API gives it: no copy field').to.not.include('about');
      expect(r2.post).to.include({id: 'p2', threadId: 't1', body: 'You are being silly', authorId: 'alice', authorName: alice.pseudonym, status: 'visible', parentId: 'p1'});
      expect(r2.parent).to.include({id: 'p1', body: 'Any tips for spacers?', authorName: bea.pseudonym});
      expect(r2.threadTitle).to.equal('Spacers for toddlers');
      // Paged: one item, the newest first.
      const one = await live<ModerationItem[]>((next, error) => moderator.watchModerationQueue({order: 'newest', limit: 1}, next, error))
        .until((items) => items.length === 1, 'one page of one');
      expect(one.map((i) => i.id)).to.deep.equal([all[0].id]);
      // The author's later edit is not shown: the queue shows what was reported.
      await (await as('alice')).editPost('t1', 'p2', 'You are being kind');
      const later = await queue(moderator).until((items) => items.some((i) => i.id === 'report:r2'), 'the report after the edit');
      expect(later.find((i) => i.id === 'report:r2')!.post!.body).to.equal('You are being silly');
      await moderator.moderate('dismiss-report', {kind: 'report', reportId: 'r2'}, '');
      await queue(moderator).until((items) => !items.some((i) => i.id === 'report:r2'), 'r2 closed');
      // Bea's export lists the report without anyone's copied words.
      const mine = await bea_.exportMyData();
      const filed = mine.reportsFiled.find((r) => r.id === 'r2')!;
      expect(filed.status, 'a dismissal is recorded as one').to.equal('dismissed');
      expect(Object.keys(filed)).to.not.include('about');
      // Once this moderator hides the post (through another report), a report still open about it shows it hidden.
      await bea_.report({id: 'r3', target: {kind: 'post', threadId: 't1', postId: 'p2'}, reason: 'abuse', details: ''});
      const open = queue(moderator);
      await open.until((items) => items.some((i) => i.id === 'report:r3'), 'r3');
      await moderator.moderate('hide', {kind: 'post', threadId: 't1', postId: 'p2', reportId: 'r1'}, 'Unkind');
      await open.until((items) => items.find((i) => i.id === 'report:r3')?.post?.status === 'hidden', 'r3 shows the post hidden now');
    });

    // Issue 16/17 (s5): "Show more" asks for a larger limit. FirebaseStore reads only the next page of each
    // source (a cursor after the last page, src/data/firebase/paged-source.ts); a report filed while the larger
    // page is open lands in its place, and the item it pushes off the first page is not lost between the pages.
    it('shows more: the next items in order, live, with nothing lost between the pages when a new report arrives', async () => {
      const extra = [4, 5, 6, 7].map((k): Report => ({id: `r${k}`, target: {kind: 'post', threadId: 't1', postId: 'p2'}, reason: 'spam', details: '',
        reporterId: 'bea', createdAt: T0 + k * 1000, status: 'open'}));
      const base = world(id);
      const as = await setup({...base, reports: [...base.reports!, ...extra]});
      const moderator = await as('mo');
      const page = (limit: number) => live<ModerationItem[]>((next, error) => moderator.watchModerationQueue({order: 'newest', limit}, next, error));
      const first = page(2);
      expect((await first.until((items) => items.length === 2, 'the first page')).map((i) => i.id)).to.deep.equal(['held:t1/p3', 'report:r7']);
      first.stop();
      const more = page(4);
      expect((await more.until((items) => items.length === 4, 'two pages')).map((i) => i.id))
        .to.deep.equal(['held:t1/p3', 'report:r7', 'report:r6', 'report:r5']);
      // A new report (the newest item) pushes r6 off the first page of reports: it must still be shown.
      await (await as('bea')).report({id: 'r9', target: {kind: 'post', threadId: 't1', postId: 'p2'}, reason: 'spam', details: ''});
      const after = await more.until((items) => items[0]?.id === 'report:r9', 'the new report first');
      expect(after.map((i) => i.id)).to.deep.equal(['report:r9', 'held:t1/p3', 'report:r7', 'report:r6']);
      // Closing one brings the next one in from the second page.
      await moderator.moderate('dismiss-report', {kind: 'report', reportId: 'r7'}, '');
      const closed = await more.until((items) => !items.some((i) => i.id === 'report:r7'), 'r7 closed');
      expect(closed.map((i) => i.id)).to.deep.equal(['report:r9', 'held:t1/p3', 'report:r6', 'report:r5']);
    });

    it('refuses the queue, the log and every action to members and visitors', async () => {
      const as = await setup();
      const [member_, visitor] = await Promise.all([as('alice'), as(null)]);
      expect((await queue(member_).failure()).code).to.equal('permission-denied');
      expect((await log(member_).failure()).code).to.equal('permission-denied');
      expect(['permission-denied', 'unauthenticated']).to.include((await queue(visitor).failure()).code);
      const post1 = {kind: 'post', threadId: 't1', postId: 'p2'} as const;
      await expectError(member_.moderate('hide', post1, 'Unkind'), 'permission-denied');
      await expectError(member_.moderate('approve', {kind: 'post', threadId: 't1', postId: 'p3'}, ''), 'permission-denied');
      await expectError(member_.moderate('dismiss-report', {kind: 'report', reportId: 'r1'}, ''), 'permission-denied');
      await expectError(member_.moderate('suspend', {kind: 'member', uid: 'bea', until: Date.now() + DAY}, 'Spam'), 'permission-denied');
      await expectError(visitor.moderate('hide', post1, 'Unkind'), ['unauthenticated', 'permission-denied']);
      // Nothing changed.
      const p = await posts(member_).until((list) => list.length >= 2, 'posts');
      expect(p.find((x) => x.id === 'p2')?.body).to.equal('You are being silly');
    });

    it('refuses malformed actions before writing', async () => {
      const as = await setup();
      const moderator = await as('mo');
      await expectError(moderator.moderate('delete-everything' as never, {kind: 'report', reportId: 'r1'}, ''), 'invalid-argument', 'action');
      await expectError(moderator.moderate('hide', {kind: 'report', reportId: 'r1'}, 'x'), 'invalid-argument', 'target');
      await expectError(moderator.moderate('hide', {kind: 'post', threadId: 't1', postId: 'p2'}, '  '), 'invalid-argument', 'reason');
      await expectError(moderator.moderate('suspend', {kind: 'member', uid: 'alice', until: Date.now() - 1000}, 'Spam'), 'invalid-argument', 'until');
    });

    it('hides a reported post: members see the placeholder with the reason, the report closes, the log records it; restore brings the text back', async () => {
      const as = await setup();
      const [moderator, reader] = await Promise.all([as('mo'), as('bea')]);
      const q = queue(moderator);
      await q.until((items) => items.length === 2, 'queue');
      const seen = posts(reader);
      await seen.until((list) => list.length === 2, 'two visible posts');
      const entry = await moderator.moderate('hide', {kind: 'post', threadId: 't1', postId: 'p2', reportId: 'r1'}, 'Please be kind to each other');
      expect(entry.action).to.equal('hide');
      expect(entry.actorId).to.equal('mo');
      expect(entry.targetPath).to.equal('threads/t1/posts/p2');
      const after = await seen.until((list) => list.find((p) => p.id === 'p2')?.status === 'hidden', 'the placeholder');
      const hidden = after.find((p) => p.id === 'p2')!;
      expect(hidden.body).to.equal('');
      expect(hidden.statusReason).to.equal('Please be kind to each other');
      await q.until((items) => items.map((i) => i.id).join() === 'held:t1/p3', 'the report leaves the queue');
      const entries = await log(moderator).until((list) => list.length === 1, 'one log entry');
      expect(entries[0]).to.include({action: 'hide', actorId: 'mo', reason: 'Please be kind to each other', targetPath: 'threads/t1/posts/p2'});
      expect((await moderator.getThread('t1'))?.postCount, 'a hidden post is not counted').to.equal(1);

      await moderator.moderate('restore', {kind: 'post', threadId: 't1', postId: 'p2'}, '');
      const restored = await seen.until((list) => list.find((p) => p.id === 'p2')?.status === 'visible', 'restored');
      expect(restored.find((p) => p.id === 'p2')?.body).to.equal('You are being silly');
      await log(moderator).until((list) => list.length === 2 && list[0].action === 'restore', 'restore logged, newest first');
    });

    it('approves a held post: everyone sees it and the thread counts it', async () => {
      const as = await setup();
      const [moderator, reader] = await Promise.all([as('mo'), as('bea')]);
      const seen = posts(reader);
      await seen.until((list) => list.length === 2, 'the held post is not shown to others');
      await moderator.moderate('approve', {kind: 'post', threadId: 't1', postId: 'p3'}, '');
      const list = await seen.until((l) => l.some((p) => p.id === 'p3'), 'approved post appears');
      expect(list.find((p) => p.id === 'p3')).to.include({status: 'visible', statusReason: null, body: HELD_BODY});
      await queue(moderator).until((items) => items.map((i) => i.id).join() === 'report:r1', 'the held post leaves the queue');
      expect((await moderator.getThread('t1'))?.postCount).to.equal(3);
      await expectError(moderator.moderate('approve', {kind: 'post', threadId: 't1', postId: 'p3'}, ''), 'permission-denied');
    });

    it('dismisses a report without touching the post', async () => {
      const as = await setup();
      const moderator = await as('mo');
      const q = queue(moderator);
      await q.until((items) => items.length === 2, 'queue');
      await moderator.moderate('dismiss-report', {kind: 'report', reportId: 'r1'}, 'Not against the guidelines');
      await q.until((items) => items.length === 1 && items[0].kind === 'held', 'report dismissed');
      const p = await posts(await as('bea')).until((l) => l.length === 2, 'posts');
      expect(p.find((x) => x.id === 'p2')?.body).to.equal('You are being silly');
    });

    it('suspends a member, who can then read but not write, and lifts it', async () => {
      const as = await setup();
      const [moderator, suspended] = await Promise.all([as('mo'), as('alice')]);
      await moderator.moderate('suspend', {kind: 'member', uid: 'alice', until: Date.now() + DAY, reportId: 'r1'}, 'Cooling off');
      expect((await moderator.getRoles('alice'))?.suspendedUntil).to.be.greaterThan(Date.now());
      await posts(suspended).until((l) => l.length >= 2, 'a suspended member still reads');
      await expectError(suspended.createPost({id: suspended.newId(), threadId: 't1', body: 'Let me in'}), 'permission-denied');
      await expectError(suspended.report({target: {kind: 'post', threadId: 't1', postId: 'p1'}, reason: 'spam'}), 'permission-denied');
      await expectError(suspended.setReaction('t1', 'p1', 'heart', true), 'permission-denied');
      await expectError(suspended.moderate('lift-suspension', {kind: 'member', uid: 'alice'}, ''), 'permission-denied');
      await moderator.moderate('lift-suspension', {kind: 'member', uid: 'alice'}, '');
      expect((await moderator.getRoles('alice'))?.suspendedUntil).to.equal(null);
      const created = await suspended.createPost({id: suspended.newId(), threadId: 't1', body: 'Sorry, everyone'});
      expect(created.status).to.equal('visible');
      const entries = await log(moderator).until((l) => l.length === 2, 'both logged');
      expect(entries.map((e) => e.action)).to.have.members(['suspend', 'lift-suspension']);
    });

    it('a moderator cannot suspend an admin; a suspended moderator cannot moderate', async () => {
      const as = await setup(world(id, {roles: [roles('mo', ['moderator']), roles('ada', ['admin']), roles('mo2', ['moderator'], {suspendedUntil: Date.now() + DAY})],
        members: [alice, bea, mo, ada, member('mo2', {badges: ['moderator']})]}));
      const [moderator, benched] = await Promise.all([as('mo'), as('mo2')]);
      await expectError(moderator.moderate('suspend', {kind: 'member', uid: 'ada', until: null}, 'No'), 'permission-denied');
      await expectError(benched.moderate('hide', {kind: 'post', threadId: 't1', postId: 'p2'}, 'Unkind'), 'permission-denied');
    });

    it('holds a member\'s post with contact details or more than two links, and says why', async () => {
      const as = await setup();
      const [author, reader, moderator] = await Promise.all([as('alice'), as('bea'), as('mo')]);
      const input = (body: string) => ({id: author.newId(), threadId: 't1', body});
      const email = await author.createPost(input('Write to me at alice.jones@example.org'));
      expect([email.status, email.statusReason]).to.deep.equal(['held', 'contact-details']);
      const phone = await author.createPost(input('Ring me on 07700 900123 any time'));
      expect([phone.status, phone.statusReason]).to.deep.equal(['held', 'contact-details']);
      const links = await author.createPost(input('See https://a.example https://b.example and https://c.example'));
      expect([links.status, links.statusReason]).to.deep.equal(['held', 'links']);
      const fine = await author.createPost(input('Two links are fine: https://a.example and https://b.example, born 2019-2020'));
      expect(fine.status).to.equal('visible');
      const others = await posts(reader).until((l) => l.some((p) => p.id === fine.id), 'the fine post');
      expect(others.map((p) => p.id)).to.not.include.members([email.id, phone.id, links.id]);
      const mine = await posts(author).until((l) => l.some((p) => p.id === links.id), 'the author sees held posts');
      expect(mine.filter((p) => p.status === 'held').length).to.equal(4);
      const q = await queue(moderator).until((items) => items.filter((i) => i.kind === 'held').length === 4, 'held posts queued');
      expect(q.find((i) => i.id === `held:t1/${phone.id}`)?.post?.statusReason).to.equal('contact-details');
      const modPost = await moderator.createPost({id: moderator.newId(), threadId: 't1', body: 'Call NHS 111 or 0808 164 0123'});
      expect(modPost.status, 'moderators are never held').to.equal('visible');
    });

    it('holds a visible post again when an edit adds contact details, links or a banned word, and says why', async () => {
      const as = await setup(world(id, {community: sampleCommunity(id, {settings: {bannedWords: ['scam']}})}));
      const [author, reader, moderator] = await Promise.all([as('alice'), as('bea'), as('mo')]);
      const fine = await author.createPost({id: author.newId(), threadId: 't1', body: 'Spacers helped us'});
      const scam = await author.createPost({id: author.newId(), threadId: 't1', body: 'This inhaler is great'});
      expect([fine.status, scam.status]).to.deep.equal(['visible', 'visible']);
      await author.editPost('t1', 'p2', 'Sorry. Email me at alice.jones@example.org');
      await author.editPost('t1', scam.id, 'This inhaler is a SCAM!');
      await author.editPost('t1', fine.id, 'Spacers helped us, and https://a.example and https://b.example too');
      const others = await posts(reader).until((l) => l.some((p) => p.id === fine.id && p.editedAt !== null) && !l.some((p) => p.id === 'p2' || p.id === scam.id),
        'readers lose the re-held posts and keep the harmless edit');
      expect(others.find((p) => p.id === fine.id)?.status).to.equal('visible');
      const mine = await posts(author).until((l) => l.find((p) => p.id === scam.id)?.status === 'held', 'the author sees why');
      expect(mine.find((p) => p.id === 'p2')).to.include({status: 'held', statusReason: 'contact-details', body: 'Sorry. Email me at alice.jones@example.org'});
      expect(mine.find((p) => p.id === scam.id)).to.include({status: 'held', statusReason: 'banned-word'});
      const q = await queue(moderator).until((items) => items.some((i) => i.id === `held:t1/${scam.id}`) && items.some((i) => i.id === 'held:t1/p2'), 'both queued');
      expect(q.find((i) => i.id === 'held:t1/p2')?.post?.statusReason).to.equal('contact-details');
      // A moderator's own edit is never held; approving the re-held post shows it to everyone again.
      const modPost = await moderator.createPost({id: moderator.newId(), threadId: 't1', body: 'Welcome'});
      await moderator.editPost('t1', modPost.id, 'Welcome: call NHS 111 or 0808 164 0123');
      await moderator.moderate('approve', {kind: 'post', threadId: 't1', postId: scam.id}, '');
      const after = await posts(reader).until((l) => l.some((p) => p.id === scam.id) && !!l.find((p) => p.id === modPost.id)?.editedAt, 'approved and edited');
      expect(after.find((p) => p.id === modPost.id)?.status).to.equal('visible');
      expect(after.find((p) => p.id === scam.id)?.status).to.equal('visible');
    });
  });
}
