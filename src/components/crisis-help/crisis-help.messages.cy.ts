// The Welsh strings of crisis-help.messages.ts, in a module of their own: the script-tag bundle loads them only on a
// page whose language resolves to Welsh (issue 16; see defineMessages in src/i18n/messages.ts).
import type {CrisisHelpMessages} from './crisis-help.messages.js';

export const cy: CrisisHelpMessages = {
  toggle: 'Angen help nawr?',
  hide: 'Cuddio’r opsiynau cymorth',
  heading: 'Does dim rhaid i chi wynebu hyn ar eich pen eich hun',
  intro: 'Os ydych chi’n meddwl am ddod â’ch bywyd i ben neu niweidio eich hun, neu’n poeni am rywun, mae help ar gael nawr. Mae am ddim ac yn gyfrinachol.',
  emergency: 'Os yw bywyd mewn perygl nawr, ffoniwch 999.',
  call: (number: string) => `Ffoniwch ${number}`,
  text: (number: string) => `Tecstiwch ${number}`,
  contacts: 'Pwy y gallwch gysylltu â nhw',
  offline: 'Rydych all-lein, ond mae rhifau ffôn yn dal i weithio.',
};
