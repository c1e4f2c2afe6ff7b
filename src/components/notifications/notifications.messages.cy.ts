// The Welsh strings of notifications.messages.ts, in a module of their own: the script-tag bundle loads them only on a
// page whose language resolves to Welsh (issue 16; see defineMessages in src/i18n/messages.ts).
import type {NotificationsMessages} from './notifications.messages.js';
import type {ReactionKind} from '../../data/types.js';

export const cy: NotificationsMessages = {
  heading: 'Hysbysiadau',
  bell: (n: number) => (n === 0 ? 'Hysbysiadau' : `Hysbysiadau, ${n > 199 ? '200 neu fwy' : n} heb eu darllen`),
  markAll: 'Marcio’r cyfan wedi’u darllen',
  markOne: 'Marcio wedi’i ddarllen',
  unread: 'Heb ei ddarllen',
  empty: 'Dim hysbysiadau eto. Bydd atebion i’ch negeseuon a newyddion o sgyrsiau rydych yn eu dilyn yn ymddangos yma.',
  signedOut: 'Mewngofnodwch ac ymunwch â’r gymuned i gael hysbysiadau.',
  noCommunity: 'Mae angen cymuned ar hysbysiadau: rhowch yr elfen hon y tu mewn i <kin-community>.',
  notSwitchedOn: 'Nid yw hysbysiadau wedi’u troi ymlaen ar gyfer y gymuned hon eto. Defnyddiwch y Cloud Functions (y ffolder functions/, `firebase deploy --only functions`) i’w troi ymlaen. Dim ond gweinyddwyr sy’n gweld y neges hon.',
  offline: 'Rydych all-lein: bydd hysbysiadau newydd yn ymddangos pan fyddwch yn ailgysylltu.',
  allRead: 'Marciwyd pob hysbysiad wedi’i ddarllen.',
  reply: 'Mae rhywun wedi ateb eich neges',
  threadPost: 'Neges newydd mewn sgwrs rydych yn ei dilyn',
  reaction: (n: number, kind: ReactionKind) => {
    const what = {heart: 'wedi anfon calon', hug: 'wedi anfon cwtsh', metoo: 'wedi dweud “fi hefyd”', thanks: 'wedi diolch'}[kind] ?? 'wedi ymateb';
    return `${n === 1 ? 'Mae 1 person' : `Mae ${n} o bobl`} ${what} i’ch neges`;
  },
  connectionRequest: 'Hoffai rhywun gysylltu â chi',
  connectionAccepted: 'Derbyniwyd eich cais i gysylltu',
  postApproved: 'Cymeradwywyd eich neges a gall pawb ei gweld nawr',
  postHidden: 'Cuddiodd cymedrolwr eich neges',
  reason: (r: string) => `Rheswm: ${r}`,
  report: 'Adroddiad newydd i’w adolygu',
  heldPost: 'Mae neges yn aros i’w hadolygu',
  more: (n: number) => `a ${n} arall`,
};
