// Seed data and helpers shared by the <kin-discussion-thread> tests (a plain SeedFixture, so the tests
// exercise the real LocalStore with its real policy rules).
import {html, fixture, waitUntil} from '@open-wc/testing';
import type {CommunityStore} from '../../src/data/store.js';
import type {SeedFixture} from '../../src/data/seed.js';
import type {Community, MemberProfile, Post, RoleName, Thread, Visibility} from '../../src/data/types.js';
import {threadIdForKey} from '../../src/data/policy.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import {$} from '../support/dom.js';
import {member as buildMember} from '../support/builders.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import type {KinDiscussionThread} from '../../src/components/discussion-thread/discussion-thread.js';
import type {KinCrisisHelp} from '../../src/components/crisis-help/crisis-help.js';

export const KEY = 'walk-2026';
export const TID = threadIdForKey(KEY);
/** Two hours ago, to the minute: posts are seeded relative to it. */
export const T0 = Math.floor(Date.now() / 60000) * 60000 - 2 * 3600000;

let n = 0;
/** A fresh community id per test, so memory databases never leak between tests. */
export const nextCommunityId = () => `dt-${Date.now().toString(36)}-${++n}`;

export function community(id: string, visibility: Visibility = 'public'): Community {
  return {
    id, name: {en: 'Asthma Wales', cy: 'Asthma Cymru'}, tagline: {en: 'Breathe together'}, languages: ['en', 'cy'],
    settings: {
      visibility, moderation: 'post', holdFirstPosts: 0, bannedWords: [], nation: 'wales', tags: [],
      guidelinesVersion: 'g1', consentVersion: 'c1',
    },
    founderStory: null, createdAt: T0 - 86400000,
  };
}

/** test/support's member builder (issue 13: one), with the thread tests' pseudonym, hue and join time. */
export function member(uid: string, pseudonym: string, extra: Partial<MemberProfile> = {}): MemberProfile {
  return buildMember(uid, {pseudonym, avatarHue: 120, joinedAt: T0 - 3600000, ...extra});
}

export function thread(id: string, extra: Partial<Thread> = {}): Thread {
  return {
    id, key: id === TID ? KEY : null, title: 'Walk 2026', authorId: 'bob', authorName: 'Bob Jones', createdAt: T0,
    lastActivityAt: T0, postCount: 0, status: 'visible', participants: null, ...extra,
  };
}

export function post(id: string, author: MemberProfile, extra: Partial<Post> = {}): Post {
  return {
    id, threadId: TID, body: `Post ${id}`, authorId: author.uid, authorName: author.pseudonym,
    authorRelationship: author.relationship, authorAvatarUrl: author.avatarUrl, authorAvatarHue: author.avatarHue,
    authorBadges: [...author.badges] as RoleName[], parentId: null, createdAt: T0, editedAt: null, status: 'visible',
    statusReason: null, reactions: {heart: 0, hug: 0, metoo: 0, thanks: 0}, ...extra,
  };
}

export const alice = member('alice', 'Alice Hughes', {relationship: 'carer'});
export const bob = member('bob', 'Bob Jones', {badges: ['moderator']});
export const cara = member('cara', 'Cara', {relationship: 'professional', badges: ['clinician'], avatarUrl: 'https://example.org/cara.png'});

/** A community with Alice, Bob and Cara and `posts` in the page thread (oldest first by createdAt). */
export function seed(id: string, posts: Post[] = [], {visibility = 'public' as Visibility, threads = undefined as Thread[] | undefined} = {}): SeedFixture {
  const visibleCount = posts.filter((p) => p.status === 'visible').length;
  return {
    community: community(id, visibility),
    members: [alice, bob, cara],
    roles: [{uid: 'bob', roles: ['moderator'], clinicianScope: null, verifiedBy: null, verifiedAt: null, suspendedUntil: null, grantedBy: 'admin', updatedAt: T0}],
    threads: threads ?? (posts.length ? [thread(TID, {postCount: visibleCount})] : []),
    posts,
  };
}

const opened: CommunityStore[] = [];

/** A LocalStore in memory acting as `uid` (null = signed out). Stores for one community share data. */
export async function openStore(fixture: SeedFixture, uid: string | null): Promise<CommunityStore> {
  const store = await LocalStore.open({
    communityId: fixture.community.id, seed: fixture, persistence: 'memory',
    user: uid ? {uid, anonymous: false} : null,
  });
  opened.push(store);
  return store;
}

export async function disposeStores() {
  await Promise.all(opened.splice(0).map((s) => s.dispose().catch(() => undefined)));
}

/** Renders the element inside <kin-community> with `store`, waiting until it left the loading state. */
export async function render(store: CommunityStore | null, attrs: {key?: string; mode?: 'thread' | 'list'; thread?: string; threadId?: string; lang?: string} = {}) {
  const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang=${attrs.lang ?? 'en'}>
    <kin-discussion-thread thread-key=${attrs.key ?? KEY} mode=${attrs.mode ?? 'thread'} thread=${attrs.thread ?? ''} thread-id=${attrs.threadId ?? ''}></kin-discussion-thread>
  </kin-community>`);
  const el = root.querySelector('kin-discussion-thread') as KinDiscussionThread;
  await el.updateComplete;
  return el;
}

/** The `<kin-crisis-help>` the thread shows: the "Need help now?" one, or the one beside a composer. */
export function crisisHelp(el: HTMLElement, where: 'help' | 'composer' = 'help'): KinCrisisHelp | null {
  return el.shadowRoot!.querySelector<KinCrisisHelp>(where === 'help' ? 'kin-crisis-help[part="help"]' : '[part="crisis"] kin-crisis-help');
}

/** Text and contact links inside a `<kin-crisis-help>` (its shadow root), plus its slotted footer. */
export function crisisText(help: KinCrisisHelp): string {
  const slotted = [...help.children].map((c) => c.textContent ?? '').join(' ');
  return `${help.shadowRoot!.textContent ?? ''} ${slotted}`.replace(/\s+/g, ' ');
}
export function crisisLinks(help: KinCrisisHelp): string[] {
  return [...help.shadowRoot!.querySelectorAll('a[part="contact"]')].map((a) => a.getAttribute('href')!);
}

// The shadow-DOM queries are test/support's (issue 13), re-exported for the thread tests that import them from here.
export {$, $$} from '../support/dom.js';

/** Waits until `selector` matches inside the element's shadow root. */
export async function until(el: HTMLElement, selector: string, message = selector) {
  await waitUntil(() => $(el, selector), `never found ${message}`, {timeout: 5000, interval: 20});
  return $(el, selector)!;
}

export async function ready(el: KinDiscussionThread) {
  await waitUntil(() => !$(el, '[aria-busy="true"]'), 'thread never finished loading', {timeout: 5000, interval: 20});
  await el.updateComplete;
}

/** Types into a textarea the way a member does (value + input event). */
export function type(field: HTMLTextAreaElement | HTMLInputElement, text: string) {
  field.value = text;
  field.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
}

export function articleFor(el: HTMLElement, postId: string) {
  return $(el, `article[data-post-id="${postId}"]`);
}

export function sessionDrafts(): string[] {
  return Object.keys(sessionStorage).filter((k) => k.startsWith('kin-draft@1:'));
}

/** `oneEvent`, typed by the event map. */
export function once<K extends keyof GlobalEventHandlersEventMap>(el: EventTarget, name: K): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) => el.addEventListener(name, (e) => resolve(e as GlobalEventHandlersEventMap[K]), {once: true}));
}

/** `waitUntil` with room for a loaded shared machine (the default 1 s is too tight there). */
export function eventually(predicate: () => unknown, message: string) {
  return waitUntil(predicate, message, {timeout: 5000, interval: 20});
}
