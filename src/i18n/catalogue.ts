// Issue 18: a charity adds a language without code. A catalogue is the parsed JSON (or an object) in
// the shape of English: one object per element namespace, one string per message. TypeScript users
// check theirs with `satisfies KindredCatalogue` (keys must exist in English) or
// `KindredCatalogueComplete` (every English string must be there). Missing strings fall back to
// English, with a console warning on a developer's page (see devMode in messages.ts).
import type {Locale} from '../data/types.js';
import {formatList, formatNumber, pluralCategory, registerCatalogue, toLocale} from './messages.js';
import type {commonMessages} from './common.messages.js';
import type {moderationMessages} from './moderation.messages.js';
import type {safetyMessages} from './safety.messages.js';
import type {communityMessages} from '../components/community/community.messages.js';
import type {communityAdminMessages} from '../components/community-admin/community-admin.messages.js';
import type {crisisHelpMessages} from '../components/crisis-help/crisis-help.messages.js';
import type {directoryMessages} from '../components/member-directory/member-directory.messages.js';
import type {discussionThreadMessages} from '../components/discussion-thread/discussion-thread.messages.js';
import type {emailNotificationsMessages} from '../components/profile/email-notifications.messages.js';
import type {founderStoryBannerMessages} from '../components/founder-story-banner/founder-story-banner.messages.js';
import type {joinMessages} from '../components/join/join.messages.js';
import type {moderationQueueMessages} from '../components/moderation-queue/moderation-queue.messages.js';
import type {notificationsMessages} from '../components/notifications/notifications.messages.js';
import type {peerMatchCardMessages} from '../components/peer-match-card/peer-match-card.messages.js';
import type {profileMessages} from '../components/profile/profile.messages.js';

/**
 * One namespace: every English key. A plain string where English has one; where English is a function,
 * a template string (JSON: `{0}`, `{0, plural, …}`, `{0, select, …}`) or, in a JS object, a function
 * with English's signature.
 */
type Strings<F extends (locale: Locale) => object> = {[K in keyof ReturnType<F>]: ReturnType<F>[K] extends string ? string : string | ReturnType<F>[K]};

/** A complete catalogue: every string English has, in every namespace. */
export interface KindredCatalogueComplete {
  common: Strings<typeof commonMessages>;
  moderation: Strings<typeof moderationMessages>;
  safety: Strings<typeof safetyMessages>;
  community: Strings<typeof communityMessages>;
  communityAdmin: Strings<typeof communityAdminMessages>;
  crisisHelp: Strings<typeof crisisHelpMessages>;
  directory: Strings<typeof directoryMessages>;
  discussionThread: Strings<typeof discussionThreadMessages>;
  emailNotifications: Strings<typeof emailNotificationsMessages>;
  founderStoryBanner: Strings<typeof founderStoryBannerMessages>;
  join: Strings<typeof joinMessages>;
  moderationQueue: Strings<typeof moderationQueueMessages>;
  notifications: Strings<typeof notificationsMessages>;
  peerMatchCard: Strings<typeof peerMatchCardMessages>;
  profile: Strings<typeof profileMessages>;
}

/** A catalogue that may leave strings out (they are shown in English); a key English lacks is a type error. */
export type KindredCatalogue = {[N in keyof KindredCatalogueComplete]?: Partial<KindredCatalogueComplete[N]>};

/**
 * Adds (or extends) a language: `addCatalogue('ar', arabic)`, then `<kin-community lang="ar" dir="rtl">`.
 * Elements already on the page switch when their `lang` asks for it. Returns the normalised tag.
 */
export function addCatalogue(lang: string, catalogue: KindredCatalogue): Locale {
  return registerCatalogue(lang, catalogue as Record<string, unknown>, compileTemplate);
}

type Node = string | {hash: true} | {arg: number; kind?: 'plural' | 'select' | 'number'; options?: Record<string, Node[]>};

/** Parses a message template into nodes; throws with the position of a mistake. */
function parseTemplate(src: string, at: {i: number}, depth: number, inPlural: boolean): Node[] {
  const nodes: Node[] = [];
  let buf = '';
  const flush = () => {
    if (buf) nodes.push(buf);
    buf = '';
  };
  while (at.i < src.length) {
    const c = src[at.i];
    if (c === '}') {
      if (depth === 0) throw new Error(`unexpected "}" at ${at.i}`);
      break;
    }
    if (c === '#' && inPlural) {
      flush();
      nodes.push({hash: true});
      at.i++;
      continue;
    }
    if (c !== '{') {
      buf += c;
      at.i++;
      continue;
    }
    flush();
    const head = /^\{\s*(\d+)\s*(?:,\s*(plural|select|number)\s*)?(,|\})/.exec(src.slice(at.i));
    if (!head) throw new Error(`expected {0}, {0, plural, …} or {0, select, …} at ${at.i}`);
    at.i += head[0].length;
    const arg = Number(head[1]);
    const kind = head[2] as 'plural' | 'select' | 'number' | undefined;
    if (head[3] === '}') {
      if (kind === 'plural' || kind === 'select') throw new Error(`${kind} needs options at ${at.i}`);
      nodes.push(kind ? {arg, kind} : {arg});
      continue;
    }
    if (kind !== 'plural' && kind !== 'select') throw new Error(`unexpected "," at ${at.i}`);
    const options: Record<string, Node[]> = {};
    for (;;) {
      const opt = /^\s*(\}|=?[\p{L}\p{N}_-]+)\s*(\{)?/u.exec(src.slice(at.i));
      if (!opt) throw new Error(`expected an option at ${at.i}`);
      at.i += opt[0].length;
      if (opt[1] === '}') break;
      if (!opt[2]) throw new Error(`expected "{" after ${opt[1]}`);
      options[opt[1]] = parseTemplate(src, at, depth + 1, kind === 'plural');
      if (src[at.i] !== '}') throw new Error(`unclosed option ${opt[1]}`);
      at.i++;
    }
    if (!options.other) throw new Error(`${kind} needs an "other" option`);
    nodes.push({arg, kind, options});
  }
  flush();
  return nodes;
}

function renderNodes(nodes: Node[], args: unknown[], lang: string, n: number): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') out += node;
    else if ('hash' in node) out += formatNumber(n, lang);
    else {
      const v = args[node.arg];
      if (node.kind === 'plural') {
        const num = Number(v);
        const key = node.options![`=${num}`] ? `=${num}` : pluralCategory(num, lang);
        out += renderNodes(node.options![key] ?? node.options!.other, args, lang, num);
      } else if (node.kind === 'select') {
        const key = v === null || v === undefined || v === '' ? 'null' : String(v);
        out += renderNodes(node.options![key] ?? node.options!.other, args, lang, n);
      } else if (typeof v === 'number') out += formatNumber(v, lang);
      else if (Array.isArray(v)) out += formatList(v.map(String), lang);
      else out += v === null || v === undefined ? '' : String(v);
    }
  }
  return out;
}

/** Turns a template ("{0} replies", "{0, plural, one {# reply} other {# replies}}") into a message function. */
export function compileTemplate(template: string, lang: string): (...args: unknown[]) => string {
  const nodes = parseTemplate(template, {i: 0}, 0, false);
  return (...args: unknown[]) => renderNodes(nodes, args, lang, 0);
}


export {toLocale};
