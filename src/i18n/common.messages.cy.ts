// The Welsh strings of common.messages.ts, in a module of their own: the script-tag bundle loads them only on a
// page whose language resolves to Welsh (issue 16; see defineMessages in src/i18n/messages.ts).
import type {CommonMessages} from './common.messages.js';
import type {KindredErrorCode} from '../data/errors.js';

export const cy: CommonMessages = {
  loading: 'Yn llwytho…',
  slowLoading: 'Mae hyn yn cymryd mwy o amser nag arfer. Rydym yn dal i geisio cyrraedd y gymuned a byddwn yn ei dangos yma cyn gynted ag y bydd yn ateb: does dim angen ail-lwytho’r dudalen.',
  retry: 'Rhowch gynnig arall arni',
  offline: 'Rydych all-lein. Caiff yr hyn rydych yn ei ysgrifennu ei gadw ar y ddyfais hon a’i anfon pan fyddwch yn ailgysylltu.',
  reconnecting: 'Yn ailgysylltu â’r gymuned… Efallai fod yr hyn a welwch wedi dyddio; caiff yr hyn a ysgrifennwch ei gadw a’i anfon pan fyddwn yn ôl.',
  signedOut: 'Ymunwch â’r gymuned i gymryd rhan.',
  sessionExpired: 'Mae eich mewngofnodi wedi dod i ben. Mewngofnodwch eto i gymryd rhan: caiff yr hyn a ysgrifennoch ei gadw ar y ddyfais hon.',
  signInAgain: 'Mewngofnodi eto',
  join: 'Ymuno',
  signIn: 'Mewngofnodi',
  membersOnly: 'Mae’r gymuned hon ar gyfer aelodau yn unig. Ymunwch i ddarllen a chymryd rhan.',
  configError: 'Nid oedd modd llwytho’r gymuned hon.',
  communityMissing: 'Nid yw’r gymuned hon wedi’i gosod eto. Os mai chi sy’n rhedeg y wefan hon, gwiriwch briodoledd community="…" <kin-community>.',
  needHelp: 'Angen help nawr?',
  relationship_patient: 'Claf',
  relationship_carer: 'Gofalwr neu deulu',
  relationship_professional: 'Gweithiwr proffesiynol',
  relationship_other: 'Aelod',
  badge_admin: 'Gweinyddwr',
  badge_moderator: 'Cymedrolwr',
  badge_founder: 'Sylfaenydd',
  badge_clinician: 'Clinigydd wedi’i ddilysu',
  error: (code: KindredErrorCode): string => ({
    'permission-denied': 'Nid oes gennych ganiatâd i wneud hynny.',
    'invalid-argument': 'Nid yw rhywbeth a roesoch yn ddilys. Gwiriwch a rhowch gynnig arall arni.',
    'not-found': 'Doedd dim modd dod o hyd i hynny. Efallai ei fod wedi’i ddileu.',
    unavailable: 'Ni allwn gyrraedd y gymuned ar hyn o bryd. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.',
    'rate-limited': 'Roedd hynny’n gyflym! Arhoswch ychydig eiliadau a rhowch gynnig arall arni.',
    unauthenticated: 'Mewngofnodwch neu ymunwch yn gyntaf.',
    'already-exists': 'Mae hynny’n bodoli eisoes.',
    misconfigured: 'Nid yw’r gymuned hon wedi’i gosod yn gywir.',
    internal: 'Aeth rhywbeth o’i le ar ein hochr ni. Rhowch gynnig arall arni.',
    conflict: 'Cafodd hwn ei newid yn rhywle arall tra oeddech chi’n gweithio arno. Ni chafodd dim ei ysgrifennu drosto.',
  })[code],
};
