// Issue 18: the English catalogue as a charity's translator starts from it (`englishCatalogue()`, also
// written to catalogues/en.json by `npm run catalogue`). Where English is a function, its text is shown
// with `{0}`, `{1}` for the arguments; choices that depend on a value (plural, select) keep English's
// "other" wording and can be written as `{0, plural, one {…} other {…}}` or `{0, select, a {…} other {…}}`.
import type {KindredCatalogueComplete} from './catalogue.js';
import type {Catalogue} from './messages.js';
import {commonMessages} from './common.messages.js';
import {moderationMessages} from './moderation.messages.js';
import {safetyMessages} from './safety.messages.js';
import {communityMessages} from '../components/community/community.messages.js';
import {communityAdminMessages} from '../components/community-admin/community-admin.messages.js';
import {crisisHelpMessages} from '../components/crisis-help/crisis-help.messages.js';
import {directoryMessages} from '../components/member-directory/member-directory.messages.js';
import {discussionThreadMessages} from '../components/discussion-thread/discussion-thread.messages.js';
import {emailNotificationsMessages} from '../components/profile/email-notifications.messages.js';
import {founderStoryBannerMessages} from '../components/founder-story-banner/founder-story-banner.messages.js';
import {joinMessages} from '../components/join/join.messages.js';
import {moderationQueueMessages} from '../components/moderation-queue/moderation-queue.messages.js';
import {notificationsMessages} from '../components/notifications/notifications.messages.js';
import {peerMatchCardMessages} from '../components/peer-match-card/peer-match-card.messages.js';
import {profileMessages} from '../components/profile/profile.messages.js';

const ALL: {[N in keyof KindredCatalogueComplete]: Catalogue} = {
  common: commonMessages('en'),
  moderation: moderationMessages('en'),
  safety: safetyMessages('en'),
  community: communityMessages('en'),
  communityAdmin: communityAdminMessages('en'),
  crisisHelp: crisisHelpMessages('en'),
  directory: directoryMessages('en'),
  discussionThread: discussionThreadMessages('en'),
  emailNotifications: emailNotificationsMessages('en'),
  founderStoryBanner: founderStoryBannerMessages('en'),
  join: joinMessages('en'),
  moderationQueue: moderationQueueMessages('en'),
  notifications: notificationsMessages('en'),
  peerMatchCard: peerMatchCardMessages('en'),
  profile: profileMessages('en'),
};

/** English itself, namespace by namespace (strings and functions), e.g. to derive a pseudo-locale. */
export function englishMessages(): {[N in keyof KindredCatalogueComplete]: Catalogue} {
  return {...ALL};
}

const PLACEHOLDERS = ['{0}', '{1}', '{2}', '{3}', '{4}'];

/** English in catalogue shape: every namespace and key, functions shown as `{0}` templates. */
export function englishCatalogue(): KindredCatalogueComplete {
  const out: Record<string, Record<string, string>> = {};
  for (const [ns, c] of Object.entries(ALL)) {
    const strings: Record<string, string> = (out[ns] = {});
    for (const [key, m] of Object.entries(c)) {
      if (typeof m === 'string') strings[key] = m;
      else {
        let text: unknown;
        try {
          text = (m as (...a: string[]) => unknown)(...PLACEHOLDERS);
        } catch {
          text = undefined;
        }
        strings[key] = typeof text === 'string' ? text : '{0}';
      }
    }
  }
  return out as unknown as KindredCatalogueComplete;
}
