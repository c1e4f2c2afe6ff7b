// The Welsh strings of community.messages.ts, in a module of their own: the script-tag bundle loads them only on a
// page whose language resolves to Welsh (issue 16; see defineMessages in src/i18n/messages.ts).
import type {CommunityMessages} from './community.messages.js';

export const cy: CommunityMessages = {
  title: 'Nid oedd modd llwytho’r gymuned hon. Os mai chi sy’n rhedeg y wefan hon, gwiriwch ei gosodiadau:',
  joinDialog: 'Ymuno â’r gymuned',
  signInTitle: 'Gorffen mewngofnodi',
  signInEmail: 'Y cyfeiriad e-bost yr anfonwyd y ddolen fewngofnodi ato',
  signInSubmit: 'Mewngofnodi',
  consentTitle: 'Llwytho’r gymuned?',
  consentBody:
    'Nid yw’r gymuned hon wedi’i llwytho eto. Mae ei llwytho’n cysylltu â gwasanaeth y gymuned ac, os byddwch chi’n cymryd rhan, yn cadw eich mewngofnodi ar y ddyfais hon. Does dim yn cael ei lwytho na’i gadw nes i chi gytuno.',
  consentAgree: 'Llwytho’r gymuned',
  preview: 'Rhagolwg — wedi’i gadw yn y porwr hwn yn unig',
  retrying: 'Byddwn yn dal i roi cynnig arni ohonom ein hunain; gallwch hefyd roi cynnig arni nawr.',
  againIntro: 'Fe wnaethoch fewngofnodi gyda’ch cyfeiriad e-bost. Byddwn yn anfon dolen atoch i fewngofnodi eto, fel eich bod yn dod yn ôl i’r un cyfrif.',
  againEmail: 'Eich cyfeiriad e-bost',
  againSend: 'Anfon dolen fewngofnodi ataf',
  againSent: 'Rydym wedi anfon dolen fewngofnodi atoch. Agorwch hi yn y porwr hwn i barhau lle’r oeddech chi.',
  againInvalid: 'Rhowch eich cyfeiriad e-bost, fel enw@example.org.',
  againFailed: 'Doedd dim modd anfon y ddolen ar hyn o bryd. Gwiriwch y cyfeiriad a rhowch gynnig arall arni.',
  storageMemoryOnly: 'Nid yw’r porwr hwn yn gadael i’r dudalen hon gadw ar eich dyfais (mae ei storfa wedi’i rhwystro neu’n llawn), felly dim ond tra bo’r dudalen hon ar agor y caiff yr hyn a wnewch yma ei gadw.',
};
