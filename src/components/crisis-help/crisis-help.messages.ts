import {defineMessages} from '../../i18n/messages.js';

const en = {
  toggle: 'Need help now?',
  hide: 'Hide support options',
  heading: 'You don’t have to face this alone',
  intro: 'If you are thinking about ending your life or harming yourself, or you are worried about someone, help is available now. It is free and confidential.',
  emergency: 'If a life is in danger right now, call 999.',
  call: (number: string) => `Call ${number}`,
  text: (number: string) => `Text ${number}`,
  contacts: 'Who you can contact',
  offline: 'You are offline, but phone numbers still work.',
};

const cy: typeof en = {
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

export const crisisHelpMessages = defineMessages({en, cy}, 'crisisHelp');
export type CrisisHelpMessages = typeof en;
