import {defineMessages} from '../../i18n/messages.js';

const en = {
  title: 'This community could not be loaded. If you run this website, check its set-up:',
  joinDialog: 'Join the community',
  signInTitle: 'Finish signing in',
  signInEmail: 'The email address the sign-in link was sent to',
  signInSubmit: 'Sign in',
  consentTitle: 'Load the community?',
  consentBody:
    'This community is not loaded yet. Loading it connects to the community’s service and, if you take part, keeps your sign-in on this device. Nothing is loaded or stored until you agree.',
  consentAgree: 'Load the community',
  preview: 'Preview — stored only in this browser',
  // Issue 17: the community's code or data did not arrive (network, server); tried again with backoff.
  retrying: 'We will keep trying by ourselves; you can also try now.',
  // Issue 17 (fault): IndexedDB blocked, full or denied in this frame: the store goes on in memory.
  // Issue 17 (fault): "Sign in again" for a member who had signed in with an email link.
  againIntro: 'You signed in with your email address. We will email you a link to sign in again, so you come back to the same account.',
  againEmail: 'Your email address',
  againSend: 'Email me a sign-in link',
  againSent: 'We have sent you a sign-in link. Open it in this browser to carry on where you were.',
  againInvalid: 'Enter your email address, like name@example.org.',
  againFailed: 'We could not send the link just now. Check the address and try again.',
  storageMemoryOnly: 'This browser is not letting this page save on your device (its storage is blocked or full), so what you do here is kept only while this page stays open.',
};
const cy: typeof en = {
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
export const communityMessages = defineMessages({en, cy}, 'community');
