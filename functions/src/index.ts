// Kindred's Cloud Functions (issue 15): notifications, emails through the Trigger Email extension
// (firestore-send-email writes nothing we do not put in mail/{id}), the daily digest and one-click
// unsubscribe. Deploy with `firebase deploy --only functions` (firebase.json builds lib/ first).
//
// Who is told what is decided in src/data/domain/notifications.ts, shared with the LocalStore; this
// package only loads documents and writes the answer (./deliver.ts). Moderation decisions arrive as
// post writes (held → visible = approved, → hidden = hidden with the moderator's reason), so one
// trigger sees both a member's post and what a moderator did to it.
import {initializeApp, getApps} from 'firebase-admin/app';
import {Timestamp, getFirestore} from 'firebase-admin/firestore';
import {defineSecret, defineString} from 'firebase-functions/params';
import {onDocumentCreated, onDocumentDeleted, onDocumentWritten} from 'firebase-functions/v2/firestore';
import {onRequest} from 'firebase-functions/v2/https';
import {onSchedule} from 'firebase-functions/v2/scheduler';
import {logger, setGlobalOptions} from 'firebase-functions/v2';
import type {Connection, Report, ReactionKind} from '../../src/data/types.js';
import {dataOf, emailOff, forgetMember, onConnection, onPost, onReaction, onReport, runDigest, type MailConfig} from './deliver.js';
import {verifyToken} from './unsubscribe.js';
import {onInvite} from './invites.js';
import {countPostChange} from './counts.js';
import {countReactionChange} from './reaction-counts.js';
import type {Invite} from '../../src/data/invites.js';

setGlobalOptions({region: 'europe-west2', maxInstances: 10});

/**
 * The page that hosts the community; emails link there. `{thread}` and `{post}` are filled with the ids, so an
 * email opens the post in its thread ("https://…/talk?thread={thread}#post-{post}"). Empty = no emails are written.
 */
const SITE_URL = defineString('KINDRED_SITE_URL', {default: ''});
/** This project's `unsubscribe` function URL. */
const UNSUBSCRIBE_URL = defineString('KINDRED_UNSUBSCRIBE_URL', {default: ''});
/** Signs unsubscribe links. */
const UNSUBSCRIBE_SECRET = defineSecret('KINDRED_UNSUBSCRIBE_SECRET');

function db() {
  if (!getApps().length) initializeApp();
  return getFirestore();
}

/** Email settings, or null when emails are not configured (notifications still work). */
function mailConfig(now = Date.now()): MailConfig | null {
  const siteUrl = SITE_URL.value();
  const unsubscribeUrl = UNSUBSCRIBE_URL.value();
  let secret = '';
  try {
    secret = UNSUBSCRIBE_SECRET.value();
  } catch {
    secret = '';
  }
  if (!/^https:\/\//.test(siteUrl) || !/^https?:\/\//.test(unsubscribeUrl) || secret.length < 16) return null;
  return {siteUrl, unsubscribeUrl, secret, now};
}

const secrets = [UNSUBSCRIBE_SECRET];

export const notifyOnPost = onDocumentWritten({document: 'communities/{cid}/threads/{tid}/posts/{pid}', secrets, retry: true}, async (event) => {
  const before = dataOf<never>(event.data?.before);
  const after = dataOf<never>(event.data?.after);
  const r = await onPost(db(), {cid: event.params.cid, tid: event.params.tid, pid: event.params.pid}, before, after, mailConfig());
  logger.debug('notifyOnPost', {event: event.id, ...r});
});

/**
 * Issue 17: a thread's postCount / lastActivityAt past one write a second. A post change that moves the
 * counts (created visible, approved, hidden, restored…) recounts the thread, at most once a second per
 * thread (./counts.ts); the first run marks the community, and from then on a post is a single-document
 * create and no client may move a thread's counts (firestore.rules, issue 17).
 */
export const countThreadPosts = onDocumentWritten({document: 'communities/{cid}/threads/{tid}/posts/{pid}', retry: true}, async (event) => {
  // Issue 16/17 (s5): status and audience (the members-only count moves with either).
  const post = (s: {exists: boolean; get(field: string): unknown} | undefined) => (s?.exists ? {status: s.get('status'), audience: s.get('audience')} : undefined);
  const before = post(event.data?.before);
  const after = post(event.data?.after);
  const since = event.time ? Timestamp.fromDate(new Date(event.time)) : Timestamp.now();
  const r = await countPostChange(db(), event.params.cid, event.params.tid, before, after, since);
  logger.debug('countThreadPosts', {event: event.id, outcome: r});
});

/**
 * Issue 17 (s5): a post's reaction counts past one write a second. A reaction created or deleted recounts the
 * post's reactions, at most once a second per post (./reaction-counts.ts); the first run marks the community
 * (services.reactionCounts), and from then on a reaction is a single-document write and no client may move a
 * post's counts (firestore.rules, "issue 17 reactions (s5)"). Remove this function only after deleting that
 * marker (docs/operations.md).
 */
export const countPostReactions = onDocumentWritten({document: 'communities/{cid}/threads/{tid}/reactions/{rid}', retry: true}, async (event) => {
  const before = event.data?.before?.exists ? event.data.before.data() : undefined;
  const after = event.data?.after?.exists ? event.data.after.data() : undefined;
  const since = event.time ? Timestamp.fromDate(new Date(event.time)) : Timestamp.now();
  const r = await countReactionChange(db(), event.params.cid, event.params.tid, before, after, since);
  logger.debug('countPostReactions', {event: event.id, outcome: r});
});

export const notifyOnReaction = onDocumentCreated({document: 'communities/{cid}/threads/{tid}/reactions/{rid}', secrets, retry: true}, async (event) => {
  const reaction = dataOf<{postId: string; uid: string; kind: ReactionKind}>(event.data);
  if (!reaction) return;
  const r = await onReaction(db(), {cid: event.params.cid, tid: event.params.tid}, reaction, mailConfig());
  logger.debug('notifyOnReaction', {event: event.id, ...r});
});

export const notifyOnConnection = onDocumentWritten({document: 'communities/{cid}/connections/{id}', secrets, retry: true}, async (event) => {
  const before = dataOf<Connection>(event.data?.before);
  const after = dataOf<Connection>(event.data?.after);
  const r = await onConnection(db(), event.params.cid, before, after ? {...after, id: event.params.id} : null, mailConfig());
  logger.debug('notifyOnConnection', {event: event.id, ...r});
});

export const notifyOnReport = onDocumentCreated({document: 'communities/{cid}/reports/{rid}', secrets, retry: true}, async (event) => {
  const report = dataOf<Report>(event.data);
  if (!report) return;
  const r = await onReport(db(), event.params.cid, {...report, id: event.params.rid}, mailConfig());
  logger.debug('notifyOnReport', {event: event.id, ...r});
});

/** Issue 14: an invite with a link emails it to the invited address (English and Welsh). */
export const mailInvite = onDocumentCreated({document: 'communities/{cid}/invites/{id}', retry: true}, async (event) => {
  const sent = await onInvite(db(), event.params.cid, event.params.id, dataOf<Invite>(event.data));
  logger.debug('mailInvite', {event: event.id, sent});
});

/** Erasure: a member's notifications, follows and unsent emails go with their profile. */
export const forgetErasedMember = onDocumentDeleted({document: 'communities/{cid}/members/{uid}', retry: true}, async (event) => {
  const removed = await forgetMember(db(), event.params.cid, event.params.uid);
  logger.debug('forgetErasedMember', {event: event.id, removed});
});

export const dailyDigest = onSchedule({schedule: 'every day 07:00', timeZone: 'Europe/London', secrets}, async () => {
  const mail = mailConfig();
  if (!mail) {
    logger.info('dailyDigest: emails are not configured (KINDRED_SITE_URL, KINDRED_UNSUBSCRIBE_URL, KINDRED_UNSUBSCRIBE_SECRET)');
    return;
  }
  const r = await runDigest(db(), mail);
  logger.info('dailyDigest', r);
});

const PAGE = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem">${body}</body></html>`;

/**
 * One-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` to the link; a person
 * who opens it gets a page with one button (a GET never changes anything, so link scanners cannot
 * unsubscribe anyone). 200 = emails off; 403 = the link was not made by us; 410 = the link expired.
 */
export const unsubscribe = onRequest({secrets, cors: false}, async (req, res) => {
  res.set('Cache-Control', 'no-store');
  res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
  const token = (req.query.t ?? (req.body as Record<string, unknown> | undefined)?.t) as unknown;
  let secret = '';
  try {
    secret = UNSUBSCRIBE_SECRET.value();
  } catch { /* unset */ }
  const check = secret ? verifyToken(secret, token, Date.now()) : {ok: false as const, why: 'forged' as const};
  if (!check.ok) {
    res.status(check.why === 'expired' ? 410 : 403).type('html').send(PAGE('Unsubscribe',
      check.why === 'expired'
        ? '<h1>This link has expired</h1><p>Sign in to the community and change your email settings in your profile.</p>'
        : '<h1>This link is not valid</h1><p>Sign in to the community and change your email settings in your profile.</p>'));
    return;
  }
  if (req.method === 'POST') {
    await emailOff(db(), check.cid, check.uid);
    res.status(200).type('html').send(PAGE('Unsubscribed', '<h1>You will get no more emails</h1><p>You can switch them on again in your profile.</p>'));
    return;
  }
  if (req.method !== 'GET') {
    res.status(405).set('Allow', 'GET, POST').send('');
    return;
  }
  res.status(200).type('html').send(PAGE('Unsubscribe', `<h1>Stop emails from this community?</h1>
<form method="post"><input type="hidden" name="t" value="${String(token).replace(/[^A-Za-z0-9_.-]/g, '')}">
<button type="submit" name="List-Unsubscribe" value="One-Click">Unsubscribe</button></form>`));
});
