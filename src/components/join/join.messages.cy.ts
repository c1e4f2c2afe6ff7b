// The Welsh strings of join.messages.ts, in a module of their own: the script-tag bundle loads them only on a
// page whose language resolves to Welsh (issue 16; see defineMessages in src/i18n/messages.ts).
import type {JoinMessages} from './join.messages.js';

export const cy: JoinMessages = {
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
  readGuidelines: 'Darllen canllawiau’r gymuned',
  joined: (name: string) => `Rydych yn aelod fel ${name}.`,
  signOut: 'Allgofnodi',
  loading: 'Yn llwytho…',
  unavailable: 'Nid yw ymuno ar gael yma ar hyn o bryd.',
};
