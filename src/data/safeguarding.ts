// Safeguarding (issue 7): UK crisis contacts by nation and language, configurable per community.
// Pure: no DOM, no Lit. Numbers checked against the services' own pages (2026); a community may add
// its own (a charity helpline) or leave some out, but 999 and Samaritans are always kept.
import type {CommunityCrisisContacts, Locale, LocalizedText, Nation} from './types.js';

export interface CrisisContact {
  id: string;
  /** Who to contact ("Samaritans"). */
  name: LocalizedText;
  /** What they offer and when. */
  detail: LocalizedText;
  /** Number as people read it ("116 123"). */
  number: string;
  /** `tel:` or `sms:` URI. */
  href: string;
  /** Text message rather than a call. */
  sms: boolean;
  /** Nations where it applies; null = all of the UK. */
  nations: Nation[] | null;
}

export const UK_CRISIS_CONTACTS: readonly CrisisContact[] = [
  {
    id: 'emergency', number: '999', href: 'tel:999', sms: false, nations: null,
    name: {en: 'Emergency services', cy: 'Gwasanaethau brys'},
    detail: {en: 'If your life or someone else’s is at risk now.', cy: 'Os yw eich bywyd chi neu fywyd rhywun arall mewn perygl nawr.'},
  },
  {
    id: 'nhs111-wales', number: '111', href: 'tel:111', sms: false, nations: ['wales'],
    name: {en: 'NHS 111 Wales – press 2 for mental health', cy: 'GIG 111 Cymru – pwyswch 2 ar gyfer iechyd meddwl'},
    detail: {en: 'Free, 24 hours a day, for urgent mental health help.', cy: 'Am ddim, 24 awr y dydd, am help brys gyda iechyd meddwl.'},
  },
  {
    id: 'nhs111', number: '111', href: 'tel:111', sms: false, nations: ['england'],
    name: {en: 'NHS 111 – press 2 for mental health', cy: 'GIG 111 – pwyswch 2 ar gyfer iechyd meddwl'},
    detail: {en: 'Free, 24 hours a day, for urgent help.', cy: 'Am ddim, 24 awr y dydd, am help brys.'},
  },
  {
    id: 'nhs24', number: '111', href: 'tel:111', sms: false, nations: ['scotland'],
    name: {en: 'NHS 24', cy: 'GIG 24'},
    detail: {en: 'Free, 24 hours a day, for urgent help.', cy: 'Am ddim, 24 awr y dydd, am help brys.'},
  },
  {
    id: 'samaritans', number: '116 123', href: 'tel:116123', sms: false, nations: null,
    name: {en: 'Samaritans', cy: 'Samariaid'},
    detail: {en: 'Free, 24 hours a day, to talk about anything.', cy: 'Am ddim, 24 awr y dydd, i siarad am unrhyw beth.'},
  },
  {
    id: 'samaritans-cy', number: '0808 164 0123', href: 'tel:08081640123', sms: false, nations: null,
    name: {en: 'Samaritans Welsh-language line', cy: 'Llinell Gymraeg y Samariaid'},
    detail: {en: 'Free, in Welsh, 7pm to 11pm every day.', cy: 'Am ddim, yn Gymraeg, 7pm tan 11pm bob dydd.'},
  },
  {
    id: 'shout', number: '85258', href: 'sms:85258', sms: true, nations: null,
    name: {en: 'Shout – text SHOUT', cy: 'Shout – tecstiwch SHOUT'},
    detail: {en: 'Free text support, 24 hours a day.', cy: 'Cymorth am ddim drwy neges destun, 24 awr y dydd.'},
  },
  {
    id: 'call', number: '0800 132 737', href: 'tel:0800132737', sms: false, nations: ['wales'],
    name: {en: 'C.A.L.L. mental health helpline', cy: 'Llinell gymorth iechyd meddwl C.A.L.L.'},
    detail: {en: 'Free, 24 hours a day, for people in Wales.', cy: 'Am ddim, 24 awr y dydd, i bobl yng Nghymru.'},
  },
  {
    id: 'lifeline', number: '0808 808 8000', href: 'tel:08088088000', sms: false, nations: ['northern-ireland'],
    name: {en: 'Lifeline', cy: 'Lifeline'},
    detail: {en: 'Free, 24 hours a day, in Northern Ireland.', cy: 'Am ddim, 24 awr y dydd, yng Ngogledd Iwerddon.'},
  },
  {
    id: 'childline', number: '0800 1111', href: 'tel:08001111', sms: false, nations: null,
    name: {en: 'Childline', cy: 'Childline'},
    detail: {en: 'Free, 24 hours a day, for anyone under 19.', cy: 'Am ddim, 24 awr y dydd, i unrhyw un dan 19 oed.'},
  },
  {
    id: 'breathing-space', number: '0800 83 85 87', href: 'tel:0800838587', sms: false, nations: ['scotland'],
    name: {en: 'Breathing Space', cy: 'Breathing Space'},
    detail: {en: 'Free, evenings and weekends, for people in Scotland.', cy: 'Am ddim, gyda’r nos ac ar benwythnosau, i bobl yn yr Alban.'},
  },
];

/** The contacts for a nation, emergency first (England's when no nation is known). */
export function crisisContactsFor(nation: Nation | null | undefined): CrisisContact[] {
  const n = nation ?? 'england';
  return UK_CRISIS_CONTACTS.filter((c) => c.nations === null || c.nations.includes(n));
}

/** A community's own choices about the contacts it shows. */
export interface SafeguardingConfig {
  nation?: Nation | null;
  /** Extra contacts (a charity's helpline), shown after the emergency number. */
  extra?: readonly CrisisContact[];
  /** Ids of default contacts to leave out; `emergency` and `samaritans` cannot be left out. */
  hide?: readonly string[];
}

/** Contacts that are always shown, whatever a community configures. */
export const ALWAYS_SHOWN: readonly string[] = ['emergency', 'samaritans'];

const TEL = /^(?:tel|sms):\+?[0-9]{3,15}$/;

/**
 * The contacts a community shows, in order: emergency, the community's extras, then the defaults for
 * its nation. In Welsh, the Welsh-language Samaritans line comes straight after the emergency number.
 * Extras with a link that is not `tel:` or `sms:` digits are dropped.
 */
export function contactsFor(config: SafeguardingConfig = {}, locale: Locale = 'en'): CrisisContact[] {
  const hide = new Set((config.hide ?? []).filter((id) => !ALWAYS_SHOWN.includes(id)));
  const defaults = crisisContactsFor(config.nation).filter((c) => !hide.has(c.id));
  const extra = (config.extra ?? []).filter((c) => TEL.test(c.href) && c.name?.en && !defaults.some((d) => d.id === c.id));
  const [emergency, ...rest] = defaults;
  if (locale === 'cy') {
    const i = rest.findIndex((c) => c.id === 'samaritans-cy');
    if (i > 0) rest.unshift(...rest.splice(i, 1));
  }
  return [emergency, ...extra, ...rest];
}

// Issue 14: a community's own choices, kept in its settings (settings.crisisContacts) and edited in
// <kin-community-admin>; <kin-crisis-help> reads them from the community.

/** Default contacts a community may leave out (all but 999 and Samaritans). */
export const HIDEABLE_CONTACTS: readonly string[] = UK_CRISIS_CONTACTS.map((c) => c.id).filter((id) => !ALWAYS_SHOWN.includes(id));
/** At most this many contacts of a community's own. */
export const MAX_COMMUNITY_CONTACTS = 3;

/** "0300 222 5800" → "03002225800" (a leading + kept); null when it is not 3–15 digits. */
export function dialable(number: string): string | null {
  const n = number.replace(/\s+/g, '');
  return /^\+?[0-9]{3,15}$/.test(n) ? n : null;
}

/** The SafeguardingConfig a community's stored choices (settings.crisisContacts) make; malformed entries are left out. */
export function communitySafeguarding(stored: CommunityCrisisContacts | null | undefined): Pick<SafeguardingConfig, 'extra' | 'hide'> {
  if (!stored || typeof stored !== 'object') return {};
  const extra: CrisisContact[] = [];
  (Array.isArray(stored.extra) ? stored.extra : []).slice(0, MAX_COMMUNITY_CONTACTS).forEach((c, i) => {
    const digits = typeof c?.number === 'string' ? dialable(c.number) : null;
    if (!digits || typeof c.name?.en !== 'string' || !c.name.en) return;
    extra.push({
      id: `community-${i}`, name: c.name, detail: c.detail && typeof c.detail.en === 'string' ? c.detail : {en: ''},
      number: c.number.trim(), href: `${c.sms ? 'sms' : 'tel'}:${digits}`, sms: !!c.sms, nations: null,
    });
  });
  const hide = (Array.isArray(stored.hide) ? stored.hide : []).filter((id) => typeof id === 'string' && HIDEABLE_CONTACTS.includes(id));
  return {extra, hide};
}
