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

export const crisisHelpMessages = defineMessages({en}, 'crisisHelp', () => import('./crisis-help.messages.cy.js'));
export type CrisisHelpMessages = typeof en;
