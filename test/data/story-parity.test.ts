// The cross-store story (issue 13, "Done when"): one scripted story run on LocalStore and on
// FirebaseStore (the real emulator with the real firestore.rules). Every step records what members and
// moderators can then see through the store — normalised: no times, the same ids on both — or the
// error code it was refused with. The two records must be identical, so a rule one store decides
// differently from the other (a default avatar colour, a hold, a connection move, a moderation
// decision, an erasure) fails here with the step that differs.
import {expect} from '@open-wc/testing';
import {defaultAvatarHue} from '../../src/data/domain/avatars.js';
import {isKindredError} from '../../src/data/errors.js';
import type {CommunityStore} from '../../src/data/store.js';
import type {Connection, MemberProfile, ModerationMode, Post} from '../../src/data/types.js';
import {member, privateRecord, roles, sampleSeed, thread, uniqueCommunityId} from '../support/builders.js';
import {firebaseHarness, localHarness, type StoreHarness} from '../support/stores.js';

type Entry = [step: string, outcome: unknown];

const G = 'g-2026-01';

/**
 * What a watch shows once it has settled: its latest value after `quietMs` with no new one. A Firestore
 * listener may first deliver what its own cache still holds (a member's own earlier write) and then the
 * server's answer; members see the latter, so the story records it.
 */
function settled<T>(watch: (next: (v: T) => void, error: (e: unknown) => void) => () => void, quietMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest: T;
    const stop = watch((v) => {
      latest = v;
      clearTimeout(timer);
      timer = setTimeout(() => {
        stop();
        resolve(latest);
      }, quietMs);
    }, (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

const profile = (m: MemberProfile | null) => m && {
  pseudonym: m.pseudonym, avatarHue: m.avatarHue, avatarUrl: m.avatarUrl, relationship: m.relationship, badges: m.badges, listed: m.listed,
};
const postView = (p: Post) => ({id: p.id, status: p.status, statusReason: p.statusReason, body: p.body, author: p.authorName});
const connectionView = (c: Connection) => ({id: c.id, status: c.status, requestedBy: c.requestedBy, threadId: c.threadId});

async function runStory(h: StoreHarness): Promise<Entry[]> {
  const cid = uniqueCommunityId(`story-${h.kind}`);
  const base = sampleSeed(cid, {
    members: [member('ada', {pseudonym: 'Ada', badges: ['admin']}), member('mod', {pseudonym: 'Mo', badges: ['moderator']})],
    roles: [roles('ada', ['admin']), roles('mod', ['moderator'])],
    threads: [thread('t1', {authorId: 'ada', authorName: 'Ada', title: 'Say hello', postCount: 0})],
  });
  base.privates = [privateRecord('ada', base.community), privateRecord('mod', base.community)];
  await h.seed(base);
  const as: Record<string, CommunityStore> = {};
  for (const uid of ['ada', 'mod', 'joe', 'kay']) as[uid] = await h.storeAs(cid, uid);
  const log: Entry[] = [];
  const step = async (name: string, fn: () => Promise<unknown>) => {
    try {
      log.push([name, (await fn()) ?? 'done']);
    } catch (e) {
      log.push([name, {refused: isKindredError(e) ? e.code : String(e)}]);
    }
  };
  const quiet = h.kind === 'firebase' ? 1500 : 50;
  const posts = async (uid: string) => (await settled<Post[]>((n, e) => as[uid].watchPosts('t1', {limit: 50}, n, e), quiet)).map(postView);
  const connections = async (uid: string) => (await settled<Connection[]>((n, e) => as[uid].watchConnections(n, e), quiet)).map(connectionView);
  const mode = (moderation: ModerationMode) => as.ada.updateCommunity({settings: {moderation, holdFirstPosts: moderation === 'first-posts' ? 1 : 0}});

  // Joining, with and without an avatar colour.
  await step('joe joins with an avatar colour', async () => profile(await as.joe.join({pseudonym: 'Joe', relationship: 'patient', avatarHue: 200, guidelinesVersion: G, healthConsentVersion: null})));
  await step('kay joins without one', async () => profile(await as.kay.join({pseudonym: 'Kay', relationship: 'carer', guidelinesVersion: G, healthConsentVersion: null})));
  await step('kay as others see her', async () => profile(await as.joe.getMember('kay')));
  log.push(['kay has the default colour', (await as.joe.getMember('kay'))?.avatarHue === defaultAvatarHue('kay')]);
  await step('joe joins twice', () => as.joe.join({pseudonym: 'Joe', relationship: 'patient', guidelinesVersion: G, healthConsentVersion: null}));

  // First posts under each moderation mode.
  for (const m of ['post', 'first-posts', 'all'] as const) {
    await step(`moderation ${m}`, async () => (await mode(m)).settings.moderation);
    await step(`joe's first post under ${m}`, async () => postView(await as.joe.createPost({id: `p-${m}`, threadId: 't1', body: `Hello under ${m}`})));
  }
  await step('moderation post again', async () => (await mode('post')).settings.moderation);
  await step('a post with contact details', async () => postView(await as.kay.createPost({id: 'p-contact', threadId: 't1', body: 'Ring me on 07700 900123'})));
  await step('kay posts plainly', async () => postView(await as.kay.createPost({id: 'p-plain', threadId: 't1', body: 'Walking helped me today'})));
  await step('an edit that adds a link', () => as.kay.editPost('t1', 'p-plain', 'Walking helped me today: https://nhs.uk/a https://nhs.uk/b https://nhs.uk/c'));
  await step('joe edits kay’s post', () => as.joe.editPost('t1', 'p-contact', 'mine now'));
  await step('the thread as joe sees it', () => posts('joe'));

  // A connection: request → accept → end → block.
  await step('joe asks kay to connect', async () => connectionView(await as.joe.requestConnection('kay', 'Hi Kay')));
  await step('joe asks again (retry)', async () => connectionView(await as.joe.requestConnection('kay', 'Hi Kay')));
  await step('joe answers his own request', () => as.joe.respondToConnection('joe_kay', true));
  await step('kay sees the request', () => connections('kay'));
  await step('kay accepts', async () => connectionView(await as.kay.respondToConnection('joe_kay', true)));
  await step('kay accepts again', () => as.kay.respondToConnection('joe_kay', true));
  await step('joe sees the connection', () => connections('joe'));
  await step('joe ends it', () => as.joe.endConnection('joe_kay'));
  await step('kay sees nothing', () => connections('kay'));
  await step('joe asks again after ending', () => as.joe.requestConnection('kay'));
  await step('kay blocks joe', () => as.kay.blockMember('joe'));
  await step('kay blocks herself', () => as.kay.blockMember('kay'));
  await step('joe sees nothing', () => connections('joe'));

  // Report → hide → restore.
  await step('kay reports joe’s post', async () => {
    const r = await as.kay.report({id: 'r1', target: {kind: 'post', threadId: 't1', postId: 'p-post'}, reason: 'spam', details: ''});
    return {id: r.id, status: r.status, reason: r.reason};
  });
  await step('kay tries to hide it', () => as.kay.moderate('hide', {kind: 'post', threadId: 't1', postId: 'p-post'}, 'Off topic'));
  await step('mo restores a visible post', () => as.mod.moderate('restore', {kind: 'post', threadId: 't1', postId: 'p-post'}, ''));
  await step('mo hides it, closing the report', async () => {
    const e = await as.mod.moderate('hide', {kind: 'post', threadId: 't1', postId: 'p-post', reportId: 'r1'}, 'Off topic');
    return {action: e.action, targetPath: e.targetPath, reason: e.reason};
  });
  await step('the thread as joe sees it, hidden', () => posts('joe'));
  await step('mo restores it', async () => (await as.mod.moderate('restore', {kind: 'post', threadId: 't1', postId: 'p-post'}, '')).action);
  await step('mo approves the held contact post', async () => (await as.mod.moderate('approve', {kind: 'post', threadId: 't1', postId: 'p-contact'}, '')).action);
  await step('the thread as kay sees it, restored', () => posts('kay'));

  // Erasure.
  await step('joe erases himself', () => as.joe.eraseMe());
  await step('joe as kay sees him', async () => profile(await as.kay.getMember('joe')));
  await step('the thread after joe’s erasure', () => posts('kay'));
  return log;
}

describe('one story on both stores (issue 13)', function () {
  this.timeout(240000);
  const harnesses = {local: localHarness(), firebase: firebaseHarness('demo-kindred-story')};
  after(async () => {
    await harnesses.local.cleanup();
    await harnesses.firebase.cleanup();
  });

  it('gives the same documents and the same error codes on LocalStore and FirebaseStore', async () => {
    const local = await runStory(harnesses.local);
    const firebase = await runStory(harnesses.firebase);
    // The story means something: it was refused at some steps and allowed at others.
    const refused = local.filter(([, o]) => typeof o === 'object' && o !== null && 'refused' in o).length;
    expect(refused, 'refused steps').to.be.greaterThan(5);
    expect(local.length - refused, 'allowed steps').to.be.greaterThan(20);
    const differ = local.flatMap(([step, o], i) => JSON.stringify(o) === JSON.stringify(firebase[i]?.[1]) && step === firebase[i]?.[0]
      ? [] : [`${step}\n  local:    ${JSON.stringify(o)}\n  firebase: ${JSON.stringify(firebase[i]?.[1])}`]);
    console.log(`story: ${local.length} steps, ${refused} refused; ${differ.length} differ`);
    expect(differ.join('\n'), 'steps that differ').to.equal('');
    expect(firebase.length).to.equal(local.length);
  });
});
