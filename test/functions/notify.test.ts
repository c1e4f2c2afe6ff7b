// The Cloud Functions (functions/src) on the real Firestore emulator that `npm test` starts: each trigger
// wrapped by firebase-functions-test (offline mode) and given real snapshots, the Admin SDK reading and
// writing the emulator. Every "never" of issue 15, retries, a fan-out to 1,000 followers, a 40-item digest
// and the unsubscribe link (valid, forged, expired) over real HTTP.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import type {AddressInfo} from 'node:net';
import express from 'express';
import functionsTest from 'firebase-functions-test';
import {getApps, initializeApp} from 'firebase-admin/app';
import {Timestamp, getFirestore, type Firestore} from 'firebase-admin/firestore';

process.env.KINDRED_SITE_URL = 'https://asthma.example.org/community';
process.env.KINDRED_UNSUBSCRIBE_URL = 'https://europe-west2-demo.cloudfunctions.net/unsubscribe';
process.env.KINDRED_UNSUBSCRIBE_SECRET = 'test-secret-0123456789abcdef';

const fft = functionsTest();
const fns = await import('../../functions/src/index.js');
const {makeToken} = await import('../../functions/src/unsubscribe.js');
const {onPost} = await import('../../functions/src/deliver.js');

if (!getApps().some((a) => a.name === '[DEFAULT]')) initializeApp({projectId: process.env.GCLOUD_PROJECT});
const db: Firestore = getFirestore();

const POST_TEXT = 'My peak flow was 210 this morning and my inhaler is not helping';
let seq = 0;

type Data = Record<string, unknown>;
const ts = (ms: number) => Timestamp.fromMillis(ms);

/** A fresh community with members A (author), B (replier), M (moderator), a thread by A and A's post. */
async function community(opts: {visibility?: 'public' | 'members'; aNotify?: Data | null} = {}) {
  const cid = `fn-${process.pid}-${++seq}`;
  const c = `communities/${cid}`;
  const now = Date.now();
  const member = (uid: string, pseudonym: string) => ({uid, pseudonym, pseudonymLower: pseudonym.toLowerCase(), avatarUrl: null,
    avatarHue: 10, relationship: 'patient', bio: '', tags: [], listed: false, badges: [], clinicianScope: null, joinedAt: ts(now)});
  const batch = db.batch();
  batch.set(db.doc(c), {name: {en: 'Asthma Cymru', cy: 'Asthma Cymru'}, tagline: {en: ''}, languages: ['en', 'cy'], createdAt: ts(now),
    founderStory: null, settings: {visibility: opts.visibility ?? 'public', moderation: 'post', holdFirstPosts: 0, bannedWords: [],
      nation: 'wales', tags: [], guidelinesVersion: '1', consentVersion: '1'}});
  for (const [uid, name] of [['ann', 'Ann'], ['bob', 'Bob'], ['mod', 'Mo']]) batch.set(db.doc(`${c}/members/${uid}`), member(uid, name));
  batch.set(db.doc(`${c}/roles/mod`), {uid: 'mod', roles: ['moderator'], clinicianScope: null, verifiedBy: null, verifiedAt: null,
    suspendedUntil: null, grantedBy: 'seed', updatedAt: ts(now)});
  batch.set(db.doc(`${c}/private/ann`), {uid: 'ann', guidelines: {version: '1', at: ts(now)}, healthConsent: null, fieldVisibility: {},
    ...(opts.aNotify ? {notify: opts.aNotify} : {})});
  batch.set(db.doc(`${c}/threads/t1`), {key: null, title: 'Winter', authorId: 'ann', authorName: 'Ann', createdAt: ts(now),
    lastActivityAt: ts(now), postCount: 1, status: 'visible', participants: null, lastPostId: 'p1'});
  batch.set(db.doc(`${c}/threads/t1/posts/p1`), post('ann', null, 'visible'));
  await batch.commit();
  return {cid, c};
}

function post(authorId: string, parentId: string | null, status: string, statusReason: string | null = null): Data {
  return {body: POST_TEXT, authorId, authorName: authorId, authorRelationship: 'patient', authorAvatarUrl: null, authorAvatarHue: 0,
    authorBadges: [], parentId, createdAt: ts(Date.now()), editedAt: null, status, statusReason,
    reactions: {heart: 0, hug: 0, metoo: 0, thanks: 0}};
}

const snap = (data: Data | null, path: string) => fft.firestore.makeDocumentSnapshot(data ?? {}, path);

/** Writes a post as a client would, then runs the trigger for that write (like Firestore would). */
async function writePost(cid: string, tid: string, pid: string, beforeData: Data | null, afterData: Data | null, eventId = `e-${++seq}`) {
  const path = `communities/${cid}/threads/${tid}/posts/${pid}`;
  if (afterData) await db.doc(path).set(afterData);
  const wrapped = fft.wrap(fns.notifyOnPost);
  await wrapped({id: eventId, data: fft.makeChange(snap(beforeData, path), snap(afterData, path)), params: {cid, tid, pid}} as never);
  return eventId;
}

async function items(cid: string, uid: string) {
  const s = await db.collection(`communities/${cid}/notifications/${uid}/items`).get();
  return s.docs.map((d) => ({id: d.id, ...d.data()}) as Data & {id: string});
}

async function mails(cid: string) {
  const s = await db.collection('mail').where('kindred.communityId', '==', cid).get();
  return s.docs.map((d) => d.data());
}

after(async () => {
  fft.cleanup();
  await db.terminate();
});

describe('functions: replies and followed threads', () => {
  it('tells A of B’s reply, without the reply’s text; B now follows the thread', async () => {
    const {cid, c} = await community();
    await writePost(cid, 't1', 'r1', null, post('bob', 'p1', 'visible'));
    const got = await items(cid, 'ann');
    assert.equal(got.length, 1);
    assert.equal(got[0].kind, 'reply');
    assert.equal(got[0].threadId, 't1');
    assert.equal(got[0].postId, 'r1');
    assert.equal(got[0].read, false);
    assert.ok(!JSON.stringify(got).includes('peak flow'), 'no post text in the notification');
    assert.equal((await items(cid, 'bob')).length, 0, 'the replier is not told of their own post');
    assert.equal((await db.doc(`${c}/threads/t1/followers/bob`).get()).get('state'), 'following');
    assert.ok((await db.doc(`${c}/services/notifications`).get()).exists, 'the bell can see notifications are on');
    assert.equal((await mails(cid)).length, 0, 'A did not opt in to email: no mail document');
  });

  it('a retried event (same or new event id) writes nothing twice', async () => {
    const {cid} = await community({aNotify: {email: 'immediate', address: 'ann@example.org', language: 'en'}});
    const data = post('bob', 'p1', 'visible');
    await writePost(cid, 't1', 'r1', null, data, 'same-event');
    await db.doc(`communities/${cid}/notifications/ann/items/${(await items(cid, 'ann'))[0].id}`).update({read: true});
    await writePost(cid, 't1', 'r1', null, data, 'same-event');
    await writePost(cid, 't1', 'r1', null, data, 'another-delivery');
    const got = await items(cid, 'ann');
    assert.equal(got.length, 1);
    assert.equal(got[0].read, true, 'a retry does not mark a read notification unread');
    assert.equal((await mails(cid)).length, 1);
  });

  it('emails A (opted in, immediate) with no post text, the community’s name only, and one-click unsubscribe', async () => {
    const {cid} = await community({aNotify: {email: 'immediate', address: 'ann@example.org', language: 'cy'}});
    await writePost(cid, 't1', 'r1', null, post('bob', 'p1', 'visible'));
    const [mail] = await mails(cid);
    assert.equal(mail.to, 'ann@example.org');
    const m = mail.message as {subject: string; text: string; html: string};
    assert.equal(m.subject, 'Mae rhywun wedi ateb chi yn Asthma Cymru');
    for (const part of [m.subject, m.text, m.html]) assert.ok(!part.includes('peak flow') && !part.includes('Winter'), 'no member text');
    const headers = mail.headers as Record<string, string>;
    assert.match(headers['List-Unsubscribe'], /^<https:\/\/europe-west2-demo\.cloudfunctions\.net\/unsubscribe\?t=[\w-]+\.[\w-]+>$/);
    assert.equal(headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
  });

  it('tells followers of new posts; an unfollowed (muted) member and the author hear nothing', async () => {
    const {cid, c} = await community();
    await db.doc(`${c}/threads/t1/followers/ann`).set({uid: 'ann', state: 'following', at: ts(Date.now())});
    await db.doc(`${c}/threads/t1/followers/mod`).set({uid: 'mod', state: 'muted', at: ts(Date.now())});
    await writePost(cid, 't1', 'p2', null, post('bob', null, 'visible'));
    assert.deepEqual((await items(cid, 'ann')).map((n) => n.kind), ['thread-post']);
    assert.equal((await items(cid, 'mod')).length, 0);
    // Bob unfollowed before posting: posting does not follow again.
    await db.doc(`${c}/threads/t1/followers/bob`).set({uid: 'bob', state: 'muted', at: ts(Date.now())});
    await writePost(cid, 't1', 'p3', null, post('bob', null, 'visible'));
    assert.equal((await db.doc(`${c}/threads/t1/followers/bob`).get()).get('state'), 'muted');
  });
});

describe('functions: the nevers', () => {
  it('never about a held post before it is approved; then the reply and the approval are told', async () => {
    const {cid} = await community();
    const held = post('bob', 'p1', 'held', 'moderation');
    await writePost(cid, 't1', 'r1', null, held);
    assert.equal((await items(cid, 'ann')).length, 0, 'nothing for A while held');
    assert.deepEqual((await items(cid, 'mod')).map((n) => n.kind), ['held-post'], 'moderators hear of the queue');
    await writePost(cid, 't1', 'r1', held, {...held, status: 'visible', statusReason: null});
    assert.deepEqual((await items(cid, 'ann')).map((n) => n.kind), ['reply']);
    assert.deepEqual((await items(cid, 'bob')).map((n) => n.kind), ['post-approved']);
  });

  it('a hidden post tells its author, with the moderator’s reason and no text', async () => {
    const {cid} = await community();
    const visible = post('bob', 'p1', 'visible');
    await writePost(cid, 't1', 'r1', null, visible);
    await writePost(cid, 't1', 'r1', visible, {...visible, status: 'hidden', body: '', statusReason: 'Personal details'});
    const got = (await items(cid, 'bob')).find((n) => n.kind === 'post-hidden');
    assert.equal(got?.reason, 'Personal details');
  });

  it('never across a block', async () => {
    const {cid, c} = await community();
    await db.doc(`${c}/connections/ann_bob`).set({members: ['ann', 'bob'], requestedBy: 'bob', message: '', status: 'ended',
      createdAt: ts(Date.now()), updatedAt: ts(Date.now()), threadId: null, endedBy: 'ann'});
    await writePost(cid, 't1', 'r1', null, post('bob', 'p1', 'visible'));
    assert.equal((await items(cid, 'ann')).length, 0);
  });

  it('never to a suspended member, nor to an erased one', async () => {
    const {cid, c} = await community();
    await db.doc(`${c}/roles/ann`).set({uid: 'ann', roles: [], clinicianScope: null, verifiedBy: null, verifiedAt: null,
      suspendedUntil: ts(Date.now() + 3600_000), grantedBy: 'mod', updatedAt: ts(Date.now())});
    await writePost(cid, 't1', 'r1', null, post('bob', 'p1', 'visible'));
    assert.equal((await items(cid, 'ann')).length, 0, 'suspended');
    await db.doc(`${c}/roles/ann`).delete();
    await db.doc(`${c}/members/ann`).delete();
    await writePost(cid, 't1', 'r2', null, post('bob', 'p1', 'visible'));
    assert.equal((await items(cid, 'ann')).length, 0, 'erased');
  });

  it('never from a private thread to someone who cannot read it', async () => {
    const {cid, c} = await community();
    await db.doc(`${c}/threads/c_ann_bob`).set({key: null, title: 'Ann and Bob', authorId: 'ann', authorName: 'Ann', createdAt: ts(Date.now()),
      lastActivityAt: ts(Date.now()), postCount: 0, status: 'visible', participants: ['ann', 'bob'], lastPostId: null});
    // A stale follow by the moderator (not a participant, thread not reported) must not leak it.
    await db.doc(`${c}/threads/c_ann_bob/followers/mod`).set({uid: 'mod', state: 'following', at: ts(Date.now())});
    await db.doc(`${c}/threads/c_ann_bob/followers/ann`).set({uid: 'ann', state: 'following', at: ts(Date.now())});
    await writePost(cid, 'c_ann_bob', 'x1', null, post('bob', null, 'visible'));
    assert.equal((await items(cid, 'mod')).length, 0);
    assert.deepEqual((await items(cid, 'ann')).map((n) => n.kind), ['thread-post']);
  });

  it('never to a follower who is not a member of a members-only community', async () => {
    const {cid, c} = await community({visibility: 'members'});
    await db.doc(`${c}/threads/t1/followers/visitor`).set({uid: 'visitor', state: 'following', at: ts(Date.now())});
    await writePost(cid, 't1', 'p2', null, post('bob', null, 'visible'));
    assert.equal((await items(cid, 'visitor')).length, 0);
  });
});

describe('functions: reactions, connections, reports', () => {
  async function react(cid: string, uid: string, kind: string, count: number, eventId = `e-${++seq}`) {
    const c = `communities/${cid}`;
    await db.doc(`${c}/threads/t1/posts/p1`).update({[`reactions.${kind}`]: count});
    const path = `${c}/threads/t1/reactions/p1_${uid}_${kind}`;
    const data = {postId: 'p1', uid, kind, at: ts(Date.now())};
    await db.doc(path).set(data);
    await fft.wrap(fns.notifyOnReaction)({id: eventId, data: snap(data, path), params: {cid, tid: 't1', rid: `p1_${uid}_${kind}`}} as never);
  }

  it('gathers reactions into one line per kind ("3 people sent a hug"); a retry does not count twice', async () => {
    const {cid, c} = await community();
    for (const [i, uid] of ['bob', 'mod', 'cat'].entries()) {
      if (uid === 'cat') await db.doc(`${c}/members/cat`).set({uid: 'cat', pseudonym: 'Cat'});
      await react(cid, uid, 'hug', i + 1, `hug-${i}`);
    }
    await react(cid, 'cat', 'hug', 3, 'hug-2');
    const got = await items(cid, 'ann');
    assert.equal(got.length, 1);
    assert.equal(got[0].kind, 'reaction');
    assert.equal(got[0].reactionKind, 'hug');
    assert.equal(got[0].count, 3);
    assert.ok(!JSON.stringify(got).match(/bob|mod|cat/), 'who reacted is not revealed');
  });

  it('a reaction across a block tells nothing', async () => {
    const {cid, c} = await community();
    await db.doc(`${c}/connections/ann_bob`).set({members: ['ann', 'bob'], requestedBy: 'ann', message: '', status: 'ended',
      createdAt: ts(Date.now()), updatedAt: ts(Date.now()), threadId: null, endedBy: 'bob'});
    await react(cid, 'bob', 'heart', 1);
    assert.equal((await items(cid, 'ann')).length, 0);
  });

  it('a connection request tells the member asked; acceptance tells the requester; a decline tells nobody', async () => {
    const {cid, c} = await community();
    const path = `${c}/connections/ann_bob`;
    const base = {members: ['ann', 'bob'], requestedBy: 'bob', message: 'Hello', createdAt: ts(Date.now()), updatedAt: ts(Date.now()), threadId: null, endedBy: null};
    const run = (b: Data | null, a: Data | null) => fft.wrap(fns.notifyOnConnection)({id: `e-${++seq}`,
      data: fft.makeChange(snap(b, path), snap(a, path)), params: {cid, id: 'ann_bob'}} as never);
    await run(null, {...base, status: 'pending'});
    assert.deepEqual((await items(cid, 'ann')).map((n) => [n.kind, n.connectionId]), [['connection-request', 'ann_bob']]);
    assert.ok(!JSON.stringify(await items(cid, 'ann')).includes('Hello'), 'the message stays in the request');
    await run({...base, status: 'pending'}, {...base, status: 'accepted', threadId: 'c_ann_bob'});
    assert.deepEqual((await items(cid, 'bob')).map((n) => n.kind), ['connection-accepted']);
    const {cid: cid2, c: c2} = await community();
    const path2 = `${c2}/connections/ann_bob`;
    await fft.wrap(fns.notifyOnConnection)({id: `e-${++seq}`, data: fft.makeChange(snap({...base, status: 'pending'}, path2),
      snap({...base, status: 'ended', endedBy: 'ann'}, path2)), params: {cid: cid2, id: 'ann_bob'}} as never);
    assert.equal((await items(cid2, 'bob')).length, 0);
  });

  it('a report tells moderators (never the reporter’s words); members hear nothing', async () => {
    const {cid, c} = await community();
    const path = `${c}/reports/rep1`;
    const data = {target: {kind: 'post', threadId: 't1', postId: 'p1'}, reason: 'harm', details: 'She said she has no inhaler left',
      reporterId: 'bob', createdAt: ts(Date.now()), status: 'open'};
    await db.doc(path).set(data);
    await fft.wrap(fns.notifyOnReport)({id: `e-${++seq}`, data: snap(data, path), params: {cid, rid: 'rep1'}} as never);
    const got = await items(cid, 'mod');
    assert.deepEqual(got.map((n) => [n.kind, n.reportId, n.postId]), [['report', 'rep1', 'p1']]);
    assert.ok(!JSON.stringify(got).includes('inhaler'));
    assert.equal((await items(cid, 'ann')).length, 0);
  });
});

describe('functions: erasure', () => {
  it('an erased member’s notifications, follows and unsent emails go with their profile', async () => {
    const {cid, c} = await community({aNotify: {email: 'immediate', address: 'ann@example.org', language: 'en'}});
    await db.doc(`${c}/threads/t1/followers/ann`).set({uid: 'ann', state: 'following', at: ts(Date.now())});
    await writePost(cid, 't1', 'r1', null, post('bob', 'p1', 'visible'));
    assert.equal((await items(cid, 'ann')).length, 1);
    assert.equal((await mails(cid)).length, 1);
    const path = `${c}/members/ann`;
    const before = await db.doc(path).get();
    await db.doc(path).delete();
    await fft.wrap(fns.forgetErasedMember)({id: `e-${++seq}`, data: before, params: {cid, uid: 'ann'}} as never);
    assert.equal((await items(cid, 'ann')).length, 0);
    assert.equal((await mails(cid)).length, 0);
    assert.equal((await db.doc(`${c}/threads/t1/followers/ann`).get()).exists, false);
    assert.equal((await db.doc(`${c}/threads/t1/followers/bob`).get()).exists, true, 'others keep theirs');
  });
});

describe('functions: scale, digest, unsubscribe', () => {
  it('fans out to 1,000 followers in batches within Firestore’s limit', async () => {
    const {cid, c} = await community();
    const writes: [string, Data][] = [];
    for (let i = 0; i < 1000; i++) {
      const uid = `f${String(i).padStart(4, '0')}`;
      writes.push([`${c}/members/${uid}`, {uid, pseudonym: uid}], [`${c}/threads/t1/followers/${uid}`, {uid, state: 'following', at: ts(Date.now())}]);
    }
    for (let i = 0; i < writes.length; i += 400) {
      const b = db.batch();
      for (const [p, d] of writes.slice(i, i + 400)) b.set(db.doc(p), d);
      await b.commit();
    }
    const data = post('bob', null, 'visible') as Data & {authorId: string; parentId: null; status: 'visible'; statusReason: null};
    await db.doc(`${c}/threads/t1/posts/big`).set(data);
    const t0 = Date.now();
    const report = await onPost(db, {cid, tid: 't1', pid: 'big'}, null, data, null);
    const ms = Date.now() - t0;
    assert.equal(report.notifications, 1000);
    assert.ok(report.batches >= 3, `${report.batches} batches`);
    const count = await db.collectionGroup('items').where('postId', '==', 'big').count().get();
    assert.equal(count.data().count, 1000);
    const again = await onPost(db, {cid, tid: 't1', pid: 'big'}, null, data, null);
    assert.equal(again.notifications, 0, 'a retry of the fan-out writes nothing');
    console.log(`fan-out: 1 post → ${report.notifications} notifications in ${report.batches} batches, ${ms} ms on the emulator`);
  });

  it('a daily digest for a member with 40 unread items: one email, counts only, once a day', async () => {
    const {cid, c} = await community({aNotify: {email: 'daily', address: 'ann@example.org', language: 'en'}});
    const b = db.batch();
    for (let i = 0; i < 40; i++) {
      b.set(db.doc(`${c}/notifications/ann/items/reply~t1~r${i}`), {kind: i < 30 ? 'reply' : 'thread-post', threadId: 't1', postId: `r${i}`,
        connectionId: null, reportId: null, reactionKind: null, count: 1, reason: null, createdAt: ts(Date.now()), updatedAt: ts(Date.now()), read: false});
    }
    await b.commit();
    const {runDigest} = await import('../../functions/src/deliver.js');
    const config = {siteUrl: 'https://asthma.example.org/community', unsubscribeUrl: 'https://example.org/unsubscribe', secret: 'x'.repeat(20), now: Date.now()};
    await runDigest(db, config);
    const sent = (await mails(cid)).filter((m) => (m.kindred as Data).kind === 'digest');
    assert.equal(sent.length, 1);
    const m = sent[0].message as {subject: string; text: string};
    assert.equal(m.subject, '40 new notifications in Asthma Cymru');
    assert.match(m.text, /30 replies to your posts/);
    assert.match(m.text, /10 new posts in conversations you follow/);
    assert.ok(!m.text.includes('peak flow'));
    await runDigest(db, config);
    assert.equal((await mails(cid)).filter((x) => (x.kindred as Data).kind === 'digest').length, 1, 'not twice');
  });

  it('unsubscribe: a valid one-click POST turns email off; forged and expired links are refused; GET changes nothing', async () => {
    const {cid, c} = await community({aNotify: {email: 'immediate', address: 'ann@example.org', language: 'en'}});
    const app = express();
    app.use(express.urlencoded({extended: false}));
    app.all('/unsubscribe', fns.unsubscribe as never);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/unsubscribe`;
    const secret = process.env.KINDRED_UNSUBSCRIBE_SECRET!;
    const oneClick = (t: string) => fetch(`${base}?t=${encodeURIComponent(t)}`, {method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'List-Unsubscribe=One-Click'});
    const email = async () => (await db.doc(`${c}/private/ann`).get()).get('notify.email');
    try {
      const valid = makeToken(secret, cid, 'ann', Date.now() + 60_000);
      assert.equal((await fetch(`${base}?t=${valid}`)).status, 200);
      assert.equal(await email(), 'immediate', 'GET only shows the button');
      const forged = makeToken('not-our-secret-at-all', cid, 'ann', Date.now() + 60_000);
      assert.equal((await oneClick(forged)).status, 403);
      const [payload] = valid.split('.');
      assert.equal((await oneClick(`${payload}.${'A'.repeat(43)}`)).status, 403);
      assert.equal(await email(), 'immediate');
      const expired = makeToken(secret, cid, 'ann', Date.now() - 1000);
      assert.equal((await oneClick(expired)).status, 410);
      assert.equal(await email(), 'immediate');
      assert.equal((await oneClick(valid)).status, 200);
      assert.equal(await email(), 'off');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

before(async () => {
  await db.doc('probe/ready').set({at: Timestamp.now()});
});
