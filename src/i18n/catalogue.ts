// Issue 18: a charity adds a language without code. A catalogue is the parsed JSON (or an object) in
// the shape of English: one object per element namespace, one string per message. TypeScript users
// check theirs with `satisfies KindredCatalogue` (keys must exist in English) or
// `KindredCatalogueComplete` (every English string must be there). Missing strings fall back to
// English, with a console warning on a developer's page (see devMode in messages.ts).
import type {Locale} from '../data/types.js';
import {registerCatalogue, toLocale} from './messages.js';
import type {commonMessages} from './common.messages.js';
import type {moderationMessages} from './moderation.messages.js';
import type {safetyMessages} from './safety.messages.js';
import type {communityMessages} from '../components/community/community.messages.js';
import type {communityAdminMessages} from '../components/community-admin/community-admin.messages.js';
import type {crisisHelpMessages} from '../components/crisis-help/crisis-help.messages.js';
import type {directoryMessages} from '../components/member-directory/member-directory.messages.js';
import type {discussionThreadMessages} from '../components/discussion-thread/discussion-thread.messages.js';
import type {emailNotificationsMessages} from '../components/profile/email-notifications.messages.js';
import type {founderStoryBannerMessages} from '../components/founder-story-banner/founder-story-banner.messages.js';
import type {joinMessages} from '../components/join/join.messages.js';
import type {moderationQueueMessages} from '../components/moderation-queue/moderation-queue.messages.js';
import type {notificationsMessages} from '../components/notifications/notifications.messages.js';
import type {peerMatchCardMessages} from '../components/peer-match-card/peer-match-card.messages.js';
import type {profileMessages} from '../components/profile/profile.messages.js';

/**
 * One namespace: every English key. A plain string where English has one; where English is a function,
 * a template string (JSON: `{0}`, `{0, plural, …}`, `{0, select, …}`) or, in a JS object, a function
 * with English's signature.
 */
type Strings<F extends (locale: Locale) => object> = {[K in keyof ReturnType<F>]: ReturnType<F>[K] extends string ? string : string | ReturnType<F>[K]};

/** A complete catalogue: every string English has, in every namespace. */
export interface KindredCatalogueComplete {
  common: Strings<typeof commonMessages>;
  moderation: Strings<typeof moderationMessages>;
  safety: Strings<typeof safetyMessages>;
  community: Strings<typeof communityMessages>;
  communityAdmin: Strings<typeof communityAdminMessages>;
  crisisHelp: Strings<typeof crisisHelpMessages>;
  directory: Strings<typeof directoryMessages>;
  discussionThread: Strings<typeof discussionThreadMessages>;
  emailNotifications: Strings<typeof emailNotificationsMessages>;
  founderStoryBanner: Strings<typeof founderStoryBannerMessages>;
  join: Strings<typeof joinMessages>;
  moderationQueue: Strings<typeof moderationQueueMessages>;
  notifications: Strings<typeof notificationsMessages>;
  peerMatchCard: Strings<typeof peerMatchCardMessages>;
  profile: Strings<typeof profileMessages>;
}

/** A catalogue that may leave strings out (they are shown in English); a key English lacks is a type error. */
export type KindredCatalogue = {[N in keyof KindredCatalogueComplete]?: Partial<KindredCatalogueComplete[N]>};

/**
 * Adds (or extends) a language: `addCatalogue('ar', arabic)`, then `<kin-community lang="ar" dir="rtl">`.
 * Elements already on the page switch when their `lang` asks for it. Returns the normalised tag.
 */
export function addCatalogue(lang: string, catalogue: KindredCatalogue): Locale {
  return registerCatalogue(lang, catalogue as Record<string, unknown>);
}

export {toLocale};
