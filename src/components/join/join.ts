import {html, nothing} from 'lit';
import {fieldSentence} from '../../i18n/field-errors.js';
import {property, state, query} from 'lit/decorators.js';
import {KinElement} from '../kin-element.js';
import styles from './join.styles.js';
import {joinMessages} from './join.messages.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {pickLocalized} from '../../i18n/messages.js';
import {CommunityConsumer} from '../../controllers/community-consumer.js';
import type {Relationship} from '../../data/types.js';
import {RELATIONSHIPS} from '../../data/types.js';
import {KindredError, toKindredError} from '../../data/errors.js';
import {validatePseudonym} from '../../data/policy.js';
import {suggestPseudonyms, initials} from '../../data/pseudonyms.js';
import {KinErrorEvent} from '../../events/kin-error.js';
import {styleProps} from '../../directives/style-props.js';
import {KinJoinSubmitEvent, KinJoinedEvent} from '../../events/join.js';
import {communityController, meController} from '../../controllers/community-data.js';
import {guidelinesText} from '../guidelines.parts.js';
import {loadingText} from '../../directives/loading-text.js';

const HUES = [12, 48, 140, 200, 262, 320];

/**
 * How a visitor becomes a member: a made-up name (with suggestions), their relationship to the
 * condition, an avatar colour, the community guidelines and a separate, optional consent to
 * processing health information. Nothing is written to storage before the visitor presses "Join".
 *
 * @summary Join the community with a pseudonym and explicit consent.
 * @tagname kin-join
 * @event kin-join-submit - Cancelable; the visitor pressed Join. `preventDefault()` writes nothing.
 * @event kin-joined - The visitor is now a member (`uid`).
 * @event kin-join-cancel - The visitor chose "Not now".
 * @event kin-error - Joining failed; the form keeps what was typed and shows why.
 * @csspart base - The form.
 * @csspart heading - The heading.
 * @csspart submit - The Join button.
 * @cssproperty [--kin-color-primary=#0b6e4f] - Accent colour of buttons and focus.
 * @cssproperty [--kin-color-danger=#b42318] - Colour of error messages.
 */
export class KinJoin extends KinElement {
  static override styles = [KinElement.styles, styles];

  /** Heading level (1–6) of the form heading, to fit the page outline. */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;
  /** Show a "Not now" button (used when the form opens in a dialog). */
  @property({type: Boolean, attribute: 'with-cancel'}) withCancel = false;

  @state() private pseudonym = '';
  @state() private relationship: Relationship = 'patient';
  @state() private hue = HUES[0];
  @state() private guidelines = false;
  @state() private health = false;
  @state() private busy = false;
  @state() private error: KindredError | null = null;
  @state() private suggestions: string[] = [];

  @query('#pseudonym') private pseudonymInput!: HTMLInputElement;

  #community = new CommunityConsumer(this);
  #communityDoc = communityController(this, () => this.#community.store);
  #me = meController(this, () => this.#community.store, () => this.#community.user?.uid ?? null);

  override render() {
    const locale = this.#community.locale;
    const m = joinMessages(locale);
    const c = commonMessages(locale);
    const store = this.#community.store;
    if (!store || this.#communityDoc.status === 'loading' || this.#communityDoc.status === 'idle') {
      if (this.#community.value?.error) return html`<p role="status">${m.unavailable}</p>`;
      return html`<p role="status" aria-busy="true">${loadingText(locale)}</p>`;
    }
    if (this.#communityDoc.status === 'error') {
      return html`<div role="alert">${c.error(this.#communityDoc.error!.code)}
        <button type="button" @click=${() => this.#communityDoc.retry()}>${c.retry}</button></div>`;
    }
    const me = this.#me.value;
    if (me) {
      return html`<p class="joined" role="status">${m.joined(me.pseudonym)}</p>`;
    }
    const community = this.#communityDoc.value;
    const name = community ? pickLocalized(community.name, locale).text : '';
    if (this.suggestions.length === 0) this.suggestions = suggestPseudonyms(locale, 3);
    const fieldError = (field: string) => (this.error?.field === field ? this.error : null);
    const pseudonymError = fieldError('pseudonym');
    const guidelinesError = fieldError('guidelines');
    const generalError = this.error && !pseudonymError && !guidelinesError ? this.error : null;
    return html`
      <form part="base" novalidate @submit=${this.#onSubmit} aria-busy=${this.busy ? 'true' : 'false'}>
        ${this.#heading(m.heading(name))}
        <p class="intro">${m.intro}</p>

        <div class="field">
          <label for="pseudonym">${m.pseudonym}</label>
          <p class="hint" id="pseudonym-hint">${m.pseudonymHint}</p>
          <input id="pseudonym" name="pseudonym" autocomplete="off" maxlength="60" .value=${this.pseudonym}
            aria-describedby="pseudonym-hint ${pseudonymError ? 'pseudonym-error' : ''}"
            aria-invalid=${pseudonymError ? 'true' : 'false'}
            @input=${(e: Event) => { this.pseudonym = (e.target as HTMLInputElement).value; this.#clearError('pseudonym'); }} />
          ${pseudonymError ? html`<p class="error" id="pseudonym-error">${fieldSentence(pseudonymError.message, 'pseudonym', m.pseudonym)}</p>` : nothing}
          <div class="suggestions" role="group" aria-label=${m.suggestions}>
            ${this.suggestions.map((s) => html`<button type="button" class="chip" aria-label=${m.useSuggestion(s)}
              @click=${() => { this.pseudonym = s; this.#clearError('pseudonym'); this.pseudonymInput.focus(); }}>${s}</button>`)}
          </div>
        </div>

        <fieldset class="field">
          <legend>${m.relationship}</legend>
          ${RELATIONSHIPS.map((r) => html`<label class="radio"><input type="radio" name="relationship" value=${r}
            .checked=${this.relationship === r} @change=${() => (this.relationship = r)} />
            ${c[`relationship_${r}`]}</label>`)}
        </fieldset>

        <fieldset class="field">
          <legend>${m.colour}</legend>
          <div class="swatches">
            ${HUES.map((h, i) => html`<label class="swatch">
              <input type="radio" name="hue" .checked=${this.hue === h} @change=${() => (this.hue = h)} aria-label=${m.colourName(i + 1)} />
              <span class="avatar" ${styleProps({'--_hue': String(h)})} aria-hidden="true">${initials(this.pseudonym || this.suggestions[0] || '?')}</span>
            </label>`)}
          </div>
        </fieldset>

        <div class="field">
          ${this.#communityDoc.value?.settings.guidelines?.en ? html`<details class="guidelines-text"><summary>${m.readGuidelines}</summary>
            ${guidelinesText(this.#communityDoc.value.settings, locale)}</details>` : nothing}
          <label class="check"><input type="checkbox" name="guidelines" .checked=${this.guidelines}
            aria-invalid=${guidelinesError ? 'true' : 'false'}
            aria-describedby=${guidelinesError ? 'guidelines-error' : nothing}
            @change=${(e: Event) => { this.guidelines = (e.target as HTMLInputElement).checked; this.#clearError('guidelines'); }} />
            ${m.guidelines}</label>
          ${guidelinesError ? html`<p class="error" id="guidelines-error">${guidelinesError.message}</p>` : nothing}
        </div>
        <div class="field">
          <label class="check"><input type="checkbox" name="health" .checked=${this.health} aria-describedby="health-why"
            @change=${(e: Event) => (this.health = (e.target as HTMLInputElement).checked)} />
            ${m.health}</label>
          <p class="hint" id="health-why">${m.healthWhy}</p>
        </div>

        ${generalError ? html`<p class="error" role="alert">${c.error(generalError.code)} ${generalError.message}</p>` : nothing}
        <div class="actions">
          <button part="submit" class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? m.joining : m.submit}</button>
          ${this.withCancel ? html`<button type="button" @click=${this.#cancel}>${m.cancel}</button>` : nothing}
        </div>
      </form>
    `;
  }

  #heading(text: string) {
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    return html`<div part="heading" class="heading" role="heading" aria-level=${level}>${text}</div>`;
  }

  #clearError(field: string) {
    if (this.error?.field === field) this.error = null;
  }

  #cancel() {
    this.dispatchEvent(new Event('kin-join-cancel', {bubbles: true, composed: true}));
  }

  async #onSubmit(e: Event) {
    e.preventDefault();
    const store = this.#community.store;
    const community = this.#communityDoc.value;
    if (!store || !community || this.busy) return;
    const m = joinMessages(this.#community.locale);
    let pseudonym: string;
    try {
      pseudonym = validatePseudonym(this.pseudonym);
    } catch (err) {
      this.error = toKindredError(err);
      await this.updateComplete;
      this.pseudonymInput.focus();
      return;
    }
    if (!this.guidelines) {
      this.error = new KindredError('invalid-argument', m.guidelinesRequired, 'guidelines');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input[name="guidelines"]')?.focus();
      return;
    }
    const request = new KinJoinSubmitEvent(pseudonym, this.relationship, this.health);
    if (!this.dispatchEvent(request)) return;
    this.busy = true;
    this.error = null;
    try {
      // Signing in is the first thing that writes anything (a session), and only now that the
      // visitor chose to join.
      const user = store.session.user ?? (await store.session.signInAnonymously());
      await store.join({
        pseudonym,
        relationship: this.relationship,
        avatarHue: this.hue,
        guidelinesVersion: community.settings.guidelinesVersion,
        healthConsentVersion: this.health ? community.settings.consentVersion : null,
      });
      this.dispatchEvent(new KinJoinedEvent(user.uid));
    } catch (err) {
      const error = toKindredError(err);
      this.error = error;
      this.dispatchEvent(new KinErrorEvent(error.code, error.message, 'join'));
    } finally {
      this.busy = false;
    }
  }
}
