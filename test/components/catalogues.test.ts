// Issue 18, "any language": a charity adds a language without code. It supplies a catalogue (the
// parsed JSON, in the shape of English), as the README's "Any language" section shows; the elements
// speak it where `lang` asks, fall back to English string by string with a console warning on a
// developer's page, and format numbers, plurals and dates through Intl for that language. The types
// (KindredCatalogue, KindredCatalogueComplete) reject a key English lacks (checked by tsc on this file).
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {addCatalogue, type KindredCatalogue, type KindredCatalogueComplete} from '../../src/i18n/catalogue.js';
import {englishCatalogue} from '../../src/i18n/english.js';
import {exactTime, formatDate, formatNumber, plural, pluralCategory, relativeTime} from '../../src/i18n/messages.js';
import {compileTemplate} from '../../src/i18n/catalogue.js';
import {LIMITS} from '../../src/data/policy.js';
import type {KinDiscussionThread} from '../../src/components/discussion-thread/discussion-thread.js';
import {KEY, alice, disposeStores, nextCommunityId, openStore, post, ready, seed, T0} from './discussion-thread.fixture.js';
import {text} from '../support/dom.js';


// Type checks (tsc --noEmit compiles this file; a wrong line fails `npm test`'s typecheck step).
const ok = {discussionThread: {submit: 'Publier', replies: '{0, plural, one {# réponse} other {# réponses}}'}} satisfies KindredCatalogue;
// @ts-expect-error a key English does not have is a type error
const typo = {discussionThread: {submitt: 'Publier'}} satisfies KindredCatalogue;
// @ts-expect-error a namespace English does not have is a type error
const badNamespace = {discusionThread: {submit: 'Publier'}} satisfies KindredCatalogue;
// @ts-expect-error a complete catalogue must have every English string
const incomplete: KindredCatalogueComplete = {common: {loading: '…'}};
void [ok, typo, badNamespace, incomplete];

function captureWarnings(): {warnings: string[]; restore: () => void} {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
    original.apply(console, args);
  };
  return {warnings, restore: () => (console.warn = original)};
}

function world() {
  return seed(nextCommunityId(), [
    post('p1', alice, {body: 'مرحبا بالجميع', createdAt: T0}),
    post('p2', alice, {body: 'شكرا', createdAt: T0 + 60000, parentId: 'p1'}),
  ]);
}

describe('a charity adds a language without code (issue 18)', () => {
  afterEach(disposeStores);

  it('an Arabic JSON catalogue, added as the README shows, is spoken where lang="ar"; a missing string is English, with a warning', async () => {
    const {warnings, restore} = captureWarnings();
    try {
      // README "Any language": fetch the charity's JSON and add it.
      const arabic = await (await fetch('/test/fixtures/catalogues/ar.json')).json();
      addCatalogue('ar', arabic);
      const store = await openStore(world(), 'alice');
      const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang="ar" dir="rtl">
        <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread></kin-community>`);
      const el = root.querySelector('kin-discussion-thread') as KinDiscussionThread;
      await ready(el);
      const shadow = el.shadowRoot!;
      await waitUntil(() => shadow.querySelector('form.composer'), 'composer');
      // Supplied strings (plain, a template with arguments, a select) are Arabic.
      expect(text(shadow.querySelector('form.composer [part="submit"]'))).to.equal('نشر');
      expect(text(shadow.querySelector('label[for="compose"]'))).to.equal('اكتب منشورًا');
      expect(text(shadow.querySelector('#compose-count'))).to.equal(`0 من ${formatNumber(LIMITS.postBody, 'ar')} حرف`);
      const reactions = [...shadow.querySelectorAll('[part~="reaction"]')].map((b) => text(b));
      expect(reactions.join(' ')).to.contain('عناق').and.to.contain('شكرًا');
      // A string the catalogue leaves out is English, not blank, and the developer is told which.
      expect(text(shadow.querySelector('#compose-hint'))).to.contain('Ctrl+Enter');
      expect(warnings.some((w) => w.includes('"ar"') && w.includes('discussionThread.{') && w.includes('shortcut')), warnings.join('\n')).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });

  it('a catalogue added after the element rendered takes over, and a bad template falls back to English with a warning', async () => {
    const {warnings, restore} = captureWarnings();
    try {
      const store = await openStore(world(), 'alice');
      const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang="fr">
        <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread></kin-community>`);
      const el = root.querySelector('kin-discussion-thread') as KinDiscussionThread;
      await ready(el);
      const submit = () => text(el.shadowRoot!.querySelector('form.composer [part="submit"]'));
      expect(submit()).to.equal('Post');
      addCatalogue('fr', {discussionThread: {submit: 'Publier', charCount: '{0} sur {1 caractères'}});
      await waitUntil(() => submit() === 'Publier', `still "${submit()}"`);
      expect(text(el.shadowRoot!.querySelector('#compose-count'))).to.equal(`0 of ${LIMITS.postBody} characters`);
      expect(warnings.some((w) => w.includes('discussionThread.charCount is not a valid template')), warnings.join('\n')).to.equal(true);
    } finally {
      restore();
    }
  });

  it('on a live site (not localhost) a missing string is English without a console warning', async () => {
    const {warnings, restore} = captureWarnings();
    (globalThis as {kindredDev?: boolean}).kindredDev = false;
    try {
      addCatalogue('de', {discussionThread: {submit: 'Senden'}});
      const store = await openStore(world(), 'alice');
      const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang="de-AT">
        <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread></kin-community>`);
      const el = root.querySelector('kin-discussion-thread') as KinDiscussionThread;
      await ready(el);
      expect(text(el.shadowRoot!.querySelector('form.composer [part="submit"]'))).to.equal('Senden');
      expect(text(el.shadowRoot!.querySelector('label[for="compose"]'))).to.equal('Write a post');
      expect(warnings.filter((w) => w.includes('Kindred:'))).to.deep.equal([]);
    } finally {
      delete (globalThis as {kindredDev?: boolean}).kindredDev;
      restore();
    }
  });

  it('plurals, numbers and dates come from Intl for the language; Welsh has all six plural categories', () => {
    expect([0, 1, 2, 3, 4, 6, 7].map((n) => pluralCategory(n, 'cy'))).to.deep.equal(['zero', 'one', 'two', 'few', 'other', 'many', 'other']);
    const cy = compileTemplate('{0, plural, zero {dim cathod} one {# gath} two {# gath} few {# chath} many {# chath} other {# cath}}', 'cy');
    expect([0, 1, 2, 3, 6, 7].map((n) => cy(n))).to.deep.equal(['dim cathod', '1 gath', '2 gath', '3 chath', '6 chath', '7 cath']);
    expect(plural(2, 'ar', {one: 'رد واحد', two: 'ردّان', other: '# رد'})).to.equal('ردّان');
    const ar = compileTemplate('{0, plural, zero {لا ردود} one {رد واحد} two {ردّان} few {# ردود} many {# ردًا} other {# رد}}', 'ar');
    expect([0, 1, 2, 5, 11, 100].map((n) => ar(n))).to.deep.equal(['لا ردود', 'رد واحد', 'ردّان', `${formatNumber(5, 'ar')} ردود`, `${formatNumber(11, 'ar')} ردًا`, `${formatNumber(100, 'ar')} رد`]);
    // Numbers and lists in the language's own form.
    expect(formatNumber(1234567.5, 'fr')).to.equal(new Intl.NumberFormat('fr').format(1234567.5));
    expect(formatNumber(1234567.5, 'fr')).not.to.equal('1,234,567.5');
    expect(compileTemplate('{0} et {1}', 'fr')(['a', 'b', 'c'], 1500)).to.equal(`${new Intl.ListFormat('fr').format(['a', 'b', 'c'])} et ${new Intl.NumberFormat('fr').format(1500)}`);
    // Dates: French and Arabic from Intl; Welsh by the kit while Chromium has no Welsh date data.
    const day = Date.UTC(2024, 11, 29, 12);
    expect(formatDate(day, 'fr', {utc: true})).to.equal('29 décembre 2024');
    expect(formatDate(day, 'ar', {utc: true})).to.equal(new Intl.DateTimeFormat('ar', {dateStyle: 'long', timeZone: 'UTC'}).format(day));
    expect(formatDate(day, 'cy', {utc: true})).to.equal('29 Rhagfyr 2024');
    expect(formatDate(day, 'en', {utc: true})).to.equal('29 December 2024');
    expect(relativeTime(Date.now() - 3 * 60000, 'fr')).to.equal('il y a 3 minutes');
    expect(relativeTime(Date.now() - 3 * 60000, 'cy')).to.equal('3 munud yn ôl');
    // Select, with null for an empty argument.
    const sel = compileTemplate('{0, select, null {un message} other {un message dans « {0} »}}', 'fr');
    expect([sel(null), sel('Marche')]).to.deep.equal(['un message', 'un message dans « Marche »']);
  });

  it('English dates and relative times, formatted without Intl (issue 16), read exactly as Intl\'s en-GB', () => {
    const rtf = new Intl.RelativeTimeFormat('en-GB', {numeric: 'auto'});
    const long = new Intl.DateTimeFormat('en-GB', {dateStyle: 'long'});
    const longUtc = new Intl.DateTimeFormat('en-GB', {dateStyle: 'long', timeZone: 'UTC'});
    const exact = new Intl.DateTimeFormat('en-GB', {dateStyle: 'medium', timeStyle: 'short'});
    const now = Date.UTC(2026, 11, 7, 8, 0);
    // Every month, midnight and late evening, single- and double-digit days.
    for (let m = 0; m < 12; m++) {
      for (const [d, h, min] of [[1, 0, 0], [9, 9, 5], [28, 23, 59]]) {
        const t = new Date(2026, m, d, h, min).getTime();
        expect(formatDate(t, 'en'), `formatDate ${t}`).to.equal(long.format(t));
        expect(formatDate(t, 'en', {utc: true}), `formatDate utc ${t}`).to.equal(longUtc.format(t));
        expect(exactTime(t, 'en'), `exactTime ${t}`).to.equal(exact.format(t));
      }
    }
    // Past and future, each unit, the named ones ("now", "yesterday", "last month", "next year") and grouping.
    const seconds = [0, 30, 44, 45, 60, 89, 90, 600, 2699, 2700, 3600, 5400, 7200, 79199, 79200, 86400, 129600, 172800,
      26 * 86400, 45 * 86400, 60 * 86400, 319 * 86400, 320 * 86400, 400 * 86400, 800 * 86400, 1500 * 365 * 86400];
    for (const s of seconds) {
      for (const sign of [-1, 1]) {
        const t = now + sign * s * 1000;
        const diff = (t - now) / 1000;
        const abs = Math.abs(diff);
        const [v, u]: [number, Intl.RelativeTimeFormatUnit] = abs < 45 ? [0, 'second'] : abs < 2700 ? [Math.round(diff / 60), 'minute']
          : abs < 79200 ? [Math.round(diff / 3600), 'hour'] : abs < 26 * 86400 ? [Math.round(diff / 86400), 'day']
            : abs < 320 * 86400 ? [Math.round(diff / (30 * 86400)), 'month'] : [Math.round(diff / (365 * 86400)), 'year'];
        expect(relativeTime(t, 'en', now), `relativeTime ${sign * s} s`).to.equal(rtf.format(v, u));
      }
    }
    expect(relativeTime(now - 86400000, 'en', now)).to.equal('yesterday');
    expect(relativeTime(now - 3 * 60000, 'en', now)).to.equal('3 minutes ago');
  });

  it('English in catalogue shape is the translator\'s starting point: every namespace, templates for functions', () => {
    const en = englishCatalogue();
    expect(en.discussionThread.submit).to.equal('Post');
    expect(en.discussionThread.replyLabel).to.equal('Reply to {0}');
    expect(en.common.loading).to.equal('Loading…');
    expect(Object.keys(en)).to.include.members(['common', 'join', 'profile', 'directory', 'peerMatchCard', 'founderStoryBanner', 'crisisHelp', 'moderationQueue', 'communityAdmin', 'notifications', 'safety']);
    expect(JSON.parse(JSON.stringify(en))).to.deep.equal(en);
  });
});
