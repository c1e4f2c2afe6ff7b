// Limits and enumerations (issue 13): the numbers and value lists that both stores and firestore.rules
// enforce. scripts/gen-rules.mjs writes RULES_CONSTANTS into firestore.rules' generated section, and
// `npm test` fails when that section is out of date, so a limit is changed here and nowhere else.
import {LIMITS} from '../policy.js';
import {REACTION_KINDS, RELATIONSHIPS, REPORT_REASONS, ROLE_NAMES} from '../types.js';
import {POST_AUDIENCES, WARNING_LABEL_MAX, WARNING_TOPICS} from './safety.js';

export {LIMITS, REACTION_KINDS, RELATIONSHIPS, REPORT_REASONS, ROLE_NAMES};

/** Post statuses a document may hold. */
export const POST_STATUSES = ['visible', 'held', 'hidden', 'deleted'] as const;

/**
 * What firestore.rules reads, by the name of the rules function that returns it. Numbers become
 * `function name() { return 5000; }`, lists `function name() { return ['a', 'b']; }`.
 */
export const RULES_CONSTANTS: Readonly<Record<string, number | readonly string[]>> = {
  postBodyMax: LIMITS.postBody,
  threadTitleMax: LIMITS.threadTitle,
  pseudonymMin: LIMITS.pseudonymMin,
  pseudonymMax: LIMITS.pseudonymMax,
  bioMax: LIMITS.bio,
  tagsMax: LIMITS.tags,
  tagMax: LIMITS.tag,
  reportDetailsMax: LIMITS.reportDetails,
  threadKeyMax: LIMITS.threadKey,
  urlMax: LIMITS.url,
  founderNameMax: LIMITS.founderName,
  founderRoleMax: LIMITS.founderRole,
  quoteMax: LIMITS.quote,
  roleNames: ROLE_NAMES,
  reactionKinds: REACTION_KINDS,
  relationships: RELATIONSHIPS,
  postStatuses: POST_STATUSES,
  reportReasons: REPORT_REASONS,
  // Issue 18: content warnings and per-post audience (./safety.ts).
  warningTopics: WARNING_TOPICS,
  warningLabelMax: WARNING_LABEL_MAX,
  postAudiences: POST_AUDIENCES,
};
