// Community health figures (issue 14) against a hand count, on a seeded community of 500 members and 5,000
// posts in 100 hub threads (plus a private pair's thread, which must not count), written over the emulator's
// REST API in batches. FirebaseStore counts with aggregation queries on the emulator with the real
// firestore.rules; LocalStore counts the same seed in memory. The reads each figure cost are printed.
import {expect} from '@open-wc/testing';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import {REPLY_WINDOW, WEEK, healthCsv, median, shownValue, type CommunityHealth, type HealthKey} from '../../src/data/health.js';
import type {SeedFixture} from '../../src/data/seed.js';
import type {MemberProfile, Post, Report, Thread} from '../../src/data/types.js';
import {FirestoreAdmin, fixtureDocs, pathIn} from '../support/firestore-admin.js';
import {emulatorHost} from '../support/env.js';
import {member, roles, sampleCommunity, uniqueCommunityId} from '../support/builders.js';
import {layout} from '../../src/data/domain/layout.js';

const PROJECT = 'demo-kindred-health';
const HOUR = 3600000;
const DAY = 24 * HOUR;

interface World {
  fixture: SeedFixture;
  extra: [string, Record<string, unknown>][];
  expected: Record<HealthKey, number | null>;
}

/** Keeps times 15 minutes clear of each figure's window edge, so the store's clock a few seconds later agrees. */
function clear(t: number, now: number): number {
  for (const edge of [now - WEEK, now - REPLY_WINDOW, now - DAY]) if (Math.abs(t - edge) < 15 * 60000) return edge - 15 * 60000;
  return t;
}

function build(cid: string, now: number): World {
  const members: MemberProfile[] = [];
  for (let i = 0; i < 500; i++) {
    const joinedAt = clear(i < 37 ? now - (i + 1) * 3 * HOUR : now - 10 * DAY - i * HOUR, now);
    members.push(member(`m${i}`, {pseudonym: `Member ${i}`, joinedAt, badges: i === 0 ? ['admin'] : []}));
  }
  const threads: Thread[] = [];
  const posts: Post[] = [];
  const lastPost = new Map<string, number>();
  for (let k = 0; k < 100; k++) {
    const createdAt = clear(now - Math.round(k * 0.6 * DAY) - HOUR, now);
    const gap = (((k * 37) % 40) + 1) * HOUR;
    let last = createdAt;
    for (let j = 0; j < 50; j++) {
      let t = createdAt + j * gap;
      if (t > now - 60000) t = createdAt + Math.round(((now - 60000 - createdAt) * j) / 50);
      if (j > 0) t = Math.max(clear(t, now), last + 1000);
      last = t;
      // The most recent threads are written by the first 200 members only, so not everyone is an active poster.
      const author = members[((k * 50 + j) * 7) % (k < 15 ? 200 : 500)];
      const held = (k * 50 + j) % 97 === 5;
      posts.push({
        id: `p${k}_${j}`, threadId: `t${k}`, body: `Post ${j}`, authorId: author.uid, authorName: author.pseudonym, authorRelationship: 'patient',
        authorAvatarUrl: null, authorAvatarHue: 0, authorBadges: [], parentId: null, createdAt: t, editedAt: null,
        status: held ? 'held' : 'visible', statusReason: held ? 'first-posts' : null, reactions: {heart: 0, hug: 0, metoo: 0, thanks: 0},
      });
      lastPost.set(author.uid, Math.max(lastPost.get(author.uid) ?? 0, t));
    }
    threads.push({id: `t${k}`, key: null, title: `Thread ${k}`, authorId: members[(k * 350) % 500].uid, authorName: 'x', createdAt,
      lastActivityAt: last, postCount: 50, status: 'visible', participants: null});
  }
  // A private pair's thread: its recent posts count for nobody's figures.
  threads.push({id: 'c_m1_m2', key: null, title: 'Private', authorId: 'm1', authorName: 'Member 1', createdAt: now - 3 * DAY,
    lastActivityAt: now - 2 * DAY, postCount: 2, status: 'visible', participants: ['m1', 'm2']});
  for (const j of [0, 1]) {
    const t = now - 3 * DAY + j * HOUR;
    posts.push({...posts[0], id: `pp${j}`, threadId: 'c_m1_m2', authorId: `m${j + 1}`, createdAt: t, status: 'visible', statusReason: null});
    lastPost.set(`m${j + 1}`, Math.max(lastPost.get(`m${j + 1}`) ?? 0, t));
  }
  const reports: Report[] = Array.from({length: 12}, (_, i) => ({
    id: `r${i}`, target: {kind: 'post', threadId: 't1', postId: `p1_${i}`}, reason: 'spam', details: '', reporterId: `m${i + 3}`,
    createdAt: now - i * HOUR, status: i < 7 ? 'open' : 'dismissed',
  }));
  const community = sampleCommunity(cid, {settings: {postIntervalSeconds: 10, reportsPerHour: 10}});
  const fixture: SeedFixture = {community, members, roles: [roles('m0', ['admin'])], threads, posts, reports};
  const extra: [string, Record<string, unknown>][] = [];
  for (const p of posts) if (p.status === 'held') extra.push([pathIn(cid, layout.heldPost(p.threadId, p.id)), {threadId: p.threadId, postId: p.id, authorId: p.authorId, createdAt: new Date(p.createdAt)}]);
  for (const [uid, t] of lastPost) {
    extra.push([pathIn(cid, layout.limits(uid)), {lastPostAt: new Date(t), lastPost: 'x/y', reportWindowStart: null, reportCount: 0, lastReportId: null}]);
  }

  // The hand count.
  const hub = threads.filter((t) => !t.participants);
  const eligible = hub.filter((t) => t.createdAt >= now - REPLY_WINDOW && t.createdAt <= now - DAY);
  const second = eligible.map((t) => posts.filter((p) => p.threadId === t.id).sort((a, b) => a.createdAt - b.createdAt)[1]);
  const gaps = second.map((p, i) => p.createdAt - eligible[i].createdAt);
  const expected: Record<HealthKey, number | null> = {
    members: members.length,
    newMembers: members.filter((m) => m.joinedAt >= now - WEEK).length,
    posts: posts.filter((p) => p.threadId !== 'c_m1_m2' && p.createdAt >= now - WEEK).length,
    activePosters: [...lastPost.values()].filter((t) => t >= now - WEEK).length,
    repliedWithin24h: Math.round((gaps.filter((g) => g <= DAY).length / eligible.length) * 100),
    medianFirstReply: Math.round((median(gaps)! / HOUR) * 10) / 10,
    openReports: 7,
    heldPosts: posts.filter((p) => p.status === 'held').length,
  };
  return {fixture, extra, expected};
}

const values = (h: CommunityHealth) => Object.fromEntries(h.figures.map((f) => [f.key, f.value]));

describe('community health figures: 500 members, 5,000 posts, against a hand count', function () {
  this.timeout(300000);
  const cid = uniqueCommunityId('health');
  const now = Date.now();
  const world = build(cid, now);
  const admin = new FirestoreAdmin(PROJECT);

  before(async () => {
    await admin.writeDocs([...fixtureDocs(world.fixture), ...world.extra]);
  });
  after(() => admin.clear());

  it('the seed is what it says', () => {
    expect(world.fixture.members).to.have.length(500);
    expect(world.fixture.posts!.filter((p) => p.threadId !== 'c_m1_m2')).to.have.length(5000);
    // The figures are not degenerate: each window holds some and leaves out some.
    expect(world.expected.newMembers).to.be.within(5, 499);
    expect(world.expected.posts).to.be.within(5, 4999);
    expect(world.expected.activePosters).to.be.within(5, 499);
    expect(world.expected.repliedWithin24h).to.be.within(1, 99);
  });

  it('FirebaseStore (aggregation queries on the emulator) matches the hand count, and says what each figure read', async () => {
    const store = await createFirebaseStore({communityId: cid, config: {projectId: PROJECT}, emulator: {...emulatorHost(), mockUser: {uid: 'm0'}}});
    try {
      const h = await store.communityHealth();
      expect(values(h)).to.deep.equal(world.expected);
      const reads = Object.fromEntries(h.figures.map((f) => [f.key, f.reads]));
      console.log(`health figures (Firebase, 500 members / 5,000 posts): ${JSON.stringify(values(h))}\nreads per figure: ${JSON.stringify(reads)}, ` +
        `total ${h.figures.reduce((n, f) => n + f.reads, 0)} (reading every document: ${5000 + 500 + 101 + 12}+)`);
      expect(h.figures.reduce((n, f) => n + f.reads, 0)).to.be.below(1000);
      // A member who is not an admin is refused by the rules.
      const member = await createFirebaseStore({communityId: cid, config: {projectId: PROJECT}, emulator: {host: 'm5.localhost', port: emulatorHost().port, mockUser: {uid: 'm5'}}});
      try {
        await member.communityHealth().then(() => expect.fail('a member counted'), (e) => expect(e.code).to.equal('permission-denied'));
      } finally {
        await member.dispose();
      }
    } finally {
      await store.dispose();
    }
  });

  it('LocalStore matches the same hand count; the CSV suppresses nothing at this size but would under 5', async () => {
    const store = await LocalStore.open({communityId: cid, seed: world.fixture, persistence: 'memory', user: {uid: 'm0', anonymous: false}});
    try {
      const h = await store.communityHealth();
      expect(values(h)).to.deep.equal(world.expected);
      const csv = healthCsv(h, (k) => k);
      expect(csv).to.contain(`members,500,count,0,`);
      expect(csv).to.not.contain('<5');
      const small = {...h, figures: h.figures.map((f) => (f.key === 'openReports' ? {...f, value: 3} : f))};
      expect(healthCsv(small, (k) => k)).to.contain('openReports,<5,count');
      expect(shownValue({key: 'members', value: 0, unit: 'count', basis: null, reads: 1})).to.deep.equal({value: 0, suppressed: false});
      expect(shownValue({key: 'repliedWithin24h', value: 100, unit: 'percent', basis: 3, reads: 1}).suppressed).to.equal(true);
    } finally {
      await store.dispose();
    }
  });
});
