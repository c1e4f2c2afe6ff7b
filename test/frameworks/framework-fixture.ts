// Seed data and DOM helpers shared by the React and Vue example-app tests: a community with a founder
// story and a page thread of two posts, read through the real LocalStore and its policy rules.
import {waitUntil} from '@open-wc/testing';
import type {SeedFixture} from '../../src/data/seed.js';
import type {FounderStory, SessionUser} from '../../src/data/types.js';
import {threadIdForKey} from '../../src/data/policy.js';
import {member, post, privateRecord, sampleSeed, thread, uniqueCommunityId} from '../fixtures/community.js';

export const KEY = 'walk-2026';
export const TID = threadIdForKey(KEY);
export const ALICE: SessionUser = {uid: 'alice', anonymous: false};

const STORY: FounderStory = {
  name: 'Sarah Jones',
  role: {en: 'Founder, mum of Cai', cy: 'Sylfaenydd, mam Cai'},
  quote: {en: 'Nobody should feel alone at 3am.', cy: 'Ni ddylai neb deimlo’n unig am 3 y bore.'},
  story: {en: 'When Cai was diagnosed, I searched for other parents.'},
  imageUrl: null, imageAlt: null, cta: null, toldAt: null, memorial: false, approvedBy: 'sarah', approvedAt: null,
};

export function frameworkSeed(prefix: string): SeedFixture {
  const alice = member('alice'), bob = member('bob', {pseudonym: 'Bob Jones'});
  const fixture = sampleSeed(uniqueCommunityId(prefix), {
    members: [alice, bob],
    threads: [thread(TID, {key: KEY, title: 'Walk 2026', postCount: 2})],
    posts: [post(TID, 'p1', bob, {body: 'Who is walking on Saturday?'}), post(TID, 'p2', alice, {body: 'Me, with my inhaler.'})],
  }, {founderStory: STORY});
  fixture.privates = [privateRecord('alice', fixture.community), privateRecord('bob', fixture.community)];
  return fixture;
}

export function inShadow<T extends Element = HTMLElement>(host: Element | null, selector: string): T | null {
  return host?.shadowRoot?.querySelector<T>(selector) ?? null;
}

/** Waits (generously: a loaded shared machine) until `find()` returns an element. */
export async function until<T>(find: () => T | null | undefined, message: string): Promise<T> {
  await waitUntil(() => find(), message, {timeout: 8000, interval: 20});
  return find()!;
}

/** Types into a field the way a member does (value + input event). */
export function typeInto(field: HTMLTextAreaElement, text: string) {
  field.value = text;
  field.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
}

/** The reply composer under post `postId`: opens it and waits for its textarea. */
export async function openReply(thread: Element, postId: string): Promise<HTMLTextAreaElement> {
  inShadow<HTMLButtonElement>(thread, `article[data-post-id="${postId}"] [data-action="reply"]`)!.click();
  return until(() => inShadow<HTMLTextAreaElement>(thread, `textarea#reply-${postId}`), 'the reply composer');
}
