// Domain ↔ firestore.rules parity (issue 13): one table of inputs, each run through the domain
// (src/data/domain, policy.ts) and through the real emulator's rules. For every limit (at the limit
// and one past it), every enumeration value (and one that is not), and every hold pattern (contact
// details, links, banned words, moderation modes, first posts), the two must give the same answer:
// the domain accepts / lets the post be visible exactly when the rules allow the write.
//
// Each row runs in a freshly seeded community (the rules baseline), so rows never see each other.
import {expect} from '@open-wc/testing';
import {FieldValue, baseline, joinBatch, newPost, reactBatch, reportDoc, setUp, ts, type Db, type RulesEnv} from './rules-fixture.js';
import {LIMITS, REACTION_KINDS, RELATIONSHIPS, REPORT_REASONS} from '../../src/data/domain/limits.js';
import {
  initialPostStatus, validateHttpsUrl, validatePostBody, validatePseudonym, validateReactionKind, validateRelationship,
  validateReportReason, validateTags, validateText,
} from '../../src/data/policy.js';
import type {CommunitySettings} from '../../src/data/types.js';

const P = (cid: string) => `communities/${cid}`;
const x = (n: number) => 'x'.repeat(n);
const accepts = (fn: () => unknown) => {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
};

type Rules = (db: (uid: string) => Db, cid: string) => Promise<unknown>;
interface Row {name: string; domain: () => boolean; rules: Rules; settings?: Partial<CommunitySettings>; approvedPosts?: number}

const join = (profile: Record<string, unknown>): Rules => (db, cid) => joinBatch(db('newcomer'), cid, 'newcomer', profile);
const postAs = (body: string): Rules => (db, cid) => {
  const m1 = db('m1');
  const batch = m1.batch();
  batch.set(m1.doc(`${P(cid)}/threads/t1/posts/np`), newPost('m1', 'Mel', {body}));
  batch.update(m1.doc(`${P(cid)}/threads/t1`), {postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: 'np'});
  return batch.commit();
};
const report = (extra: Record<string, unknown>): Rules => (db, cid) => db('m1').doc(`${P(cid)}/reports/rp`).set(reportDoc('m1', extra));

const HOLD_SETTINGS: Partial<CommunitySettings> = {moderation: 'post', bannedWords: ['scam']};
/** Whether the domain lets m1's new post start visible (the rules must then allow a visible create). */
const visible = (body: string, settings: Partial<CommunitySettings> = HOLD_SETTINGS, approved = 0) => () =>
  initialPostStatus({moderation: 'post', holdFirstPosts: 0, bannedWords: [], ...settings}, false, approved, body).status === 'visible';

const ROWS: Row[] = [
  // Limits: at the limit and one past it.
  ...[LIMITS.postBody, LIMITS.postBody + 1].map((n): Row => ({name: `post body of ${n}`, domain: () => accepts(() => validatePostBody(x(n))), rules: postAs(x(n))})),
  ...[LIMITS.pseudonymMin - 1, LIMITS.pseudonymMin, LIMITS.pseudonymMax, LIMITS.pseudonymMax + 1].map((n): Row => ({
    name: `pseudonym of ${n}`, domain: () => accepts(() => validatePseudonym(x(n))), rules: join({pseudonym: x(n), pseudonymLower: x(n)}),
  })),
  ...[LIMITS.bio, LIMITS.bio + 1].map((n): Row => ({name: `bio of ${n}`, domain: () => accepts(() => validateText('bio', x(n), {max: LIMITS.bio})), rules: join({bio: x(n)})})),
  ...[LIMITS.tags, LIMITS.tags + 1].map((n): Row => {
    const tags = Array.from({length: n}, (_, i) => `tag${i}`);
    return {name: `${n} tags`, domain: () => accepts(() => validateTags(tags)), rules: join({tags})};
  }),
  ...[LIMITS.tag, LIMITS.tag + 1].map((n): Row => ({name: `a tag of ${n}`, domain: () => accepts(() => validateTags([x(n)])), rules: join({tags: [x(n)]})})),
  ...[LIMITS.url, LIMITS.url + 1].map((n): Row => {
    const url = `https://example.org/${x(n - 'https://example.org/'.length)}`;
    return {name: `avatar URL of ${n}`, domain: () => accepts(() => validateHttpsUrl('avatarUrl', url)), rules: join({avatarUrl: url})};
  }),
  ...[LIMITS.reportDetails, LIMITS.reportDetails + 1].map((n): Row => ({
    name: `report details of ${n}`, domain: () => accepts(() => validateText('details', x(n), {max: LIMITS.reportDetails})), rules: report({details: x(n)}),
  })),
  // Enumerations: every value, and one that is not.
  ...[...RELATIONSHIPS, 'doctor'].map((v): Row => ({name: `relationship ${v}`, domain: () => accepts(() => validateRelationship(v)), rules: join({relationship: v})})),
  ...[...REACTION_KINDS, 'angry'].map((v): Row => ({name: `reaction ${v}`, domain: () => accepts(() => validateReactionKind(v)), rules: (db, cid) => reactBatch(db('m1'), cid, 'm1', v, 1)})),
  ...[...REPORT_REASONS, 'rude'].map((v): Row => ({name: `report reason ${v}`, domain: () => accepts(() => validateReportReason(v)), rules: report({reason: v})})),
  // Hold patterns: may the post start visible?
  ...[
    ['plain text', 'Walking helped me today'],
    ['an email address', 'Write to me at mel.jones@example.org'],
    ['a phone number', 'Ring me on 07700 900123'],
    ['two links', 'See https://nhs.uk/a and https://nhs.uk/b'],
    ['three links', 'See https://nhs.uk/a https://nhs.uk/b https://nhs.uk/c'],
    ['a banned word', 'This is a SCAM, honestly'],
    ['a banned word inside another word', 'Scampi for tea'],
  ].map(([what, body]): Row => ({name: `a visible post with ${what}`, domain: visible(body), rules: postAs(body), settings: HOLD_SETTINGS})),
  {name: "a visible post under moderation 'all'", domain: visible('Hello', {moderation: 'all'}), rules: postAs('Hello'), settings: {moderation: 'all'}},
  {name: "a visible first post under 'first-posts' (none approved)", domain: visible('Hello', {moderation: 'first-posts', holdFirstPosts: 1}, 0),
    rules: postAs('Hello'), settings: {moderation: 'first-posts', holdFirstPosts: 1}},
  {name: "a visible post under 'first-posts' after one approval", domain: visible('Hello', {moderation: 'first-posts', holdFirstPosts: 1}, 1),
    rules: postAs('Hello'), settings: {moderation: 'first-posts', holdFirstPosts: 1}, approvedPosts: 1},
];

describe('domain ↔ firestore.rules parity (issue 13)', function () {
  this.timeout(300000);
  let rt: RulesEnv;
  before(async () => {
    rt = await setUp('demo-kindred-rules-parity');
  });
  after(async () => {
    await rt?.admin.clear();
    await rt?.env.cleanup();
  });

  it(`agree on every row of the table (${ROWS.length} rows)`, async () => {
    const disagree: string[] = [];
    let allowed = 0;
    for (const [i, row] of ROWS.entries()) {
      const cid = `parity-${i}`;
      const docs = baseline(cid);
      const community = docs.find(([p]) => p === P(cid))![1] as {settings: Record<string, unknown>};
      Object.assign(community.settings, row.settings ?? {});
      if (row.approvedPosts) (docs.find(([p]) => p === `${P(cid)}/members/m1`)![1] as Record<string, unknown>).approvedPosts = row.approvedPosts;
      await rt.admin.writeDocs(docs);
      const open: Db[] = [];
      const db = (uid: string) => {
        const d = rt.env.authenticatedContext(uid).firestore() as unknown as Db;
        open.push(d);
        return d;
      };
      const domain = row.domain();
      let rules: boolean;
      try {
        await row.rules(db, cid);
        rules = true;
      } catch (e) {
        if (!/PERMISSION_DENIED|permission-denied|insufficient permissions/i.test(String((e as Error).message ?? e))) throw e;
        rules = false;
      } finally {
        await Promise.all(open.map((d) => d.terminate()));
      }
      if (rules) allowed++;
      if (domain !== rules) disagree.push(`${row.name}: domain ${domain ? 'accepts' : 'refuses'}, rules ${rules ? 'allow' : 'deny'}`);
    }
    console.log(`parity: ${ROWS.length} rows, ${allowed} allowed and ${ROWS.length - allowed} refused by both`);
    expect(disagree).to.deep.equal([]);
    // The table tests both answers, not only refusals.
    expect(allowed).to.be.greaterThan(10);
    expect(ROWS.length - allowed).to.be.greaterThan(10);
  });
});
