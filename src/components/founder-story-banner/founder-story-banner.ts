import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {classMap} from 'lit/directives/class-map.js';
import {Task} from '@lit/task';
import {KinElement} from '../kin-element.js';
import {CommunityConsumer} from '../../controllers/community-consumer.js';
import {LiveController} from '../../controllers/live.js';
import {OnlineController} from '../../controllers/online.js';
import type {CommunityStore, FounderStoryInput} from '../../data/store.js';
import type {FounderStory, Locale, MemberProfile} from '../../data/types.js';
import {KinJoinRequestEvent} from '../../events/join.js';
import {canEditFounderStory, isHttpsUrl} from '../../data/policy-basics.js';
import {isKindredError, toKindredError, type KindredErrorCode} from '../../data/errors.js';
import {pickLocalized} from '../../i18n/messages.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {reconnectingNotice} from '../../directives/reconnecting.js';
import {KinErrorEvent} from '../../events/kin-error.js';
import {KinStorySaveEvent} from '../../events/story-save.js';
import {KinStorySavedEvent} from '../../events/story-saved.js';
import {founderStoryBannerMessages} from './founder-story-banner.messages.js';
import styles from './founder-story-banner.styles.js';
import {
  EXCERPT_CHARS, FIELD_INPUT, SLOT_NAMES, media, pageImageUrl, skeleton, storyBody, text, toldDate,
  type Draft, type FounderStoryVariant, type Piece, type Problem, type SlotName, type View,
} from './founder-story-banner.parts.js';

export type {FounderStoryVariant} from './founder-story-banner.parts.js';

/**
 * The founder's story, in their words, with a call to join. The content comes from the community's
 * data (`founderStory`), from the page (attributes and slots), or both: page content wins over stored
 * content field by field, so the banner also works with no store at all (and then loads no Firebase code).
 *
 * @summary The inspired individual's story: photo, pull quote, story excerpt and a call to action.
 * @tagname kin-founder-story-banner
 * @slot story - Story paragraphs from the page (`<p slot="story">`); the first is the excerpt.
 * @slot quote - A pull quote from the page, instead of the `quote` attribute or stored quote.
 * @slot image - A photo from the page (give it alt text), instead of `image` / stored photo.
 * @slot cta - A call to action from the page, instead of `cta-label` / `cta-href` or the stored one.
 * @slot empty - Shown only when there is no story anywhere (the element is otherwise invisible).
 * @csspart base - The wrapper of everything the element shows.
 * @csspart image - The photo, or the initials shown instead of it.
 * @csspart name - The founder's name (the heading).
 * @csspart role - The founder's role ("Founder, mum of Cai").
 * @csspart quote - The pull quote.
 * @csspart story - The story paragraphs.
 * @csspart cta - The call-to-action link.
 * @cssproperty [--kin-founder-story-banner-background=#fdf6ee] - Background.
 * @cssproperty [--kin-founder-story-banner-accent=#b4235a] - Accent (quote mark, rule, call to action).
 * @cssproperty [--kin-founder-story-banner-accent-text=#ffffff] - Text on the accent colour.
 * @cssproperty [--kin-founder-story-banner-memorial-background=#f3f4f6] - Background in memorial mode.
 * @cssproperty [--kin-founder-story-banner-memorial-accent=#4b5563] - Accent in memorial mode.
 * @cssproperty [--kin-founder-story-banner-radius=12px] - Corner radius.
 * @cssproperty [--kin-founder-story-banner-padding=1.5rem] - Inner padding.
 * @cssproperty [--kin-founder-story-banner-image-ratio=4 / 5] - Aspect ratio reserved for the photo.
 * @cssproperty [--kin-founder-story-banner-quote-size=1.375rem] - Font size of the pull quote.
 * @cssproperty [--kin-founder-story-banner-reserve=25rem] - Block size kept for the text while the story loads and after (2.75rem in the compact variant), so the page does not shift when it arrives: set it to your story's height if it is longer.
 * @event kin-error - A problem with the content (photo without alt text, a link that is not https:), loading or saving.
 * @event kin-story-save - Cancelable: the founder or an admin is about to save the story.
 * @event kin-story-saved - The story was saved.
 * @event kin-join-request - Inside a `<kin-community>`, the visitor pressed the stored call to join: the root opens its join dialog (a page's own `cta-href` stays a link).
 */
export class KinFounderStoryBanner extends KinElement {
  static override styles = [KinElement.styles, styles];

  /** Founder's name or pseudonym (wins over the stored name). */
  @property() name = '';
  /**
   * Founder's role, e.g. "Founder, mum of Cai". (Not `role`: that attribute is the element's ARIA role,
   * and a free-text value there is invalid ARIA.)
   */
  @property({attribute: 'founder-role'}) founderRole = '';
  /** Pull quote. */
  @property() quote = '';
  /** Photo URL (`https:`, or a link on this site). Needs `image-alt`. */
  @property() image = '';
  /** Alt text describing the photo; without it the photo is not shown. */
  @property({attribute: 'image-alt'}) imageAlt = '';
  /** Label of the call to action. */
  @property({attribute: 'cta-label'}) ctaLabel = '';
  /** `https:` link of the call to action; any other link is refused. */
  @property({attribute: 'cta-href'}) ctaHref = '';
  /** The date the story was told (ISO date, e.g. 2024-03-12). */
  @property() told = '';
  /** Memorial mode: "In memory of …", calmer palette, no call to action unless set. */
  @property({type: Boolean, reflect: true}) memorial = false;
  /** Layout: `banner` (wide, photo beside text), `card` (narrow) or `compact` (one line and a link). */
  @property({reflect: true}) variant: FounderStoryVariant = 'banner';
  /** Level (1–6) of the heading that carries the founder's name, to fit the page outline. */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;
  /** Offer "Edit story" to a signed-in founder or admin of the community. */
  @property({type: Boolean}) editable = false;
  /** Show authoring warnings (photo without alt text, bad links) in place. For page authors. */
  @property({type: Boolean, attribute: 'dev-warnings'}) devWarnings = false;
  /** A store set directly (without a `<kin-community>` root). */
  @property({attribute: false}) store: CommunityStore | null = null;

  @state() private expanded = false;
  #network = new OnlineController(this, undefined, () => this.#consumer.store);
  private get offline() {
    return this.#network.offline;
  }
  @state() private draft: Draft | null = null;
  @state() private saving = false;
  @state() private saveError: {code: KindredErrorCode; field: string | null} | null = null;
  @state() private savedNotice = false;

  #consumer = new CommunityConsumer(this);
  #story = new LiveController<FounderStory | null, readonly [CommunityStore | null]>(this, {
    key: () => [this.#consumer.store] as const,
    subscribe: ([store], next, error) => (store ? store.watchCommunity((c) => next(c?.founderStory ?? null), error) : null),
    onValue: (value) => {
      this.#lastStory = value;
    },
  });
  #canEdit = new Task(this, {
    args: () => [this.#consumer.store, this.#consumer.user?.uid ?? null, this.editable] as const,
    task: async ([store, uid, editable]) => {
      if (!store || !uid || !editable) return false;
      try {
        return canEditFounderStory(await store.getRoles(uid));
      } catch {
        return false;
      }
    },
  });
  /** Whether the visitor is already a member: a member is not invited to join (issue 12). */
  #me = new LiveController<MemberProfile | null, readonly [CommunityStore | null, string | null]>(this, {
    key: () => [this.#consumer.value?.store ?? null, this.#consumer.user?.uid ?? null] as const,
    subscribe: ([store, uid], next, error) => (store && uid ? store.watchMe(next, error) : null),
  });
  /** The last story the store gave, kept through errors and reconnection (offline shows it). */
  #lastStory: FounderStory | null | undefined = undefined;
  #lastStore: CommunityStore | null = null;
  #view: View | null = null;
  #reported = new Set<string>();

  /** Whether a live subscription to the store is open (removing the element ends it). */
  get subscribed(): boolean {
    return this.#story.active;
  }


  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) this.#consumer.override = this.store;
    // Another store is another community: its last story is not this one's.
    const store = this.#consumer.store;
    if (store !== this.#lastStore) {
      this.#lastStore = store;
      this.#lastStory = undefined;
    }
    this.#view = this.#computeView();
  }

  protected override updated(): void {
    // Authoring problems are reported once each, as events rather than console noise.
    for (const problem of this.#view?.problems ?? []) {
      const key = `${problem}|${this.#problemSubject(problem)}`;
      if (this.#reported.has(key)) continue;
      this.#reported.add(key);
      const message = {
        'missing-alt': 'The founder photo has no alt text, so it is not shown: add image-alt="…" (or imageAlt in the stored story) describing the photo.',
        'bad-image': 'The founder photo link is not valid: use an https:// link (or a link on this site).',
        'bad-cta': 'The call to action was not shown: its link must start with https://.',
      }[problem];
      this.dispatchEvent(new KinErrorEvent('invalid-argument', message, 'render'));
    }
  }

  #problemSubject(problem: Problem): string {
    const s = this.#storedStory();
    if (problem === 'bad-cta') return this.ctaHref || s?.cta?.url || '';
    return this.image || s?.imageUrl || '';
  }

  get #locale(): Locale {
    return this.#consumer.locale;
  }

  #storedStory(): FounderStory | null {
    const value = this.#story.value !== undefined ? this.#story.value : this.#lastStory;
    return value ?? null;
  }

  #slotted(name: SlotName): Element[] {
    return Array.from(this.children).filter((c) => c.getAttribute('slot') === name);
  }

  #computeView(): View {
    const locale = this.#locale;
    const s = this.#storedStory();
    let fellBack = false;
    const pick = (text: {en: string; cy?: string} | null | undefined): Piece | null => {
      const p = pickLocalized(text, locale);
      if (!p.text) return null;
      if (p.fellBack) fellBack = true;
      return {text: p.text, lang: p.fellBack ? 'en' : undefined};
    };
    const page = (text: string): Piece | null => (text.trim() ? {text: text.trim(), lang: undefined} : null);
    const problems: Problem[] = [];

    const name = this.name.trim() || s?.name || '';
    const role = page(this.founderRole) ?? pick(s?.role);
    const quote = page(this.quote) ?? pick(s?.quote);
    const storyPiece = pick(s?.story);
    const paragraphs = storyPiece
      ? storyPiece.text.split(/\n\s*\n/).map((t) => t.trim()).filter(Boolean).map((text) => ({text, lang: storyPiece.lang}))
      : [];

    let image: View['image'] = null;
    if (!this.#slotted('image').length) {
      const fromPage = this.image.trim();
      const src = fromPage ? pageImageUrl(fromPage) : s?.imageUrl && isHttpsUrl(s.imageUrl) ? s.imageUrl : null;
      const alt = fromPage ? page(this.imageAlt) ?? pick(s?.imageUrl === fromPage ? s?.imageAlt : null) : page(this.imageAlt) ?? pick(s?.imageAlt);
      if ((fromPage || s?.imageUrl) && !src) problems.push('bad-image');
      else if (src && !alt) problems.push('missing-alt');
      else if (src && alt) image = {src, alt};
    }

    const memorial = this.memorial || !!s?.memorial;
    let cta: View['cta'] = null;
    const pageCta = !!(this.ctaHref.trim() || this.ctaLabel.trim());
    const href = this.ctaHref.trim() || s?.cta?.url || '';
    // In memory of someone, a call to action appears only when set on purpose: on the page, or in a
    // stored story that is itself a memorial.
    const ctaWanted = !memorial || pageCta || !!(s?.memorial && s.cta);
    // Issue 12: inside a <kin-community>, the stored call to join opens the join dialog in place (a
    // link off-site only when the page sets cta-href itself); members are not asked to join again.
    const finish = (cta: View['cta']): View => ({name, role, quote, paragraphs, image, cta, toldAt: this.#toldAt(), memorial, fellBack, problems});
    const inCommunity = !!this.#consumer.value?.store && !this.store;
    if (inCommunity && !pageCta && ctaWanted && (s?.cta || !memorial)) {
      const member = !!this.#consumer.user && this.#me.value != null;
      const label = pick(s?.cta?.label) ?? {text: founderStoryBannerMessages(locale).joinDefault, lang: undefined};
      return finish(member ? null : {label, href: '', join: true});
    }
    if (href && ctaWanted) {
      const label = page(this.ctaLabel) ?? pick(s?.cta?.label) ?? {text: founderStoryBannerMessages(locale).joinDefault, lang: undefined};
      if (isHttpsUrl(href)) cta = {label, href};
      else problems.push('bad-cta');
    }
    return finish(cta);
  }

  #toldAt(): View['toldAt'] {

    const s = this.#storedStory();
    let toldAt: View['toldAt'] = null;
    if (this.told.trim()) {
      const ms = Date.parse(this.told.trim());
      if (Number.isFinite(ms)) toldAt = {ms, utc: /^\d{4}-\d{2}-\d{2}$/.test(this.told.trim())};
    } else if (s?.toldAt != null) toldAt = {ms: s.toldAt, utc: false};
    return toldAt;
  }

  #toggle() {
    this.expanded = !this.expanded;
  }

  // Editing ---------------------------------------------------------------------------------------

  async #openEditor() {
    this.#editorModule ??= await import('./founder-story-banner.editor.js');
    const s = this.#storedStory();
    const en = (t: {en: string} | null | undefined) => t?.en ?? '';
    this.draft = {
      name: s?.name ?? this.name,
      role: s ? en(s.role) : this.founderRole,
      quote: s ? en(s.quote) : this.quote,
      storyEn: en(s?.story),
      storyCy: s?.story.cy ?? '',
      imageUrl: s?.imageUrl ?? '',
      imageAlt: en(s?.imageAlt),
      ctaLabel: en(s?.cta?.label),
      ctaUrl: s?.cta?.url ?? '',
      memorial: s?.memorial ?? this.memorial,
    };
    this.saveError = null;
    this.savedNotice = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#f-name')?.focus();
  }

  async #closeEditor() {
    this.draft = null;
    this.saveError = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.edit')?.focus();
  }

  #input(field: keyof Draft) {
    return (e: Event) => {
      const target = e.target as HTMLInputElement;
      this.draft = {...this.draft!, [field]: target.type === 'checkbox' ? target.checked : target.value};
    };
  }

  /** The edit form and the story's validation, loaded when the editor first opens. */
  #editorModule: typeof import('./founder-story-banner.editor.js') | null = null;

  async #save(e: SubmitEvent) {
    e.preventDefault();
    const store = this.#consumer.store;
    const d = this.draft;
    if (!store || !d || this.saving) return;
    const s = this.#storedStory();
    const url = d.imageUrl.trim();
    const ctaGiven = d.ctaUrl.trim() || d.ctaLabel.trim();
    // Welsh versions of fields this form edits in English only are kept as they were.
    const raw = {
      name: d.name,
      role: {...s?.role, en: d.role},
      quote: {...s?.quote, en: d.quote},
      story: {en: d.storyEn, cy: d.storyCy},
      imageUrl: url || null,
      imageAlt: url ? {...s?.imageAlt, en: d.imageAlt} : null,
      cta: ctaGiven ? {label: {...s?.cta?.label, en: d.ctaLabel}, url: d.ctaUrl.trim()} : null,
      toldAt: s?.toldAt ?? null,
      memorial: d.memorial,
    };
    let input: FounderStoryInput;
    try {
      input = this.#editorModule!.validateFounderStory(raw);
    } catch (err) {
      const error = toKindredError(err);
      await this.#showSaveError(error.code, isKindredError(err) ? err.field : null);
      return;
    }
    if (!this.dispatchEvent(new KinStorySaveEvent(store.communityId, input.memorial))) return;
    this.saving = true;
    this.saveError = null;
    try {
      await store.updateFounderStory(input);
    } catch (err) {
      const error = toKindredError(err);
      this.saving = false;
      this.dispatchEvent(new KinErrorEvent(error.code, error.message, 'save-story'));
      await this.#showSaveError(error.code, error.field);
      return;
    }
    this.saving = false;
    this.savedNotice = true;
    this.dispatchEvent(new KinStorySavedEvent(store.communityId));
    await this.#closeEditor();
  }

  async #showSaveError(code: KindredErrorCode, field: string | null) {
    this.saveError = {code, field};
    await this.updateComplete;
    const id = field ? FIELD_INPUT[field] : undefined;
    this.renderRoot.querySelector<HTMLElement>(id ? `#${id}` : '.form-error')?.focus();
  }

  // Rendering -------------------------------------------------------------------------------------

  #heading(content: TemplateResult | string) {
    const level = Math.min(6, Math.max(1, Math.round(Number(this.headingLevel)) || 2));
    return html`<div class="name" part="name" role="heading" aria-level=${level}>${content}</div>`;
  }

  #text(piece: Piece | null) {
    return text(piece);
  }

  #media(v: View) {
    return media(v);
  }

  #date(t: NonNullable<View['toldAt']>, locale: Locale) {
    return toldDate(t, locale);
  }

  #storyBody(v: View) {
    return storyBody(v, this.variant, this.expanded);
  }

  #collapsible(v: View): boolean {
    const slotted = this.#slotted('story').length;
    if (this.variant === 'compact') return slotted > 0 || v.paragraphs.length > 0;
    if (slotted) return slotted > 1;
    return v.paragraphs.length > 1 || (v.paragraphs[0]?.text.length ?? 0) > EXCERPT_CHARS;
  }

  #editor(d: Draft, locale: Locale) {
    return this.#editorModule!.editorForm(d, locale, {
      error: this.saveError, saving: this.saving, input: (field) => this.#input(field),
      save: this.#save, close: this.#closeEditor,
    });
  }

  override render() {
    const locale = this.#locale;
    const m = founderStoryBannerMessages(locale);
    const common = commonMessages(locale);
    const v = this.#view ?? this.#computeView();
    const store = this.#consumer.store;
    const ctx = this.#consumer.value;
    const hasStored = this.#storedStory() !== null;
    const waitingForRoot = !this.store && !!ctx && !ctx.store && !ctx.error;
    const loading = !hasStored && (waitingForRoot || (!!store && (this.#story.status === 'loading' || this.#story.status === 'idle')));
    const failed = !hasStored && !!store && this.#story.status === 'error';
    const hasContent = !!(v.name || v.quote || v.paragraphs.length || SLOT_NAMES.some((n) => n !== 'cta' && this.#slotted(n).length));
    const state = loading ? 'loading' : failed ? 'error' : hasContent ? 'ready' : 'empty';
    const editing = (state === 'ready' || state === 'empty') && this.draft !== null;
    const collapsible = this.#collapsible(v);
    const slottedQuote = this.#slotted('quote').length > 0;
    const canEdit = this.#canEdit.value === true && !!store;
    const staleNote = hasStored && (this.offline || this.#story.status === 'error');
    const heading = v.name ? this.#heading(v.memorial ? m.inMemoryOf(v.name) : v.name) : nothing;

    return html`<div part="base" class=${classMap({base: true, [this.variant]: true, memorial: v.memorial, [`state-${state}`]: true})}>
      ${state === 'loading'
        ? skeleton(m.loading)
        : nothing}
      ${state === 'error'
        ? html`<div class="error" role="alert"><p>${m.loadError} ${common.error(this.#story.error?.code ?? 'internal')}</p>
            <button type="button" class="retry" @click=${() => this.#story.retry()}>${common.retry}</button></div>`
        : nothing}
      ${editing ? this.#editor(this.draft!, locale) : nothing}
      <article class="layout" ?hidden=${state !== 'ready' || editing}>
        <div class="media" part="image"><slot name="image" @slotchange=${this.#slotChanged}>${this.#media(v)}</slot></div>
        <div class="text">
          ${heading}
          ${v.role ? html`<p class="role" part="role">${this.#text(v.role)}</p>` : nothing}
          <blockquote class="quote" part="quote" ?hidden=${!v.quote && !slottedQuote}><slot name="quote" @slotchange=${this.#slotChanged}>${this.#text(v.quote)}</slot></blockquote>
          ${v.fellBack ? html`<p class="note fallback">${m.notInWelsh}</p>` : nothing}
          <div id="story" part="story" class=${classMap({story: true, collapsed: collapsible && !this.expanded})}
            ><slot name="story" @slotchange=${this.#slotChanged}>${this.#storyBody(v)}</slot></div>
          ${collapsible
            ? html`<button type="button" class="more" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="story"
                @click=${this.#toggle}>${this.expanded ? m.showLess : m.readMore}</button>`
            : nothing}
          ${v.toldAt && this.variant !== 'compact' ? this.#date(v.toldAt, locale) : nothing}
          <div class="cta-row"><slot name="cta" @slotchange=${this.#slotChanged}>${v.cta
            ? v.cta.join
              ? html`<button type="button" class="cta" part="cta" @click=${this.#requestJoin}>${this.#text(v.cta.label)}</button>`
              : html`<a class="cta" part="cta" href=${v.cta.href}>${this.#text(v.cta.label)}</a>`
            : nothing}</slot></div>
          ${this.devWarnings && v.problems.length
            ? html`<ul class="warnings">${v.problems.map((p) => html`<li>${
                {'missing-alt': m.warnMissingAlt, 'bad-image': m.warnBadImage, 'bad-cta': m.warnBadCta}[p]}</li>`)}</ul>`
            : nothing}
          ${staleNote ? html`<p class="note offline" role="status">${m.offline}</p>` : nothing}
          ${reconnectingNotice(this.#network, locale)}
          ${this.savedNotice ? html`<p class="note saved" role="status">${m.saved}</p>` : nothing}
        </div>
      </article>
      <div class="empty-slot" ?hidden=${state !== 'empty'}><slot name="empty"></slot></div>
      ${canEdit && !editing && (state === 'ready' || state === 'empty')
        ? html`<button type="button" class="edit" @click=${this.#openEditor}>${m.editStory}</button>`
        : nothing}
    </div>`;
  }

  #requestJoin = () => {
    this.dispatchEvent(new KinJoinRequestEvent('join'));
  };

  #slotChanged() {
    this.requestUpdate();
  }
}
