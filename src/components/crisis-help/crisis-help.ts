import {html, nothing, type PropertyValues} from 'lit';
import {property, query} from 'lit/decorators.js';
import {KinElement} from '../kin-element.js';
import styles from './crisis-help.styles.js';
import {crisisHelpMessages} from './crisis-help.messages.js';
import {pickLocalized} from '../../i18n/messages.js';
import {CommunityConsumer} from '../../controllers/community-consumer.js';
import {OnlineController} from '../../controllers/online.js';
import {communitySafeguarding, contactsFor, type CrisisContact, type SafeguardingConfig} from '../../data/safeguarding.js';
import type {Nation} from '../../data/types.js';
import {KinCrisisHelpToggleEvent} from '../../events/crisis-help-toggle.js';
import {communityController} from '../../controllers/community-data.js';

let counter = 0;

/**
 * A calm, always-reachable crisis support panel: 999, NHS 111 (and NHS 111 Wales), Samaritans and its
 * Welsh-language line, Shout, Childline and the helplines of the member's UK nation, as `tel:` and
 * `sms:` links that work on phones (and offline). Collapsed it is one "Need help now?" button; other
 * elements open it in one interaction with `show()`. The contacts never wait for data: the community's
 * nation and its own contacts (set by its admins in `<kin-community-admin>`) refine them when it
 * arrives, and the UK-wide numbers show whatever happens.
 *
 * @summary Crisis support contacts, one interaction away.
 * @tagname kin-crisis-help
 * @slot footer - Host content after the contacts (a link to the charity's own support page).
 * @event kin-crisis-help-toggle - The member opened or closed the panel (`open`).
 * @csspart base - The wrapper.
 * @csspart toggle - The "Need help now?" / "Hide" button.
 * @csspart panel - The support panel.
 * @csspart heading - The panel heading.
 * @csspart contact - Each contact link.
 * @cssproperty [--kin-crisis-help-background=#fff4e5] - Panel background.
 * @cssproperty [--kin-crisis-help-accent=#b54708] - Panel edge colour.
 * @cssproperty [--kin-crisis-help-link=#0b6e4f] - Colour of the toggle button.
 */
export class KinCrisisHelp extends KinElement {
  static override styles = [KinElement.styles, styles];

  /** Whether the panel is open (the member opens it; `show()` opens it for them). */
  @property({type: Boolean, reflect: true}) open = false;
  /** UK nation whose helplines to show; defaults to the community's, else England's. */
  @property() nation: Nation | null = null;
  /** Always open, with no toggle (a page that is itself about getting help). */
  @property({type: Boolean, attribute: 'always-open'}) alwaysOpen = false;
  /** Heading level (1–6) of the panel heading, to fit the page outline. */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;
  /** Replaces the panel heading (which also names the region), e.g. when two panels share a page. */
  @property() heading = '';
  /** More contacts to add, or defaults to leave out, beyond the community's own (999 and Samaritans always stay). */
  @property({attribute: false}) config: SafeguardingConfig | null = null;

  #network = new OnlineController(this);
  private get offline() {
    return this.#network.offline;
  }
  @query('.panel') private panel!: HTMLElement | null;
  @query('.toggle') private toggleButton!: HTMLButtonElement | null;

  #id = `kin-crisis-${++counter}`;
  #consumer = new CommunityConsumer(this);
  #community = communityController(this, () => this.#consumer.store);
  #focusPanel = false;

  /** Opens the panel and moves focus to it (for "Need help?" links in other elements). */
  show() {
    this.open = true;
    this.#focusPanel = true;
    this.requestUpdate();
  }

  /** The contacts shown now, in order. */
  get contacts(): CrisisContact[] {
    const settings = this.#community.value?.settings;
    const nation = this.nation ?? settings?.nation ?? null;
    // The community's own contacts (issue 14: set in <kin-community-admin>) come first, then the page's `config`.
    const own = communitySafeguarding(settings?.crisisContacts);
    return contactsFor({
      nation, extra: [...(own.extra ?? []), ...(this.config?.extra ?? [])].filter((c, i, all) => all.findIndex((x) => x.id === c.id) === i),
      hide: [...(own.hide ?? []), ...(this.config?.hide ?? [])],
    }, this.#consumer.locale);
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    if (this.#focusPanel && this.panel) {
      this.#focusPanel = false;
      this.panel.focus();
    }
  }

  #toggle() {
    this.open = !this.open;
    this.dispatchEvent(new KinCrisisHelpToggleEvent(this.open));
    if (this.open) this.#focusPanel = true;
    else void this.updateComplete.then(() => this.toggleButton?.focus());
  }

  override render() {
    const locale = this.#consumer.locale;
    const m = crisisHelpMessages(locale);
    const expanded = this.open || this.alwaysOpen;
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    return html`<div part="base" class="base">
      ${this.alwaysOpen ? nothing : html`<button type="button" part="toggle" class="toggle" aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls=${this.#id} @click=${this.#toggle}>${expanded ? m.hide : m.toggle}</button>`}
      <section id=${this.#id} part="panel" class="panel" tabindex="-1" aria-labelledby="${this.#id}-h" ?hidden=${!expanded}>
        <div part="heading" class="heading" role="heading" aria-level=${level} id="${this.#id}-h">${this.heading || m.heading}</div>
        <p>${m.intro}</p>
        <p><strong>${m.emergency}</strong></p>
        ${this.offline ? html`<p class="offline" role="status">${m.offline}</p>` : nothing}
        <ul aria-label=${m.contacts}>
          ${this.contacts.map((c) => {
            const name = pickLocalized(c.name, locale);
            const detail = pickLocalized(c.detail, locale);
            return html`<li>
              <a part="contact" href=${c.href}><strong lang=${name.lang}>${name.text}</strong>: ${c.sms ? m.text(c.number) : m.call(c.number)}</a>
              <span class="detail" lang=${detail.lang}>${detail.text}</span>
            </li>`;
          })}
        </ul>
        <slot name="footer"></slot>
      </section>
    </div>`;
  }
}
