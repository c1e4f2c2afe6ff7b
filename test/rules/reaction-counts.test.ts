// firestore.rules, issue 17 reactions (s5): a post's reaction counts past one write a second. Once the reaction
// counting function has marked the community (services.reactionCounts on the community document, written with
// the Admin SDK), a reaction is its reactions/{postId}_{uid}_{kind} document alone, created or deleted, and no
// client changes a post's counts. Every attempt below is a raw commit over REST with a forged (unsigned) ID
// token, as an attacker would send it: a forged count, a count moved with the reaction, a count on its own, the
// function's reactionsCountedAt, someone else's reaction, the marker itself. Without the marker, today's rules
// hold (the count moves by exactly one with the reaction). FirebaseStore follows the marker.
//
// The cast (rules-fixture.ts): m1 Mel, m2 Mo (members), auth1 Ari (wrote p1, hearted it; p2 is held), adm1 (admin).
import {expect} from '@open-wc/testing';
import {baseline, pathIn, useRulesEnv, type RulesEnv} from './rules-fixture.js';
import {RestClient, SERVER_TIME, accepted, inc, refused} from './rest.js';
import {layout} from '../../src/data/domain/layout.js';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {emulatorHost} from '../support/env.js';

const PROJECT = 'demo-kindred-rules-reaction-counts';
let n = 0;

/** The rules baseline (p1: heart 2, hearted by auth1 and sus1; p2 held), with the reaction function's marker when `server`. */
async function world(rt: RulesEnv, server: boolean): Promise<string> {
  const cid = `reactions-${++n}-${Date.now().toString(36)}`;
  await rt.admin.writeDocs(baseline(cid).map(([path, data]): [string, Record<string, unknown>] =>
    path === pathIn(cid) && server ? [path, {...data, services: {reactionCounts: Date.UTC(2026, 0, 11)}}] : [path, data]));
  return cid;
}

const reactionPath = (cid: string, uid: string, kind: string, pid = 'p1') => pathIn(cid, layout.reaction('t1', pid, uid, kind));
const postPath = (cid: string, pid = 'p1') => pathIn(cid, layout.post('t1', pid));
const reaction = (uid: string, kind: string, pid = 'p1') => ({postId: pid, uid, kind, at: SERVER_TIME});
async function counts(rt: RulesEnv, cid: string, pid = 'p1') {
  const raw = (await rt.admin.getRaw(postPath(cid, pid)))?.reactions as {mapValue?: {fields?: Record<string, unknown>}} | undefined;
  const fields = raw?.mapValue?.fields ?? {};
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Number((v as {integerValue: string}).integerValue)]));
}
const ZEROS = {heart: 0, hug: 0, metoo: 0, thanks: 0};

describe('firestore.rules: reaction counts kept by the reaction counting function (issue 17 reactions, s5)', function () {
  this.timeout(120000);
  let rt: RulesEnv;

  useRulesEnv(PROJECT, (e) => (rt = e));

  it('with the marker, a reaction is its document alone; forged counts over REST are refused (403)', async () => {
    const cid = await world(rt, true);
    const mel = new RestClient(PROJECT, 'm1');
    // Refused: the old batch (reaction + count), a count on its own (+1, a forged 500), the function's field.
    refused(await mel.commit([{set: reactionPath(cid, 'm1', 'hug'), data: reaction('m1', 'hug')}, {update: postPath(cid), data: {'reactions.hug': inc(1)}}]),
      'a reaction with its count moved, as before the function');
    refused(await mel.commit([{update: postPath(cid), data: {'reactions.hug': inc(1)}}]), 'a count moved alone');
    refused(await mel.commit([{update: postPath(cid), data: {reactions: {...ZEROS, heart: 500}}}]), 'a forged count of 500');
    refused(await mel.commit([{update: postPath(cid), data: {reactionsCountedAt: SERVER_TIME}}]), 'the function\'s reactionsCountedAt');
    // Refused: a reaction in someone else's name, under another id, on a held post, with a client time.
    refused(await mel.commit([{set: reactionPath(cid, 'm2', 'hug'), data: reaction('m2', 'hug')}]), 'a reaction for someone else');
    refused(await mel.commit([{set: reactionPath(cid, 'm1', 'heart'), data: reaction('m1', 'hug')}]), 'a reaction under a mismatched id');
    refused(await mel.commit([{set: reactionPath(cid, 'm1', 'hug', 'p2'), data: reaction('m1', 'hug', 'p2')}]), 'a reaction on a held post');
    refused(await mel.commit([{set: reactionPath(cid, 'm1', 'hug'), data: {...reaction('m1', 'hug'), at: new Date(Date.UTC(2026, 0, 1))}}]), 'a client-set time');
    refused(await new RestClient(PROJECT, 'outsider').commit([{set: reactionPath(cid, 'outsider', 'hug'), data: reaction('outsider', 'hug')}]), 'a non-member');
    refused(await new RestClient(PROJECT, 'sus1').commit([{set: reactionPath(cid, 'sus1', 'hug'), data: reaction('sus1', 'hug')}]), 'a suspended member');
    // Accepted: the reaction alone, and taking it back alone.
    accepted(await mel.commit([{set: reactionPath(cid, 'm1', 'hug'), data: reaction('m1', 'hug')}]), 'a reaction alone');
    refused(await new RestClient(PROJECT, 'm2').commit([{delete: reactionPath(cid, 'm1', 'hug')}]), 'deleting someone else\'s reaction');
    accepted(await mel.commit([{delete: reactionPath(cid, 'm1', 'hug')}]), 'taking a reaction back alone');
    expect(await counts(rt, cid), 'no client moved a count').to.deep.equal({...ZEROS, heart: 2});
  });

  it('nobody writes the marker: an admin\'s save that adds or removes it is refused (403)', async () => {
    const plain = await world(rt, false);
    const marked = await world(rt, true);
    const admin = new RestClient(PROJECT, 'adm1');
    refused(await admin.commit([{update: pathIn(plain), data: {services: {reactionCounts: SERVER_TIME}}}]), 'an admin adding the marker');
    refused(await admin.commit([{update: pathIn(marked), data: {services: {}}}]), 'an admin removing the marker');
  });

  it('without the marker (no function deployed), a reaction must move its count by exactly one in its batch, as before', async () => {
    const cid = await world(rt, false);
    const mel = new RestClient(PROJECT, 'm1');
    refused(await mel.commit([{set: reactionPath(cid, 'm1', 'hug'), data: reaction('m1', 'hug')}]), 'a reaction alone');
    refused(await mel.commit([{set: reactionPath(cid, 'm1', 'hug'), data: reaction('m1', 'hug')}, {update: postPath(cid), data: {'reactions.hug': inc(2)}}]),
      'a reaction moving its count by two');
    accepted(await mel.commit([{set: reactionPath(cid, 'm1', 'hug'), data: reaction('m1', 'hug')}, {update: postPath(cid), data: {'reactions.hug': inc(1)}}]),
      'a reaction with its count');
    expect(await counts(rt, cid)).to.deep.equal({...ZEROS, heart: 2, hug: 1});
  });

  it('FirebaseStore follows the marker: setReaction writes the reaction alone; without it, the count in the same batch', async () => {
    const {host, port} = emulatorHost();
    const open = (uid: string, cid: string) => createFirebaseStore({communityId: cid, config: {projectId: PROJECT}, emulator: {host, port, mockUser: {uid}}});
    const marked = await world(rt, true);
    const plain = await world(rt, false);
    const [mel, melPlain] = await Promise.all([open('m1', marked), open('m1', plain)]);
    try {
      await mel.setReaction('t1', 'p1', 'hug', true);
      expect(await rt.admin.getRaw(reactionPath(marked, 'm1', 'hug')), 'the reaction is stored').to.not.equal(null);
      expect(await counts(rt, marked), 'the post is not written by the reaction').to.deep.equal({...ZEROS, heart: 2});
      await mel.setReaction('t1', 'p1', 'hug', false);
      expect(await rt.admin.getRaw(reactionPath(marked, 'm1', 'hug')), 'taken back').to.equal(null);
      // Without the function the same call moves the count in its batch.
      await melPlain.setReaction('t1', 'p1', 'hug', true);
      expect(await counts(rt, plain)).to.deep.equal({...ZEROS, heart: 2, hug: 1});
    } finally {
      await Promise.all([mel.dispose(), melPlain.dispose()]);
    }
  });
});
