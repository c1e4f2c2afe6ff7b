// The Welsh strings of moderation.messages.ts, in a module of their own: the script-tag bundle loads them only on a
// page whose language resolves to Welsh (issue 16; see defineMessages in src/i18n/messages.ts).
import type {ModerationMessages} from './moderation.messages.js';

export const cy: ModerationMessages = {
  holdWhy: (code: string | null): string => ({
    moderation: 'Mae cymedrolwr yn darllen pob neges yma yn gyntaf, i gadw’r gymuned yn ddiogel.',
    'first-posts': 'Mae cymedrolwr yn darllen ychydig o negeseuon cyntaf aelodau newydd cyn iddynt ymddangos. Diolch am eich amynedd.',
    'contact-details': 'Mae’n cynnwys cyfeiriad e-bost neu rif ffôn. Er mwyn cadw pawb yn ddiogel, mae cymedrolwr yn gwirio’r rhain cyn iddynt ymddangos. Efallai y byddai’n well gennych eu dileu.',
    links: 'Mae’n cynnwys mwy na dwy ddolen, felly mae cymedrolwr yn ei gwirio’n gyntaf.',
    'banned-word': 'Mae’n cynnwys gair y mae’r gymuned hon yn gofyn i gymedrolwr ei wirio’n gyntaf.',
    'crisis-review': 'Diolch am rannu hyn. Bydd person o’n tîm cymedroli yn darllen eich neges cyn bo hir, cyn i eraill ei gweld. Dydych chi ddim mewn trwbl. Os oes angen help arnoch chi nawr, mae “Angen help nawr?” yn rhestru pobl y gallwch chi siarad â nhw ar unwaith.',
  } as Record<string, string>)[code ?? ''] ?? '',
};
