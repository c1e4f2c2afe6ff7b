// Issue 14: the invite email (functions/src/invites.ts mailInvite) on the real Firestore emulator, through
// firebase-functions-test; and issue 15's email "open" link to the post (domain mailOpenLink).
import {after, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import functionsTest from 'firebase-functions-test';
import {getApps, initializeApp} from 'firebase-admin/app';
import {Timestamp, getFirestore} from 'firebase-admin/firestore';

const fft = functionsTest();
const fns = await import('../../functions/src/index.js');
const {mailOpenLink} = await import('../../src/data/domain/notifications.js');
if (!getApps().some((a) => a.name === '[DEFAULT]')) initializeApp({projectId: process.env.GCLOUD_PROJECT});
const db = getFirestore();
let seq = 0;

async function invite(extra: Record<string, unknown> = {}) {
  const cid = `inv-${process.pid}-${++seq}`;
  const id = `inviteFunctionTest${String(seq).padStart(4, '0')}`;
  await db.doc(`communities/${cid}`).set({name: {en: 'Asthma Wales', cy: 'Asthma Cymru'}, tagline: {en: ''}, languages: ['en', 'cy'],
    createdAt: Timestamp.now(), founderStory: null, settings: {visibility: 'public', moderation: 'post', holdFirstPosts: 0, bannedWords: [],
      nation: 'wales', tags: [], guidelinesVersion: '1', consentVersion: '1'}});
  const data = {email: 'nurse@example.org', role: 'clinician', clinicianScope: 'Asthma nurse', invitedBy: 'ada', createdAt: Timestamp.now(),
    expiresAt: Timestamp.fromMillis(Date.now() + 14 * 86400000), claimedBy: null, claimedAt: null, revokedBy: null,
    url: `https://asthma.example.org/admin?kin-invite=${id}`, ...extra};
  const path = `communities/${cid}/invites/${id}`;
  await db.doc(path).set(data);
  const run = () => fft.wrap(fns.mailInvite)({id: `e-${++seq}`, data: fft.firestore.makeDocumentSnapshot(data, path), params: {cid, id}} as never);
  return {cid, id, run};
}

describe('functions: invite emails (issue 14)', () => {
  it('emails the invited address its link, in English and Welsh, once (a retried event writes nothing more)', async () => {
    const {cid, id, run} = await invite();
    await run();
    await run();
    const snap = await db.collection('mail').where('kindred.inviteId', '==', id).get();
    assert.equal(snap.size, 1);
    const mail = snap.docs[0].data();
    assert.equal(mail.to, 'nurse@example.org');
    assert.equal(mail.kindred.communityId, cid);
    assert.match(mail.message.subject, /Invitation: help run Asthma Wales \/ Gwahoddiad: helpu i redeg Asthma Cymru/);
    assert.ok(mail.message.text.includes(`https://asthma.example.org/admin?kin-invite=${id}`));
    assert.ok(mail.message.text.includes('as a verified clinician (Asthma nurse)'));
    assert.ok(mail.message.text.includes('yn glinigydd wedi’i wirio'));
    assert.ok(mail.message.html.includes(`<a href="https://asthma.example.org/admin?kin-invite=${id}">`));
  });

  it('writes nothing for an invite without a link, with a link naming another invite, or an http one', async () => {
    for (const url of [null, 'https://asthma.example.org/admin?kin-invite=someOtherInvite00001', 'http://asthma.example.org/admin']) {
      const {id, run} = await invite({url});
      await run();
      assert.equal((await db.collection('mail').where('kindred.inviteId', '==', id).get()).size, 0, String(url));
    }
  });
});

describe('email links open the post (issue 15)', () => {
  it('fills {thread} and {post}; items without a thread link to the page itself', () => {
    const site = 'https://asthma.example.org/talk?thread={thread}#post-{post}';
    assert.equal(mailOpenLink(site, {threadId: 't1', postId: 'r1'}), 'https://asthma.example.org/talk?thread=t1#post-r1');
    assert.equal(mailOpenLink(site, {threadId: null, postId: null}), 'https://asthma.example.org/talk');
    assert.equal(mailOpenLink('https://asthma.example.org/community', {threadId: 't1', postId: 'r1'}), 'https://asthma.example.org/community');
  });
});

after(() => fft.cleanup());
