import {defineMessages} from '../../i18n/messages.js';

const en = {
  title: 'This community could not be loaded. If you run this website, check its set-up:',
  joinDialog: 'Join the community',
};
const cy: typeof en = {
  title: 'Nid oedd modd llwytho’r gymuned hon. Os mai chi sy’n rhedeg y wefan hon, gwiriwch ei gosodiadau:',
  joinDialog: 'Ymuno â’r gymuned',
};
export const communityMessages = defineMessages({en, cy});
