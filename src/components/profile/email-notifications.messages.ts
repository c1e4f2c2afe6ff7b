import {defineMessages} from '../../i18n/messages.js';

const en = {
  heading: 'Email notifications',
  hint: 'Emails say only that something happened in the community, never what anyone wrote. You can stop them from any email with one click.',
  how: 'Send me emails',
  off: 'Never',
  immediate: 'As things happen (replies, connection requests, moderation news)',
  daily: 'One daily summary',
  address: 'Email address',
  addressHint: 'Leave empty to use the address you sign in with. Only you and the email service see it.',
  language: 'Language of the emails',
  en: 'English',
  cy: 'Cymraeg (Welsh)',
  save: 'Save email settings',
  saved: 'Email settings saved.',
  badAddress: 'This does not look like an email address: check it, or leave it empty to use your sign-in address.',
};

const cy: typeof en = {
  heading: 'Hysbysiadau e-bost',
  hint: 'Mae negeseuon e-bost yn dweud dim ond bod rhywbeth wedi digwydd yn y gymuned, byth beth ysgrifennodd unrhyw un. Gallwch eu hatal o unrhyw e-bost gydag un clic.',
  how: 'Anfon negeseuon e-bost ataf',
  off: 'Byth',
  immediate: 'Wrth i bethau ddigwydd (atebion, ceisiadau i gysylltu, newyddion cymedroli)',
  daily: 'Un crynodeb dyddiol',
  address: 'Cyfeiriad e-bost',
  addressHint: 'Gadewch yn wag i ddefnyddio’r cyfeiriad rydych yn mewngofnodi ag ef. Dim ond chi a’r gwasanaeth e-bost sy’n ei weld.',
  language: 'Iaith y negeseuon e-bost',
  en: 'English (Saesneg)',
  cy: 'Cymraeg',
  save: 'Cadw gosodiadau e-bost',
  saved: 'Cadwyd gosodiadau e-bost.',
  badAddress: 'Nid yw hwn yn edrych fel cyfeiriad e-bost: gwiriwch ef, neu gadewch yn wag i ddefnyddio’ch cyfeiriad mewngofnodi.',
};

export const emailNotificationsMessages = defineMessages({en, cy}, 'emailNotifications');
