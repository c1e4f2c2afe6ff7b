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
};
export const communityMessages = defineMessages({en, cy}, 'community');
