// Why a post is held, told kindly to its author (Post.statusReason codes from policy.initialPostStatus).
// Shared by <kin-discussion-thread> (the author's own held post) and <kin-moderation-queue>.
import {defineMessages} from './messages.js';

const en = {
  holdWhy: (code: string | null): string => ({
    moderation: 'Every post here is read by a moderator first, to keep the community safe.',
    'first-posts': 'A moderator reads new members’ first few posts before they appear. Thank you for your patience.',
    'contact-details': 'It contains an email address or phone number. To keep everyone safe, a moderator checks these before they appear. You may prefer to remove them.',
    links: 'It contains more than two links, so a moderator checks it first.',
    'banned-word': 'It contains a word this community asks a moderator to check first.',
    'crisis-review': 'Thank you for sharing this. A person from our moderation team will read your post soon, before others see it. You are not in trouble. If you need help now, “Need help now?” lists people you can talk to straight away.',
  } as Record<string, string>)[code ?? ''] ?? '',
};

const cy: typeof en = {
  holdWhy: (code: string | null): string => ({
    moderation: 'Mae cymedrolwr yn darllen pob neges yma yn gyntaf, i gadw’r gymuned yn ddiogel.',
    'first-posts': 'Mae cymedrolwr yn darllen ychydig o negeseuon cyntaf aelodau newydd cyn iddynt ymddangos. Diolch am eich amynedd.',
    'contact-details': 'Mae’n cynnwys cyfeiriad e-bost neu rif ffôn. Er mwyn cadw pawb yn ddiogel, mae cymedrolwr yn gwirio’r rhain cyn iddynt ymddangos. Efallai y byddai’n well gennych eu dileu.',
    links: 'Mae’n cynnwys mwy na dwy ddolen, felly mae cymedrolwr yn ei gwirio’n gyntaf.',
    'banned-word': 'Mae’n cynnwys gair y mae’r gymuned hon yn gofyn i gymedrolwr ei wirio’n gyntaf.',
    'crisis-review': 'Diolch am rannu hyn. Bydd person o’n tîm cymedroli yn darllen eich neges cyn bo hir, cyn i eraill ei gweld. Dydych chi ddim mewn trwbl. Os oes angen help arnoch chi nawr, mae “Angen help nawr?” yn rhestru pobl y gallwch chi siarad â nhw ar unwaith.',
  } as Record<string, string>)[code ?? ''] ?? '',
};

export const moderationMessages = defineMessages({en, cy}, 'moderation');
