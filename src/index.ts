// Side-effect-free exports: classes, types, helpers. Import './define.js' to register the elements.
export {KinElement} from './components/kin-element.js';
export {KinCommunity} from './components/community/community.js';
export {KinJoin} from './components/join/join.js';
export {KinJoinSubmitEvent, KinJoinedEvent, KinJoinRequestEvent} from './events/join.js';
export {KinMemberDirectory} from './components/member-directory/member-directory.js';
export {KinProfile} from './components/profile/profile.js';
export {KinConnectRequestEvent} from './events/connect-request.js';
export {KinProfileSaveEvent} from './events/profile-save.js';
export {KinProfileSavedEvent} from './events/profile-saved.js';
export {KinEraseRequestEvent} from './events/erase-request.js';
export {KinErasedEvent} from './events/erased.js';
export {KinErrorEvent} from './events/kin-error.js';
export {KinDiscussionThread} from './components/discussion-thread/discussion-thread.js';
export {KinPostSubmitEvent} from './events/post-submit.js';
export {KinPostCreatedEvent} from './events/post-created.js';
export {KinReactionEvent} from './events/reaction.js';
export {KinReportEvent} from './events/report.js';
export {KinThreadOpenEvent} from './events/thread-open.js';
export {KinFounderStoryBanner, type FounderStoryVariant} from './components/founder-story-banner/founder-story-banner.js';
export {KinStorySaveEvent} from './events/story-save.js';
export {KinStorySavedEvent} from './events/story-saved.js';
export {communityContext, type CommunityContextValue} from './context/community-context.js';
export {KindredError, isKindredError, type KindredErrorCode} from './data/errors.js';
export type * from './data/types.js';
export type * from './data/store.js';
export type {SeedFixture} from './data/seed.js';
export * as policy from './data/policy.js';
export {grantConsent, revokeConsent, hasConsent, watchConsent} from './consent.js';
export {KinConsentEvent} from './events/consent.js';
export {LazyController} from './controllers/lazy.js';
export {KinPeerMatchCard} from './components/peer-match-card/peer-match-card.js';
export {KinConnectionChangeEvent, type ConnectionChange} from './events/connection-change.js';
// Safeguarding and moderation (issue 7)
export {KinCrisisHelp} from './components/crisis-help/crisis-help.js';
export {KinCrisisHelpToggleEvent} from './events/crisis-help-toggle.js';
export {KinModerationQueue} from './components/moderation-queue/moderation-queue.js';
export {KinModerateEvent} from './events/moderate.js';
export {KinModeratedEvent} from './events/moderated.js';
export {contactsFor, crisisContactsFor, UK_CRISIS_CONTACTS, ALWAYS_SHOWN, type CrisisContact, type SafeguardingConfig} from './data/safeguarding.js';
// Running a community (issue 14)
export {KinCommunityAdmin} from './components/community-admin/community-admin.js';
export {KinAdminChangeEvent, KinAdminChangedEvent, type AdminChangeKind} from './events/admin-change.js';
export * as invites from './data/invites.js';
export type {CommunityPatch, TeamMember} from './data/community-admin.js';
export type {CommunityHealth, HealthFigure, HealthKey} from './data/health.js';
export {findCrisisWording, hasCrisisWording, type CrisisMatch, type CrisisKind} from './data/crisis.js';
// Notifications (issue 15)
export {KinNotifications} from './components/notifications/notifications.js';
export {KinNotificationOpenEvent} from './events/notification-open.js';
export type {KinNotification, NotificationKind, NotifyPrefs, EmailMode} from './data/domain/notifications.js';
// Issue 18: any language. A charity's catalogue (JSON in the shape of English), Intl formatting.
export {addCatalogue, type KindredCatalogue, type KindredCatalogueComplete} from './i18n/catalogue.js';
export {englishCatalogue} from './i18n/english.js';
export {formatDate, formatNumber, plural, pluralCategory, relativeTime} from './i18n/messages.js';
export {compileTemplate} from './i18n/catalogue.js';
