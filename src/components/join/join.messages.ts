import {defineMessages} from '../../i18n/messages.js';

const en = {
  heading: (community: string) => `Join ${community}`,
  intro: 'You join with a made-up name. We never ask for your real name, and nothing you write shows your email.',
  pseudonym: 'Your name in the community',
  pseudonymHint: 'Pick one of these or write your own (2–30 characters, no email addresses or links).',
  suggestions: 'Suggested names',
  useSuggestion: (name: string) => `Use ${name}`,
  relationship: 'You are here as',
  colour: 'Avatar colour',
  colourName: (n: number) => `Colour ${n}`,
  guidelines: 'I agree to the community guidelines: be kind, keep others’ stories private, and this is peer support, not medical advice.',
  health: 'I agree that the community may store the health information I choose to share in posts and my profile (optional). You can withdraw this at any time from your profile; what you already shared is then hidden from matching.',
  healthWhy: 'Health information is special-category data, so we ask separately.',
  submit: 'Join the community',
  joining: 'Joining…',
  cancel: 'Not now',
  guidelinesRequired: 'Please agree to the community guidelines to join.',
  readGuidelines: 'Read the community guidelines',
  joined: (name: string) => `You are a member as ${name}.`,
  signOut: 'Sign out',
  loading: 'Loading…',
  unavailable: 'Joining is not available here right now.',
};

export const joinMessages = defineMessages({en}, 'join', () => import('./join.messages.cy.js'));
export type JoinMessages = typeof en;
