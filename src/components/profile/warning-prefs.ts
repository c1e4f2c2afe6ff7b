// <kin-profile>'s "Posts with content warnings" section (issue 18), in its own module so the profile
// element only hosts it: per topic, fold until opened (the default), hide completely, or show open;
// saved in the member's private record (store.setWarningPrefs), read by <kin-discussion-thread>.
import {html, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {toKindredError, type KindredError} from '../../data/errors.js';
import {WARNING_CHOICES, WARNING_TOPICS, type WarningChoice, type WarningPrefs, type WarningTopic} from '../../data/domain/safety.js';
import type {CommunityStore} from '../../data/store.js';
import type {Locale, PrivateRecord} from '../../data/types.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {safetyMessages} from '../../i18n/safety.messages.js';

export class WarningPrefsSection {
  #draft: WarningPrefs | null = null;
  #busy = false;
  #error: KindredError | null = null;
  #message = '';

  constructor(
    private host: ReactiveControllerHost,
    private store: () => CommunityStore | null,
    private record: () => PrivateRecord | null,
    private onSaved: (record: PrivateRecord) => void,
    private onError: (error: KindredError) => void,
  ) {}

  #current(): WarningPrefs {
    return this.#draft ?? this.record()?.warnings ?? {};
  }

  #set(topic: WarningTopic, choice: WarningChoice) {
    this.#draft = {...this.#current(), [topic]: choice};
    this.#message = '';
    this.host.requestUpdate();
  }

  render(locale: Locale, level: number): TemplateResult {
    const s = safetyMessages(locale);
    const c = commonMessages(locale);
    const prefs = this.#current();
    return html`
      <section part="warning-prefs" aria-labelledby="warning-prefs-heading">
        <div class="subheading" role="heading" aria-level=${level} id="warning-prefs-heading">${s.prefsHeading}</div>
        <p class="hint">${s.prefsHint}</p>
        <form novalidate @submit=${(e: Event) => this.#save(e, locale)}>
          ${WARNING_TOPICS.map((topic) => html`
            <div class="field">
              <label for=${`warning-${topic}`}>${s.topic(topic)}</label>
              <select id=${`warning-${topic}`} data-topic=${topic}
                @change=${(e: Event) => this.#set(topic, (e.target as HTMLSelectElement).value as WarningChoice)}>
                ${WARNING_CHOICES.map((choice) => html`<option value=${choice} ?selected=${(prefs[topic] ?? 'collapse') === choice}>${s.choice(choice)}</option>`)}
              </select>
            </div>`)}
          ${this.#error ? html`<p class="error" role="alert">${c.error(this.#error.code)}</p>` : ''}
          <p class="ok" role="status">${this.#message}</p>
          <button type="submit" ?disabled=${this.#busy}>${s.savePrefs}</button>
        </form>
      </section>`;
  }

  async #save(e: Event, locale: Locale) {
    e.preventDefault();
    const store = this.store();
    if (!store || this.#busy) return;
    this.#busy = true;
    this.#error = null;
    this.host.requestUpdate();
    try {
      const record = await store.setWarningPrefs(this.#current());
      this.#draft = null;
      this.#message = safetyMessages(locale).prefsSaved;
      this.onSaved(record);
    } catch (err) {
      // The choices stay in the draft.
      this.#error = toKindredError(err);
      this.onError(this.#error);
    } finally {
      this.#busy = false;
      this.host.requestUpdate();
    }
  }
}
