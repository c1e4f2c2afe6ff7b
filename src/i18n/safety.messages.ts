// Issue 18: content warnings and per-post audience, shared by <kin-discussion-thread> (the composer, the
// collapsed post, the visitors' notice) and <kin-profile> (the member's choices per topic).
import type {WarningChoice, WarningTopic} from '../data/domain/safety.js';
import {defineMessages} from './messages.js';

const en = {
  topic: (topic: WarningTopic): string => ({
    'self-harm': 'Self-harm',
    suicide: 'Suicide',
    eating: 'Eating and food',
    'pregnancy-loss': 'Pregnancy or baby loss',
    bereavement: 'Bereavement',
    'graphic-medical': 'Graphic medical detail',
    custom: 'Something else',
  } as Record<WarningTopic, string>)[topic],
  /** The warning shown on a collapsed post. */
  warningLabel: (label: string): string => `Content warning: ${label}`,
  showPost: 'Show post',
  hidePost: 'Hide post again',
  // composer
  warningField: 'Content warning (optional)',
  warningNone: 'No warning',
  warningCustomLabel: 'Your warning, in a few words',
  warningCustomHint: 'Up to 40 characters, e.g. “Needles”.',
  warningCustomRequired: 'Write the warning in a few words, or choose “No warning”.',
  audienceField: 'Who can read this?',
  audienceEveryone: 'Everyone who visits',
  audienceMembers: 'Members only',
  audienceReplyInherits: 'This reply is for members only, like the post it answers.',
  membersOnlyBadge: 'Members only',
  // the visitors' notice
  membersOnlyNotice: (n: number): string => (n === 1
    ? '1 post is shared with members only. Join to read it.'
    : `${n} posts are shared with members only. Join to read them.`),
  // a post's warning, changed by its author or a moderator
  changeWarning: 'Content warning',
  saveWarning: 'Save warning',
  warningSaved: 'Content warning saved.',
  cancel: 'Cancel',
  // profile
  prefsHeading: 'Posts with content warnings',
  prefsHint: 'Posts with a content warning are shown folded until you open them. For each topic you can also hide them completely, or always show them open.',
  choice: (c: WarningChoice): string => ({collapse: 'Fold until I open it', hide: 'Hide completely', show: 'Show open'} as Record<WarningChoice, string>)[c],
  savePrefs: 'Save these choices',
  prefsSaved: 'Your choices are saved.',
};

const cy: typeof en = {
  topic: (topic: WarningTopic): string => ({
    'self-harm': 'Hunan-niweidio',
    suicide: 'Hunanladdiad',
    eating: 'Bwyta a bwyd',
    'pregnancy-loss': 'Colli beichiogrwydd neu fabi',
    bereavement: 'Profedigaeth',
    'graphic-medical': 'Manylion meddygol graffig',
    custom: 'Rhywbeth arall',
  } as Record<WarningTopic, string>)[topic],
  warningLabel: (label: string): string => `Rhybudd cynnwys: ${label}`,
  showPost: 'Dangos y neges',
  hidePost: 'Cuddio’r neges eto',
  warningField: 'Rhybudd cynnwys (dewisol)',
  warningNone: 'Dim rhybudd',
  warningCustomLabel: 'Eich rhybudd, mewn ychydig eiriau',
  warningCustomHint: 'Hyd at 40 nod, e.e. “Nodwyddau”.',
  warningCustomRequired: 'Ysgrifennwch y rhybudd mewn ychydig eiriau, neu dewiswch “Dim rhybudd”.',
  audienceField: 'Pwy all ddarllen hwn?',
  audienceEveryone: 'Pawb sy’n ymweld',
  audienceMembers: 'Aelodau yn unig',
  audienceReplyInherits: 'Mae’r ateb hwn ar gyfer aelodau yn unig, fel y neges y mae’n ei hateb.',
  membersOnlyBadge: 'Aelodau yn unig',
  membersOnlyNotice: (n: number): string => (n === 1
    ? 'Mae 1 neges wedi’i rhannu ag aelodau yn unig. Ymunwch i’w darllen.'
    : `Mae ${n} o negeseuon wedi’u rhannu ag aelodau yn unig. Ymunwch i’w darllen.`),
  changeWarning: 'Rhybudd cynnwys',
  saveWarning: 'Cadw’r rhybudd',
  warningSaved: 'Cadwyd y rhybudd cynnwys.',
  cancel: 'Canslo',
  prefsHeading: 'Negeseuon â rhybuddion cynnwys',
  prefsHint: 'Mae negeseuon â rhybudd cynnwys wedi’u plygu nes i chi eu hagor. Ar gyfer pob pwnc gallwch hefyd eu cuddio’n llwyr, neu eu dangos ar agor bob amser.',
  choice: (c: WarningChoice): string => ({collapse: 'Plygu nes i mi ei agor', hide: 'Cuddio’n llwyr', show: 'Dangos ar agor'} as Record<WarningChoice, string>)[c],
  savePrefs: 'Cadw’r dewisiadau hyn',
  prefsSaved: 'Mae eich dewisiadau wedi’u cadw.',
};

export const safetyMessages = defineMessages({en, cy}, 'safety');
