// Unit tests of the post, hold, reaction, report, join and profile decisions both stores make through
// src/data/domain (issue 13): given the documents, the writes or a typed error. The stores' own tests
// (local-store, firebase-store, story-parity) check that each store writes what these answers say.
import {expect} from '@open-wc/testing';
import {isKindredError, type KindredError} from '../../src/data/errors.js';
import {
  checkPostInput, checkReaction, checkReport, decideCreatePost, decideDelete, decideEdit, decideReaction, decideReport, reactionsAfter,
  writableUnchecked, type PostState, type PostWrite,
} from '../../src/data/domain/posts.js';
import {checkJoinInput, checkProfilePatch, decideJoin, decideProfileUpdate} from '../../src/data/domain/members.js';
import {defaultAvatarHue} from '../../src/data/domain/avatars.js';
import {threadIdForKey} from '../../src/data/policy.js';
import type {CommunitySettings, SessionUser} from '../../src/data/types.js';
import {DAY, HOUR, T0, member, post, privateRecord, roles, sampleCommunity, thread} from '../support/builders.js';

const community = sampleCommunity('c1');
const settings = (s: Partial<CommunitySettings> = {}): CommunitySettings => ({...community.settings, ...s});
const mel: SessionUser = {uid: 'mel', anonymous: false, email: 'mel@example.org'} as SessionUser;
const melDoc = member('mel', {pseudonym: 'Mel'});
const NOW = T0 + DAY;

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(isKindredError(e), String(e)).to.equal(true);
    return (e as KindredError).code;
  }
  return 'ok';
}

/** A checked new post in t1, and the state around it (Mel, a member in good standing, no holds). */
const input = (over: Record<string, unknown> = {}) => checkPostInput({id: 'p9', threadId: 't1', body: 'Walking helped today', ...over} as never);
const state = (over: Partial<PostState> = {}): PostState => ({
  user: mel, member: melDoc, roles: null, now: NOW, settings: settings(), approvedPosts: 0,
  existing: null, privateRecord: privateRecord('mel', community), thread: thread('t1', {postCount: 3}), connectionStatus: null,
  limits: null, ...over,
});
const write = (over: Partial<PostState> = {}, i = input()) => decideCreatePost(i, state(over)) as PostWrite;

describe('domain/posts: createPost (issue 13)', () => {
  it('writes a visible post with the author fields and bumps the thread', () => {
    const d = write();
    expect(d.kind).to.equal('write');
    expect(d.post).to.include({id: 'p9', threadId: 't1', authorId: 'mel', authorName: 'Mel', status: 'visible', statusReason: null, createdAt: NOW});
    expect(d.thread).to.deep.equal({bump: true});
    expect(d.held).to.equal(false);
    expect(d.limits).to.equal(null);
    expect(d.crisis).to.deep.equal([]);
    expect(writableUnchecked(d)).to.equal(true);
  });

  it('refuses the signed out, non-members, the suspended, and anonymous members where email sign-in is asked', () => {
    expect(code(() => write({user: null}))).to.equal('unauthenticated');
    expect(code(() => write({member: null}))).to.equal('permission-denied');
    expect(code(() => write({roles: roles('mel', [], {suspendedUntil: NOW + HOUR})}))).to.equal('permission-denied');
    expect(code(() => write({roles: roles('mel', [], {suspendedUntil: NOW - HOUR})}))).to.equal('ok');
    expect(code(() => write({user: {...mel, anonymous: true}, settings: settings({requireEmailSignIn: true})}))).to.equal('permission-denied');
  });

  it('a retried id returns what is stored; someone else’s id is taken', () => {
    expect(write({existing: {authorId: 'mel'}}).kind).to.equal('stored');
    expect(code(() => write({existing: {authorId: 'bea'}}))).to.equal('already-exists');
  });

  it('asks to agree again after a guidelines bump (issue 14)', () => {
    expect(code(() => write({privateRecord: {guidelines: {version: 'old', at: T0}}}))).to.equal('permission-denied');
  });

  it('threads: closed, private to others, ended, missing', () => {
    expect(code(() => write({thread: thread('t1', {status: 'hidden'})}))).to.equal('permission-denied');
    const peer = thread('c_bea_kim', {participants: ['bea', 'kim']});
    expect(code(() => write({thread: peer}, input({threadId: 'c_bea_kim'})))).to.equal('permission-denied');
    const mine = thread('c_bea_mel', {participants: ['bea', 'mel']});
    expect(code(() => write({thread: mine, connectionStatus: 'ended'}, input({threadId: 'c_bea_mel'})))).to.equal('permission-denied');
    expect(code(() => write({thread: mine, connectionStatus: 'accepted'}, input({threadId: 'c_bea_mel'})))).to.equal('ok');
    expect(code(() => write({thread: null}))).to.equal('not-found');
  });

  it('replies: one level deep, to a post that is there; a reply to a members-only post is members only', () => {
    const bea = member('bea');
    expect(code(() => write({parent: null}, input({parentId: 'p1'})))).to.equal('invalid-argument');
    expect(code(() => write({parent: post('t1', 'p2', bea, {parentId: 'p1'})}, input({parentId: 'p2'})))).to.equal('invalid-argument');
    const d = write({parent: {...post('t1', 'p1', bea), audience: 'members'} as never}, input({parentId: 'p1', audience: 'everyone'}));
    expect(d.audience).to.equal('members');
    expect(d.post.audience).to.equal('members');
    expect(d.membersOnly).to.equal(1);
    expect(code(() => input({parentId: 'p9'}))).to.equal('invalid-argument');
  });

  it('holds: contact details, links, banned words, moderation all, crisis review — not a moderator', () => {
    const held = (body: string, s: Partial<CommunitySettings> = {}, over: Partial<PostState> = {}) => {
      const d = write({settings: settings(s), ...over}, input({body}));
      return d.held ? d.post.statusReason : null;
    };
    expect(held('Email me at mel.jones@example.org')).to.equal('contact-details');
    expect(held('See https://nhs.uk/a https://nhs.uk/b https://nhs.uk/c')).to.equal('links');
    expect(held('This is a SCAM', {bannedWords: ['scam']})).to.equal('banned-word');
    expect(held('Scampi for tea', {bannedWords: ['scam']})).to.equal(null);
    expect(held('Hello', {moderation: 'all'})).to.equal('moderation');
    expect(held('Hello', {moderation: 'all'}, {roles: roles('mel', ['moderator'])})).to.equal(null);
    expect(held('I want to kill myself.', {crisisReview: true})).to.equal('crisis-review');
    const d = write({settings: settings({crisisReview: true})}, input({body: 'I want to kill myself.'}));
    expect(d.crisis.length).to.be.greaterThan(0);
    expect(d.thread).to.equal(null);
    expect(writableUnchecked(d)).to.equal(false);
  });

  it("'first-posts' counts approvals: held until N are approved", () => {
    const s = settings({moderation: 'first-posts', holdFirstPosts: 2});
    expect(write({settings: s, approvedPosts: 1}).post.statusReason).to.equal('first-posts');
    expect(write({settings: s, approvedPosts: 2}).post.status).to.equal('visible');
  });

  it('rate limit: paced communities move the limits record, and refuse a post too soon', () => {
    const s = settings({postIntervalSeconds: 60});
    const d = write({settings: s});
    expect(d.paced).to.equal(true);
    expect(d.limits).to.include({lastPostAt: NOW, lastPost: 't1/p9'});
    expect(writableUnchecked(d)).to.equal(false);
    const limits = {lastPostAt: NOW - 10_000, lastPost: 't1/p1', reportWindowStart: null, reportCount: 0, lastReportId: null};
    expect(code(() => write({settings: s, limits}))).to.equal('rate-limited');
    // The quick path (nothing but member and settings read) leaves the limits to the checked path.
    expect(decideCreatePost(input(), {user: mel, member: melDoc, roles: null, now: NOW, settings: s, approvedPosts: 0})).to.include({limits: undefined, paced: true});
  });

  it('a new thread: a hub thread is held with its held first post; a page thread stays visible; a held title holds both', () => {
    const hub = input({threadId: 't9', createThread: {key: null, title: 'Walking'}});
    const created = write({thread: null}, hub);
    expect(created.thread).to.deep.include({create: {
      id: 't9', key: null, title: 'Walking', authorId: 'mel', authorName: 'Mel', createdAt: NOW, lastActivityAt: NOW, postCount: 1,
      status: 'visible', participants: null,
    }});
    const heldHub = write({thread: null, settings: settings({moderation: 'all'})}, hub);
    expect(heldHub.thread).to.deep.include({create: {...(created.thread as {create: object}).create, postCount: 0, status: 'held'}});
    const key = 'walk-2026';
    const page = write({thread: null, settings: settings({moderation: 'all'})}, input({threadId: threadIdForKey(key), createThread: {key, title: 'Walk'}}));
    expect((page.thread as {create: {status: string}}).create.status).to.equal('visible');
    const title = write({thread: null, settings: settings({bannedWords: ['scam']})}, input({threadId: 't9', createThread: {key: null, title: 'A scam'}}));
    expect(title.post.statusReason).to.equal('banned-word');
    expect((title.thread as {create: {status: string}}).create.status).to.equal('held');
    // Without the thread read (the quick path), the input says whether it starts one.
    expect(decideCreatePost(hub, {user: mel, member: melDoc, roles: null, now: NOW, settings: settings(), approvedPosts: 0})).to.have.property('thread').that.has.property('create');
    expect(code(() => input({threadId: 't9', createThread: {key: 'walk', title: 'x'}}))).to.equal('invalid-argument');
  });
});

describe('domain/posts: edit, delete, react, report (issue 13)', () => {
  const own = (over = {}) => ({
    user: mel, member: melDoc, roles: null, now: NOW, settings: settings(), approvedPosts: 0,
    post: {authorId: 'mel', status: 'visible' as const}, ...over,
  });

  it('an edit that adds links or contact details holds the post again; a moderator’s does not', () => {
    expect(decideEdit('Fine words', own())).to.deep.equal({patch: {body: 'Fine words', editedAt: NOW, version: 1}, heldAgain: false, membersOnly: 0});
    const d = decideEdit('Call 07700 900123', own());
    expect(d.patch).to.include({status: 'held', statusReason: 'contact-details'});
    expect(d.heldAgain).to.equal(true);
    expect(decideEdit('Call 07700 900123', own({roles: roles('mel', ['moderator'])})).heldAgain).to.equal(false);
    expect(decideEdit('Hello', own({settings: settings({moderation: 'first-posts', holdFirstPosts: 1})})).patch.statusReason).to.equal('first-posts');
    expect(decideEdit('Call 07700 900123', own({post: {authorId: 'mel', status: 'visible', audience: 'members'}})).membersOnly).to.equal(-1);
  });

  it('an edit names the version it started from: another tab’s newer save is a conflict, never overwritten (issue 17)', () => {
    expect(decideEdit('Mine', own({post: {authorId: 'mel', status: 'visible', version: 2}, expectedVersion: 2})).patch.version).to.equal(3);
    expect(code(() => decideEdit('Mine', own({post: {authorId: 'mel', status: 'visible', version: 3}, expectedVersion: 2})))).to.equal('conflict');
  });

  it('only the author edits or deletes; deleted and hidden posts stay as they are', () => {
    expect(code(() => decideEdit('x', own({post: {authorId: 'bea', status: 'visible'}})))).to.equal('permission-denied');
    expect(code(() => decideEdit('x', own({post: null})))).to.equal('not-found');
    expect(code(() => decideEdit('x', own({post: {authorId: 'mel', status: 'hidden'}})))).to.equal('permission-denied');
    expect(code(() => decideEdit('x', own({thread: {participants: ['bea', 'mel']}, connectionStatus: 'ended'})))).to.equal('permission-denied');
    expect(decideDelete(own())).to.deep.equal({body: '', status: 'deleted', statusReason: null});
    expect(decideDelete(own({post: {authorId: 'mel', status: 'deleted'}}))).to.equal(null);
    expect(code(() => decideDelete(own({post: {authorId: 'mel', status: 'hidden'}})))).to.equal('permission-denied');
    expect(code(() => decideDelete(own({user: null})))).to.equal('unauthenticated');
  });

  it('reactions: one per member and kind, visible posts only, counts never below zero', () => {
    const p = post('t1', 'p1', member('bea'));
    const w = {user: mel, member: melDoc, roles: null, now: NOW};
    expect(decideReaction(true, {user: mel, writer: w, has: false, post: p})).to.deep.include({delta: 1});
    expect(decideReaction(true, {user: mel, writer: w, has: true, post: p})).to.equal(null);
    expect(decideReaction(false, {user: mel, writer: w, has: true, post: p})).to.deep.include({delta: -1});
    expect(code(() => decideReaction(true, {user: mel, writer: w, has: false, post: {...p, status: 'held'}}))).to.equal('permission-denied');
    expect(code(() => decideReaction(true, {user: mel, writer: w, has: false, post: null}))).to.equal('not-found');
    expect(code(() => decideReaction(true, {user: mel, writer: {...w, member: null}, has: false, post: p}))).to.equal('permission-denied');
    // FirebaseStore reads only the reaction: the rest is firestore.rules'.
    expect(decideReaction(true, {user: mel, has: false})).to.deep.equal({delta: 1});
    expect(reactionsAfter({heart: 0, hug: 1, metoo: 0, thanks: 0}, 'heart', -1).heart).to.equal(0);
    expect(code(() => checkReaction('t1', 'p1', 'like' as never, true))).to.equal('invalid-argument');
  });

  it('reports: a retried id, someone else’s id, the hourly cap, and a private thread opened to moderators', () => {
    const r = checkReport({id: 'r1', target: {kind: 'post', threadId: 'c_bea_mel', postId: 'p1'}, reason: 'abuse'} as never);
    const base = {user: mel, settings: settings({reportsPerHour: 2}), existing: null, limits: null, peerThread: {participants: ['bea', 'mel']}};
    const d = decideReport(r, base, NOW);
    expect(d).to.deep.include({kind: 'write', openThread: 'c_bea_mel'});
    expect(d.report).to.include({id: 'r1', reporterId: 'mel', status: 'open', createdAt: NOW});
    expect(decideReport(r, {...base, existing: d.report}, NOW).kind).to.equal('stored');
    expect(code(() => decideReport(r, {...base, existing: {...d.report, reporterId: 'bea'}}, NOW))).to.equal('already-exists');
    const full = {lastPostAt: null, lastPost: null, reportWindowStart: NOW - 60_000, reportCount: 2, lastReportId: 'r0'};
    expect(code(() => decideReport(r, {...base, limits: full}, NOW))).to.equal('rate-limited');
    expect(code(() => decideReport(r, {...base, peerThread: {participants: ['bea', 'kim']}}, NOW))).to.equal('permission-denied');
    expect(code(() => checkReport({target: {kind: 'thread'}, reason: 'spam'} as never))).to.equal('invalid-argument');
  });
});

describe('domain/members: join and profile updates (issue 13)', () => {
  const join = (over = {}) => checkJoinInput({
    pseudonym: 'Newbie', relationship: 'carer', guidelinesVersion: community.settings.guidelinesVersion, healthConsentVersion: null, ...over,
  } as never);
  const joinState = {user: mel, now: NOW, settings: settings(), isMember: false, roles: null, sanction: null};

  it('a join writes the member (default or chosen hue) and the private record of what was agreed', () => {
    const {member: m, record} = decideJoin(join(), joinState);
    expect(m).to.include({uid: 'mel', pseudonym: 'Newbie', pseudonymLower: 'newbie', avatarHue: defaultAvatarHue('mel'), joinedAt: NOW, listed: false});
    expect(record).to.deep.include({guidelines: {version: community.settings.guidelinesVersion, at: NOW}, healthConsent: null});
    expect(decideJoin(join({avatarHue: 17}), joinState).member.avatarHue).to.equal(17);
    expect(decideJoin(join({healthConsentVersion: community.settings.consentVersion}), joinState).record.healthConsent).to.deep.equal({version: community.settings.consentVersion, at: NOW});
  });

  it('refuses joining twice, old guidelines, a kept suspension, and a banned word in the pseudonym', () => {
    expect(code(() => decideJoin(join(), {...joinState, isMember: true}))).to.equal('already-exists');
    expect(code(() => decideJoin(join({guidelinesVersion: 'old'}), joinState))).to.equal('invalid-argument');
    expect(code(() => decideJoin(join(), {...joinState, sanction: {suspendedUntil: NOW + DAY, at: NOW - DAY}}))).to.equal('permission-denied');
    expect(code(() => decideJoin(join(), {...joinState, roles: roles('mel', [], {suspendedUntil: NOW + DAY})}))).to.equal('permission-denied');
    expect(code(() => decideJoin(join({pseudonym: 'Scammer'}), {...joinState, settings: settings({bannedWords: ['scammer']})}))).to.equal('invalid-argument');
    expect(code(() => decideJoin(join(), {...joinState, user: null}))).to.equal('unauthenticated');
  });

  it('a profile update: only-me fields go to the private record; badges cannot be set; suspended members wait', () => {
    const record = {...privateRecord('mel', community), fieldVisibility: {bio: 'only-me' as const}};
    const s = {user: mel, member: melDoc, roles: null, now: NOW, bannedWords: [], record};
    const d = decideProfileUpdate(checkProfilePatch({bio: 'Private words', listed: true}), s);
    expect(d.profile).to.include({bio: '', listed: true});
    expect(d.kept).to.deep.include({bio: 'Private words'});
    const open = decideProfileUpdate(checkProfilePatch({bio: 'Open words'}), {...s, record: privateRecord('mel', community)});
    expect(open).to.deep.include({kept: null, patch: {bio: 'Open words'}});
    expect(code(() => checkProfilePatch({badges: ['admin']} as never))).to.equal('invalid-argument');
    expect(code(() => checkProfilePatch({listed: 'yes'} as never))).to.equal('invalid-argument');
    expect(code(() => decideProfileUpdate({bio: 'x'}, {...s, roles: roles('mel', [], {suspendedUntil: NOW + DAY})}))).to.equal('permission-denied');
    expect(code(() => decideProfileUpdate({bio: 'a scam'}, {...s, record: null, bannedWords: ['scam']}))).to.equal('invalid-argument');
  });
});
