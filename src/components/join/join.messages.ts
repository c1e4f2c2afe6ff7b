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
  joined: (name: string) => `You are a member as ${name}.`,
  signOut: 'Sign out',
  loading: 'Loading…',
  unavailable: 'Joining is not available here right now.',
};

const cy: typeof en = {
  heading: (community: string) => `Ymuno â ${community}`,
  intro: 'Rydych yn ymuno gydag enw ffug. Nid ydym byth yn gofyn am eich enw go iawn, ac nid oes dim rydych yn ei ysgrifennu yn dangos eich e-bost.',
  pseudonym: 'Eich enw yn y gymuned',
  pseudonymHint: 'Dewiswch un o’r rhain neu ysgrifennwch eich un eich hun (2–30 nod, dim cyfeiriadau e-bost na dolenni).',
  suggestions: 'Enwau a awgrymir',
  useSuggestion: (name: string) => `Defnyddio ${name}`,
  relationship: 'Rydych yma fel',
  colour: 'Lliw afatar',
  colourName: (n: number) => `Lliw ${n}`,
  guidelines: 'Rwy’n cytuno i ganllawiau’r gymuned: byddwch yn garedig, cadwch straeon pobl eraill yn breifat, a chymorth gan gymheiriaid yw hwn, nid cyngor meddygol.',
  health: 'Rwy’n cytuno y gall y gymuned storio’r wybodaeth iechyd rwy’n dewis ei rhannu mewn negeseuon a’m proffil (dewisol). Gallwch dynnu hyn yn ôl unrhyw bryd o’ch proffil; yna caiff yr hyn a rannwyd eisoes ei guddio rhag paru.',
  healthWhy: 'Mae gwybodaeth iechyd yn ddata categori arbennig, felly rydym yn gofyn ar wahân.',
  submit: 'Ymuno â’r gymuned',
  joining: 'Yn ymuno…',
  cancel: 'Nid nawr',
  guidelinesRequired: 'Cytunwch i ganllawiau’r gymuned i ymuno.',
  joined: (name: string) => `Rydych yn aelod fel ${name}.`,
  signOut: 'Allgofnodi',
  loading: 'Yn llwytho…',
  unavailable: 'Nid yw ymuno ar gael yma ar hyn o bryd.',
};

export const joinMessages = defineMessages({en, cy});
