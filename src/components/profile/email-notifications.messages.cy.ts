// The Welsh strings of email-notifications.messages.ts, in a module of their own: the script-tag bundle loads them only on a
// page whose language resolves to Welsh (issue 16; see defineMessages in src/i18n/messages.ts).
import type {EmailNotificationsMessages} from './email-notifications.messages.js';

export const cy: EmailNotificationsMessages = {
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
