// The Welsh strings of safety.messages.ts, in a module of their own: the script-tag bundle loads them only on a
// page whose language resolves to Welsh (issue 16; see defineMessages in src/i18n/messages.ts).
import type {SafetyMessages} from './safety.messages.js';
import type {WarningChoice, WarningTopic} from '../data/domain/safety.js';

export const cy: SafetyMessages = {
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
