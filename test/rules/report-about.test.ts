// Issue 17: a report about a post carries what the moderators' queue shows of it (reports/{rid}.about:
// the post's author, text and status, the post it replies to and the thread's title), so a page of the
// queue reads the page of reports and nothing per item. firestore.rules "Issue 17 (reads)": every field
// must equal the documents when the report is made, only about a visible post; a moderator may drop the
// copy (closing the report does) but never change it. On the real emulator with ./firestore.rules.
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {FieldValue, baseline, docIn, ts, type RulesEnv, useRulesEnv} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';

const about = (extra: Record<string, unknown> = {}) => ({
  threadTitle: 'Hello', authorId: 'auth1', authorName: 'Ari', body: 'Body of p1', status: 'visible',
  parentId: null, parentAuthorName: null, parentBody: null, ...extra,
});
const report = (postId: string, a: unknown, reporterId = 'm1') => ({
  target: {kind: 'post', threadId: 't1', postId}, reason: 'spam', details: '', reporterId, createdAt: ts(), status: 'open',
  ...(a === undefined ? {} : {about: a}),
});

describe('firestore.rules: a report\'s copy of the reported post (issue 17)', function () {
  this.timeout(180000);
  let rt: RulesEnv;
  useRulesEnv('demo-kindred-rules-report-about', (e) => (rt = e));

  it('is accepted only when every field equals the post, its parent and its thread', async () => {
    const cid = 'ra-create';
    await rt.admin.writeDocs(baseline(cid));
    const m1 = rt.db('member');
    const file = (id: string, postId: string, a: unknown) => docIn(m1, cid, layout.report(id)).set(report(postId, a));
    // Words the author never wrote, another author's name, another thread title, a status it does not have: refused.
    await assertFails(file('f1', 'p1', about({body: 'I will hurt you'})));
    await assertFails(file('f2', 'p1', about({authorName: 'Mo', authorId: 'm2'})));
    await assertFails(file('f3', 'p1', about({threadTitle: 'Something else'})));
    await assertFails(file('f4', 'p1', about({parentId: 'p3', parentAuthorName: 'Sam', parentBody: 'Body of p3'})));
    await assertFails(file('f5', 'p1', about({extra: 1})));
    await assertFails(file('f6', 'p1', 'not a map'));
    // A held post (not visible) carries no copy.
    await assertFails(file('f7', 'p2', about({body: 'Body of p2', status: 'held'})));
    // The copy as the stores write it; and a report with no copy at all (older clients) still works.
    await assertSucceeds(file('ok1', 'p1', about()));
    await assertSucceeds(file('ok2', 'p3', undefined));
  });

  it('names the post a reply answers, as it is', async () => {
    const cid = 'ra-reply';
    await rt.admin.writeDocs([...baseline(cid), [`communities/${cid}/${layout.post('t1', 'p4')}`, {
      id: 'p4', threadId: 't1', body: 'A reply', authorId: 'm2', authorName: 'Mo', authorRelationship: 'patient', authorAvatarUrl: null,
      authorAvatarHue: 120, authorBadges: [], parentId: 'p1', createdAt: 1, editedAt: null, status: 'visible', statusReason: null,
      reactions: {heart: 0, hug: 0, metoo: 0, thanks: 0},
    }]]);
    const m1 = rt.db('member');
    const reply = {authorId: 'm2', authorName: 'Mo', body: 'A reply', parentId: 'p1'};
    await assertFails(docIn(m1, cid, layout.report('x1')).set(report('p4', about({...reply}))));
    await assertFails(docIn(m1, cid, layout.report('x2')).set(report('p4', about({...reply, parentAuthorName: 'Ari', parentBody: 'Something Ari never said'}))));
    await assertSucceeds(docIn(m1, cid, layout.report('x3')).set(report('p4', about({...reply, parentAuthorName: 'Ari', parentBody: 'Body of p1'}))));
  });

  it('may be dropped by a moderator closing the report, never changed', async () => {
    const cid = 'ra-close';
    await rt.admin.writeDocs(baseline(cid));
    await assertSucceeds(docIn(rt.db('member'), cid, layout.report('c1')).set(report('p1', about())));
    await assertSucceeds(docIn(rt.db('member'), cid, layout.report('c2')).set(report('p1', about())));
    const mod = rt.db('moderator');
    await assertFails(docIn(mod, cid, layout.report('c1')).update({status: 'actioned', about: about({body: 'Rewritten'})}));
    await assertFails(docIn(mod, cid, layout.report('c1')).update({'about.body': 'Rewritten'}));
    await assertSucceeds(docIn(mod, cid, layout.report('c1')).update({status: 'actioned', about: FieldValue.delete()}));
    // A moderator's status change that leaves the copy alone (older clients) still works.
    await assertSucceeds(docIn(mod, cid, layout.report('c2')).update({status: 'dismissed'}));
    // Members never change a report.
    await assertFails(docIn(rt.db('member'), cid, layout.report('c2')).update({about: FieldValue.delete()}));
  });
});
