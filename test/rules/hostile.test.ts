// Hostile payloads: each is a valid write (the kind the access matrix proves is allowed) with one thing
// changed — extra fields, wrong types, oversize text, a forged author, client-set server times,
// changed immutable fields, self-granted roles, javascript: links… Every one must be refused.
//
// Issue 11: each hostile case names the valid write it is a variation of (BASES). Every base is first
// shown accepted, in its own freshly seeded copy of the same community, so a refusal cannot come from a
// malformed payload or a missing document; a case counts as refused only once the emulator refused it.
import {expect} from '@open-wc/testing';
import firebase from 'firebase/compat/app';
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {
  CONSENT, FieldValue, GUIDELINES, baseline, docIn, joinBatch, logDoc, newPost, pathIn, reactBatch, reportDoc,
  rolesDoc, setUp, story, ts, type Db, type Role, type RulesEnv,
} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';

const CID = 'hostile';
const P = pathIn(CID);
const past = () => firebase.firestore.Timestamp.fromMillis(Date.UTC(2020, 0, 1));
const future = () => firebase.firestore.Timestamp.fromMillis(Date.UTC(2099, 0, 1));
const long = (n: number) => 'x'.repeat(n);

type Attempt = [name: string, role: Role, base: keyof typeof BASES, run: (db: Db) => Promise<unknown>];

/** The valid writes the hostile ones are variations of, each as the role that may make it, for community `cid`. */
const BASES = {
  story: ['author', (db, cid) => docIn(db, cid).update({founderStory: story('auth1')})],
  settings: ['admin', (db, cid) => docIn(db, cid).update({'settings.visibility': 'members'})],
  rename: ['admin', (db, cid) => docIn(db, cid).update({name: {en: 'Renamed'}})],
  join: ['nonMember', (db, cid) => joinBatch(db, cid, 'outsider')],
  'edit-profile': ['author', (db, cid) => docIn(db, cid, layout.member('auth1')).update({bio: 'Hi', tags: ['t1'], pseudonym: 'Aria', pseudonymLower: 'aria'})],
  'private-create': ['nonMember', (db, cid) => docIn(db, cid, layout.private('outsider')).set({uid: 'outsider', guidelines: {version: GUIDELINES, at: ts()}, healthConsent: null, fieldVisibility: {}})],
  consent: ['author', (db, cid) => docIn(db, cid, layout.private('auth1')).update({healthConsent: {version: CONSENT, at: ts()}, fieldVisibility: {bio: 'members'}})],
  grant: ['admin', (db, cid) => docIn(db, cid, layout.roles('m1')).set(rolesDoc('m1', 'adm1', {roles: ['moderator']}))],
  suspend: ['moderator', (db, cid) => docIn(db, cid, layout.roles('m1')).set(rolesDoc('m1', 'mod1', {suspendedUntil: future()}))],
  thread: ['member', (db, cid) => {
    const batch = db.batch();
    batch.set(docIn(db, cid, layout.thread('hb')), {key: null, title: 'New', authorId: 'm1', authorName: 'Mel', createdAt: ts(),
      lastActivityAt: ts(), postCount: 1, status: 'visible', participants: null, lastPostId: 'hb-p'});
    batch.set(docIn(db, cid, layout.post('hb', 'hb-p')), newPost('m1', 'Mel'));
    return batch.commit();
  }],
  'thread-erase': ['author', (db, cid) => docIn(db, cid, layout.thread('t1')).update({authorId: 'former-member', authorName: ''})],
  post: ['member', (db, cid) => {
    const batch = db.batch();
    batch.set(docIn(db, cid, layout.post('t1', 'hb1')), newPost('m1', 'Mel'));
    batch.update(docIn(db, cid, layout.thread('t1')), {postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: 'hb1'});
    return batch.commit();
  }],
  'edit-post': ['author', (db, cid) => docIn(db, cid, layout.post('t1', 'p1')).update({body: 'Edited', editedAt: ts()})],
  hide: ['moderator', (db, cid) => docIn(db, cid, layout.post('t1', 'p1')).update({status: 'hidden', statusReason: 'abuse', body: ''})],
  react: ['member', (db, cid) => reactBatch(db, cid, 'm1', 'hug', 1)],
  unreact: ['author', (db, cid) => reactBatch(db, cid, 'auth1', 'heart', -1)],
  report: ['member', (db, cid) => docIn(db, cid, layout.report('xb')).set(reportDoc('m1'))],
  dismiss: ['moderator', (db, cid) => docIn(db, cid, layout.report('r1')).update({status: 'dismissed'})],
  log: ['moderator', (db, cid) => docIn(db, cid, layout.logEntry('xb')).set(logDoc('mod1'))],
} satisfies Record<string, [Role, (db: Db, cid: string) => Promise<unknown>]>;

function postBatch(db: Db, pid: string, post: Record<string, unknown>, bump: Record<string, unknown> | null = {postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: pid}) {
  const batch = db.batch();
  batch.set(docIn(db, CID, layout.post('t1', pid)), post);
  if (bump) batch.update(docIn(db, CID, layout.thread('t1')), bump);
  return batch.commit();
}

function threadBatch(db: Db, tid: string, thread: Record<string, unknown>, withPost = true) {
  const batch = db.batch();
  batch.set(docIn(db, CID, layout.thread(tid)), {key: null, title: 'New', authorId: 'm1', authorName: 'Mel', createdAt: ts(),
    lastActivityAt: ts(), postCount: 1, status: 'visible', participants: null, lastPostId: `${tid}-p`, ...thread});
  if (withPost) batch.set(docIn(db, CID, layout.post(tid, `${tid}-p`)), newPost('m1', 'Mel'));
  return batch.commit();
}

const HOSTILE: Record<string, Attempt[]> = {
  communities: [
    ['founder story with an extra field', 'author', 'story', (db) => db.doc(P).update({founderStory: story('auth1', {isAdmin: true})})],
    ['founder story approved by someone else', 'author', 'story', (db) => db.doc(P).update({founderStory: story('adm1')})],
    ['founder story with a client-set approval time', 'author', 'story', (db) => db.doc(P).update({founderStory: story('auth1', {approvedAt: past()})})],
    ['founder story with a javascript: call to action', 'author', 'story', (db) => db.doc(P).update({founderStory: story('auth1', {cta: {label: {en: 'Go'}, url: 'javascript:alert(1)'}})})],
    ['founder story with an http: image', 'author', 'story', (db) => db.doc(P).update({founderStory: story('auth1', {imageUrl: 'http://example.org/a.jpg', imageAlt: {en: 'A'}})})],
    ['founder story image without alt text', 'author', 'story', (db) => db.doc(P).update({founderStory: story('auth1', {imageUrl: 'https://example.org/a.jpg'})})],
    ['founder story with an oversize story', 'author', 'story', (db) => db.doc(P).update({founderStory: story('auth1', {story: {en: long(8001)}})})],
    ['founder story with a data: link', 'author', 'story', (db) => db.doc(P).update({founderStory: story('auth1', {cta: {label: {en: 'Go'}, url: 'data:text/html,<b>x</b>'}})})],
    ['founder changes the community settings', 'author', 'settings', (db) => db.doc(P).update({'settings.visibility': 'members'})],
    ['founder story with a name that is not text', 'author', 'story', (db) => db.doc(P).update({founderStory: story('auth1', {name: 42})})],
    ['founder story with a user:password link', 'author', 'story', (db) => db.doc(P).update({founderStory: story('auth1', {cta: {label: {en: 'Go'}, url: 'https://u:p@example.org/'}})})],
    ['admin changes createdAt', 'admin', 'rename', (db) => db.doc(P).update({createdAt: past()})],
  ],
  members: [
    ['join with an extra field', 'nonMember', 'join', (db) => joinBatch(db, CID, 'outsider', {isAdmin: true})],
    ['join with self-granted badges', 'nonMember', 'join', (db) => joinBatch(db, CID, 'outsider', {badges: ['admin']})],
    ['join with a client-set joinedAt', 'nonMember', 'join', (db) => joinBatch(db, CID, 'outsider', {joinedAt: past()})],
    ['join with a javascript: avatar', 'nonMember', 'join', (db) => joinBatch(db, CID, 'outsider', {avatarUrl: 'javascript:alert(1)'})],
    ['join with an oversize bio', 'nonMember', 'join', (db) => joinBatch(db, CID, 'outsider', {bio: long(501)})],
    ['join with a one-letter pseudonym', 'nonMember', 'join', (db) => joinBatch(db, CID, 'outsider', {pseudonym: 'O', pseudonymLower: 'o'})],
    ['join with an email as pseudonym', 'nonMember', 'join', (db) => joinBatch(db, CID, 'outsider', {pseudonym: 'me@mail.com', pseudonymLower: 'me@mail.com'})],
    ['join with a hue that is text', 'nonMember', 'join', (db) => joinBatch(db, CID, 'outsider', {avatarHue: 'red'})],
    ['join with an unknown relationship', 'nonMember', 'join', (db) => joinBatch(db, CID, 'outsider', {relationship: 'doctor'})],
    ['join without the consent record', 'nonMember', 'join', (db) => docIn(db, CID, layout.member('outsider')).set({uid: 'outsider', pseudonym: 'Olly', pseudonymLower: 'olly', avatarUrl: null, avatarHue: 1, relationship: 'carer', bio: '', tags: [], listed: false, badges: [], clinicianScope: null, joinedAt: ts()})],
    ['join under another uid field', 'nonMember', 'join', (db) => joinBatch(db, CID, 'outsider', {uid: 'm1'})],
    ['member grants themself a badge', 'author', 'edit-profile', (db) => docIn(db, CID, layout.member('auth1')).update({badges: ['founder', 'admin']})],
    ['member changes joinedAt', 'author', 'edit-profile', (db) => docIn(db, CID, layout.member('auth1')).update({joinedAt: past()})],
    ['member sets 11 tags', 'author', 'edit-profile', (db) => docIn(db, CID, layout.member('auth1')).update({tags: Array.from({length: 11}, (_, i) => `t${i}`)})],
    ['member sets pseudonymLower out of step', 'author', 'edit-profile', (db) => docIn(db, CID, layout.member('auth1')).update({pseudonym: 'Aria', pseudonymLower: 'someone'})],
  ],
  private: [
    ['consent with an old guidelines version', 'nonMember', 'private-create', (db) => docIn(db, CID, layout.private('outsider')).set({uid: 'outsider', guidelines: {version: 'g1', at: ts()}, healthConsent: null, fieldVisibility: {}})],
    ['consent with a client-set time', 'nonMember', 'private-create', (db) => docIn(db, CID, layout.private('outsider')).set({uid: 'outsider', guidelines: {version: GUIDELINES, at: past()}, healthConsent: null, fieldVisibility: {}})],
    ['record with an extra field', 'nonMember', 'private-create', (db) => docIn(db, CID, layout.private('outsider')).set({uid: 'outsider', guidelines: {version: GUIDELINES, at: ts()}, healthConsent: null, fieldVisibility: {}, email: 'a@b.c'})],
    ['record for another uid', 'nonMember', 'private-create', (db) => docIn(db, CID, layout.private('m1')).set({uid: 'm1', guidelines: {version: GUIDELINES, at: ts()}, healthConsent: null, fieldVisibility: {}})],
    ['record whose uid field lies', 'nonMember', 'private-create', (db) => docIn(db, CID, layout.private('outsider')).set({uid: 'm1', guidelines: {version: GUIDELINES, at: ts()}, healthConsent: null, fieldVisibility: {}})],
    ['health consent with a wrong version', 'author', 'consent', (db) => docIn(db, CID, layout.private('auth1')).update({healthConsent: {version: 'c0', at: ts()}})],
    ['health consent with a client-set time', 'author', 'consent', (db) => docIn(db, CID, layout.private('auth1')).update({healthConsent: {version: CONSENT, at: past()}})],
    ['health consent with extra keys', 'author', 'consent', (db) => docIn(db, CID, layout.private('auth1')).update({healthConsent: {version: CONSENT, at: ts(), scope: 'all'}})],
    ['field visibility that is not a map', 'author', 'consent', (db) => docIn(db, CID, layout.private('auth1')).update({fieldVisibility: 'members'})],
    ['changing the uid field', 'author', 'consent', (db) => docIn(db, CID, layout.private('auth1')).update({uid: 'm1'})],
    ['a moderator edits someone\'s consent', 'moderator', 'consent', (db) => docIn(db, CID, layout.private('auth1')).update({healthConsent: null})],
  ],
  roles: [
    ['admin grants themself a role', 'admin', 'grant', (db) => docIn(db, CID, layout.roles('adm1')).update({roles: ['admin', 'clinician'], grantedBy: 'adm1', updatedAt: ts()})],
    ['admin grants an unknown role', 'admin', 'grant', (db) => docIn(db, CID, layout.roles('m1')).set(rolesDoc('m1', 'adm1', {roles: ['superuser']}))],
    ['admin forges grantedBy', 'admin', 'grant', (db) => docIn(db, CID, layout.roles('m1')).set(rolesDoc('m1', 'mod1', {roles: ['moderator']}))],
    ['admin sets a client-side updatedAt', 'admin', 'grant', (db) => docIn(db, CID, layout.roles('m1')).set(rolesDoc('m1', 'adm1', {updatedAt: past()}))],
    ['admin adds an extra field', 'admin', 'grant', (db) => docIn(db, CID, layout.roles('m1')).set(rolesDoc('m1', 'adm1', {level: 9}))],
    ['admin grants roles to a non-member', 'admin', 'grant', (db) => docIn(db, CID, layout.roles('outsider')).set(rolesDoc('outsider', 'adm1', {roles: ['moderator']}))],
    ['roles given as text', 'admin', 'grant', (db) => docIn(db, CID, layout.roles('m1')).set(rolesDoc('m1', 'adm1', {roles: 'admin'}))],
    ['moderator grants the moderator role', 'moderator', 'suspend', (db) => docIn(db, CID, layout.roles('m1')).set(rolesDoc('m1', 'mod1', {roles: ['moderator']}))],
    ['moderator suspends an admin', 'moderator', 'suspend', (db) => docIn(db, CID, layout.roles('adm1')).update({suspendedUntil: future(), grantedBy: 'mod1', updatedAt: ts()})],
    ['moderator verifies a clinician', 'moderator', 'suspend', (db) => docIn(db, CID, layout.roles('m1')).set(rolesDoc('m1', 'mod1', {clinicianScope: 'Nurse', verifiedBy: 'mod1', verifiedAt: ts()}))],
    ['suspended member lifts their own suspension', 'suspended', 'suspend', (db) => docIn(db, CID, layout.roles('sus1')).update({suspendedUntil: null, grantedBy: 'sus1', updatedAt: ts()})],
    ['member creates their own roles doc', 'member', 'grant', (db) => docIn(db, CID, layout.roles('m1')).set(rolesDoc('m1', 'm1', {roles: ['moderator']}))],
  ],
  threads: [
    ['thread with a forged author', 'member', 'thread', (db) => threadBatch(db, 'h1', {authorId: 'auth1', authorName: 'Ari'})],
    ['thread with a forged author name', 'member', 'thread', (db) => threadBatch(db, 'h2', {authorName: 'Admin Ada'})],
    ['thread with a client-set createdAt', 'member', 'thread', (db) => threadBatch(db, 'h3', {createdAt: past()})],
    ['thread with an oversize title', 'member', 'thread', (db) => threadBatch(db, 'h4', {title: long(121)})],
    ['thread with an empty title', 'member', 'thread', (db) => threadBatch(db, 'h5', {title: ''})],
    ['thread with an extra field', 'member', 'thread', (db) => threadBatch(db, 'h6', {pinned: true})],
    ['thread created hidden from moderators', 'member', 'thread', (db) => threadBatch(db, 'h7', {participants: ['m1', 'm2']})],
    ['thread without its first post', 'member', 'thread', (db) => threadBatch(db, 'h8', {}, false)],
    ['thread claiming 99 posts', 'member', 'thread', (db) => threadBatch(db, 'h9', {postCount: 99})],
    ['page thread whose id is not a key id', 'member', 'thread', (db) => threadBatch(db, 'h10', {key: 'walk-2026'})],
    ['thread bumped without a post', 'member', 'post', (db) => docIn(db, CID, layout.thread('t1')).update({postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: 'ghost'})],
    ['thread bumped by 5', 'member', 'post', (db) => postBatch(db, 'hp1', newPost('m1', 'Mel'), {postCount: FieldValue.increment(5), lastActivityAt: ts(), lastPostId: 'hp1'})],
    ['author renames their thread\'s author', 'author', 'thread-erase', (db) => docIn(db, CID, layout.thread('t1')).update({authorName: 'Someone'})],
  ],
  posts: [
    ['post with a forged author', 'member', 'post', (db) => postBatch(db, 'x1', newPost('auth1', 'Ari'))],
    ['post with a forged author name', 'member', 'post', (db) => postBatch(db, 'x2', newPost('m1', 'Admin Ada'))],
    ['post with self-granted badges', 'member', 'post', (db) => postBatch(db, 'x3', newPost('m1', 'Mel', {authorBadges: ['moderator']}))],
    ['post with a client-set createdAt', 'member', 'post', (db) => postBatch(db, 'x4', newPost('m1', 'Mel', {createdAt: past()}))],
    ['post with an oversize body', 'member', 'post', (db) => postBatch(db, 'x5', newPost('m1', 'Mel', {body: long(5001)}))],
    ['post with an empty body', 'member', 'post', (db) => postBatch(db, 'x6', newPost('m1', 'Mel', {body: ''}))],
    ['post with pre-filled reactions', 'member', 'post', (db) => postBatch(db, 'x7', newPost('m1', 'Mel', {reactions: {heart: 50, hug: 0, metoo: 0, thanks: 0}}))],
    ['post with an extra field', 'member', 'post', (db) => postBatch(db, 'x8', newPost('m1', 'Mel', {html: '<script>'}))],
    ['post that is a body number', 'member', 'post', (db) => postBatch(db, 'x9', newPost('m1', 'Mel', {body: 12}))],
    ['visible post that does not bump the thread', 'member', 'post', (db) => postBatch(db, 'x10', newPost('m1', 'Mel'), null)],
    ['reply to a missing post', 'member', 'post', (db) => postBatch(db, 'x11', newPost('m1', 'Mel', {parentId: 'ghost'}))],
    ['post created already hidden by a moderator', 'member', 'post', (db) => postBatch(db, 'x12', newPost('m1', 'Mel', {status: 'hidden'}), null)],
    ['author changes createdAt', 'author', 'edit-post', (db) => docIn(db, CID, layout.post('t1', 'p1')).update({createdAt: past()})],
    ['author approves their own held post', 'author', 'edit-post', (db) => docIn(db, CID, layout.post('t1', 'p2')).update({status: 'visible'})],
    ['author moves authorship', 'author', 'edit-post', (db) => docIn(db, CID, layout.post('t1', 'p1')).update({authorId: 'm1'})],
    ['moderator hides but keeps the body', 'moderator', 'hide', (db) => docIn(db, CID, layout.post('t1', 'p1')).update({status: 'hidden', statusReason: 'abuse'})],
    ['moderator rewrites a post', 'moderator', 'hide', (db) => docIn(db, CID, layout.post('t1', 'p1')).update({body: 'Something else'})],
    ['a count moved by 2', 'member', 'react', (db) => docIn(db, CID, layout.post('t1', 'p1')).update({'reactions.hug': FieldValue.increment(2)})],
  ],
  reactions: [
    ['reaction for someone else', 'member', 'react', (db) => reactBatch(db, CID, 'm2', 'hug', 1)],
    ['reaction of an unknown kind', 'member', 'react', (db) => reactBatch(db, CID, 'm1', 'angry', 1)],
    ['reaction without moving the count', 'member', 'react', (db) => docIn(db, CID, layout.reaction('t1', 'p1', 'm1', 'hug')).set({postId: 'p1', uid: 'm1', kind: 'hug', at: ts()})],
    ['reaction with a client-set time', 'member', 'react', (db) => {
      const b = db.batch();
      b.set(docIn(db, CID, layout.reaction('t1', 'p1', 'm1', 'hug')), {postId: 'p1', uid: 'm1', kind: 'hug', at: past()});
      b.update(docIn(db, CID, layout.post('t1', 'p1')), {'reactions.hug': FieldValue.increment(1)});
      return b.commit();
    }],
    ['reaction with an extra field', 'member', 'react', (db) => {
      const b = db.batch();
      b.set(docIn(db, CID, layout.reaction('t1', 'p1', 'm1', 'hug')), {postId: 'p1', uid: 'm1', kind: 'hug', at: ts(), weight: 10});
      b.update(docIn(db, CID, layout.post('t1', 'p1')), {'reactions.hug': FieldValue.increment(1)});
      return b.commit();
    }],
    ['reaction stored under a mismatched id', 'member', 'react', (db) => {
      const b = db.batch();
      b.set(docIn(db, CID, layout.reaction('t1', 'p1', 'm1', 'heart')), {postId: 'p1', uid: 'm1', kind: 'hug', at: ts()});
      b.update(docIn(db, CID, layout.post('t1', 'p1')), {'reactions.hug': FieldValue.increment(1)});
      return b.commit();
    }],
    ['reaction that moves a different count', 'member', 'react', (db) => {
      const b = db.batch();
      b.set(docIn(db, CID, layout.reaction('t1', 'p1', 'm1', 'hug')), {postId: 'p1', uid: 'm1', kind: 'hug', at: ts()});
      b.update(docIn(db, CID, layout.post('t1', 'p1')), {'reactions.heart': FieldValue.increment(1)});
      return b.commit();
    }],
    ['reaction on a held post', 'member', 'react', (db) => reactBatch(db, CID, 'm1', 'hug', 1, 'p2')],
    ['a second heart from the same member', 'author', 'react', (db) => reactBatch(db, CID, 'auth1', 'heart', 1)],
    ['removing someone else\'s reaction', 'member', 'unreact', (db) => reactBatch(db, CID, 'auth1', 'heart', -1)],
    ['removing a reaction without lowering the count', 'author', 'unreact', (db) => docIn(db, CID, layout.reaction('t1', 'p1', 'auth1', 'heart')).delete()],
    ['reaction by a suspended member', 'suspended', 'react', (db) => reactBatch(db, CID, 'sus1', 'hug', 1)],
  ],
  reports: [
    ['report with a forged reporter', 'member', 'report', (db) => docIn(db, CID, layout.report('x1')).set(reportDoc('auth1'))],
    ['report with a client-set time', 'member', 'report', (db) => docIn(db, CID, layout.report('x2')).set(reportDoc('m1', {createdAt: past()}))],
    ['report already actioned', 'member', 'report', (db) => docIn(db, CID, layout.report('x3')).set(reportDoc('m1', {status: 'actioned'}))],
    ['report with an unknown reason', 'member', 'report', (db) => docIn(db, CID, layout.report('x4')).set(reportDoc('m1', {reason: 'dislike'}))],
    ['report with oversize details', 'member', 'report', (db) => docIn(db, CID, layout.report('x5')).set(reportDoc('m1', {details: long(1001)}))],
    ['report with an extra field', 'member', 'report', (db) => docIn(db, CID, layout.report('x6')).set(reportDoc('m1', {priority: 'urgent'}))],
    ['report with a malformed target', 'member', 'report', (db) => docIn(db, CID, layout.report('x7')).set(reportDoc('m1', {target: {kind: 'post', threadId: 't1'}}))],
    ['report with an unknown target kind', 'member', 'report', (db) => docIn(db, CID, layout.report('x8')).set(reportDoc('m1', {target: {kind: 'community', uid: 'x'}}))],
    ['report details that are not text', 'member', 'report', (db) => docIn(db, CID, layout.report('x9')).set(reportDoc('m1', {details: ['a']}))],
    ['report by a suspended member', 'suspended', 'report', (db) => docIn(db, CID, layout.report('x10')).set(reportDoc('sus1'))],
    ['moderator rewrites a report reason', 'moderator', 'dismiss', (db) => docIn(db, CID, layout.report('r1')).update({reason: 'other'})],
    ['moderator sets an unknown status', 'moderator', 'dismiss', (db) => docIn(db, CID, layout.report('r1')).update({status: 'deleted'})],
  ],
  modLog: [
    ['entry with a forged actor', 'moderator', 'log', (db) => docIn(db, CID, layout.logEntry('x1')).set(logDoc('adm1'))],
    ['entry with a client-set time', 'moderator', 'log', (db) => docIn(db, CID, layout.logEntry('x2')).set(logDoc('mod1', {at: past()}))],
    ['entry with an unknown action', 'moderator', 'log', (db) => docIn(db, CID, layout.logEntry('x3')).set(logDoc('mod1', {action: 'delete-everything'}))],
    ['entry with an extra field', 'moderator', 'log', (db) => docIn(db, CID, layout.logEntry('x4')).set(logDoc('mod1', {ip: '1.2.3.4'}))],
    ['entry with an oversize reason', 'moderator', 'log', (db) => docIn(db, CID, layout.logEntry('x5')).set(logDoc('mod1', {reason: long(501)}))],
    ['entry with an empty target', 'moderator', 'log', (db) => docIn(db, CID, layout.logEntry('x6')).set(logDoc('mod1', {targetPath: ''}))],
    ['entry with a numeric reason', 'moderator', 'log', (db) => docIn(db, CID, layout.logEntry('x7')).set(logDoc('mod1', {reason: 5}))],
    ['rewriting history', 'moderator', 'log', (db) => docIn(db, CID, layout.logEntry('l1')).update({reason: 'nothing happened'})],
    ['erasing history', 'admin', 'log', (db) => docIn(db, CID, layout.logEntry('l1')).delete()],
    ['entry by a member', 'member', 'log', (db) => docIn(db, CID, layout.logEntry('x8')).set(logDoc('m1'))],
    ['entry by the founder', 'author', 'log', (db) => docIn(db, CID, layout.logEntry('x9')).set(logDoc('auth1'))],
  ],
};

describe('firestore.rules refuses hostile payloads', function () {
  this.timeout(120000);
  let rt: RulesEnv;
  const counts = {bases: 0, refused: 0};
  const acceptedBases = new Set<string>();

  before(async () => {
    rt = await setUp('demo-kindred-rules-hostile');
    await rt.admin.writeDocs(baseline(CID));
  });

  after(async () => {
    await rt?.admin.clear();
    await rt?.env.cleanup();
  });

  it('has at least 10 per writable collection, each naming the valid write it varies', () => {
    for (const [collection, attempts] of Object.entries(HOSTILE)) {
      expect(attempts.length, collection).to.be.at.least(10);
      expect(new Set(attempts.map((a) => a[0])).size, `${collection}: duplicate names`).to.equal(attempts.length);
      for (const [name, , base] of attempts) expect(BASES, `${collection}: ${name}`).to.have.property(base);
    }
  });

  // Each base in its own fresh copy of the baseline: accepted there, the hostile variations below are
  // refused in the same state for the one thing they change.
  it(`accepts the ${Object.keys(BASES).length} valid writes the hostile ones are made from`, async () => {
    const refusedBases: string[] = [];
    for (const [key, [role, run]] of Object.entries(BASES)) {
      const cid = `hostile-base-${key}`;
      await rt.admin.writeDocs(baseline(cid));
      try {
        await assertSucceeds(run(rt.db(role), cid));
        acceptedBases.add(key);
        counts.bases++;
      } catch (e) {
        refusedBases.push(`${key} (${role}): ${(e as Error).message.slice(0, 200)}`);
      }
      await rt.release(role);
    }
    expect(refusedBases, 'valid base writes the rules refused').to.deep.equal([]);
  });

  for (const [collection, attempts] of Object.entries(HOSTILE)) {
    it(`${collection}: refuses ${attempts.length} hostile writes, each a variation of an accepted write`, async () => {
      const problems: string[] = [];
      // One role's client at a time; writes in sequence (the emulator misjudges concurrent ones).
      let previous: Role | null = null;
      for (const [name, role, base, run] of [...attempts].sort((a, b) => a[1].localeCompare(b[1]))) {
        if (!acceptedBases.has(base)) {
          problems.push(`${name}: its base write "${base}" was not shown accepted, so its refusal proves nothing`);
          continue;
        }
        if (previous && previous !== role) await rt.release(previous);
        previous = role;
        try {
          await assertFails(run(rt.db(role)));
          counts.refused++;
        } catch (e) {
          problems.push(`${name} (${role}) was accepted: ${(e as Error).message.slice(0, 160)}`);
        }
      }
      if (previous) await rt.release(previous);
      expect(problems, problems.join('\n')).to.deep.equal([]);
    });
  }

  it('reports how many hostile payloads were refused', () => {
    const total = Object.values(HOSTILE).flat().length;
    console.log(`firestore.rules hostile payloads: ${counts.refused} of ${total} refused across ${Object.keys(HOSTILE).length} writable collections, `
      + `each a variation of one of ${counts.bases} valid writes shown accepted`);
    expect(counts.bases).to.equal(Object.keys(BASES).length);
    expect(counts.refused).to.equal(total);
  });
});
