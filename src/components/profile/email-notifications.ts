// <kin-profile>'s "Email notifications" section (issue 15), kept in its own module so the profile
// element only hosts it: off / immediate / daily digest, an optional address (the sign-in address
// otherwise) and the emails' language, saved in the member's private record.
import {html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {toKindredError, type KindredError} from '../../data/errors.js';
import {EMAIL_MODES, type EmailMode} from '../../data/domain/notifications.js';
import type {CommunityStore} from '../../data/store.js';
import type {ContentLocale, Locale, PrivateRecord} from '../../data/types.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {emailNotificationsMessages} from './email-notifications.messages.js';

interface Draft {
  email: EmailMode;
  address: string;
  language: ContentLocale;
}

export class EmailNotificationsSection {
  #draft: Draft | null = null;
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

  #current(locale: Locale): Draft {
    const n = this.record()?.notify;
    return this.#draft ?? {email: n?.email ?? 'off', address: n?.address ?? '', language: n?.language ?? (locale === 'cy' ? 'cy' : 'en')};
  }

  #set(patch: Partial<Draft>, locale: Locale) {
    this.#draft = {...this.#current(locale), ...patch};
    this.#message = '';
    this.host.requestUpdate();
  }

  render(locale: Locale, level: number): TemplateResult {
    const m = emailNotificationsMessages(locale);
    const c = commonMessages(locale);
    const d = this.#current(locale);
    const fieldError = this.#error?.field === 'address' ? this.#error : null;
    return html`
      <section part="email-notifications" aria-labelledby="email-notifications-heading">
        <div class="subheading" role="heading" aria-level=${level} id="email-notifications-heading">${m.heading}</div>
        <p class="hint">${m.hint}</p>
        <form novalidate @submit=${(e: Event) => this.#save(e, locale)}>
          <fieldset class="field">
            <legend>${m.how}</legend>
            ${EMAIL_MODES.map((mode) => html`<label class="choice"><input type="radio" name="email-mode" value=${mode}
              .checked=${d.email === mode} @change=${() => this.#set({email: mode}, locale)}> ${m[mode]}</label>`)}
          </fieldset>
          ${d.email === 'off' ? nothing : html`
            <div class="field">
              <label for="notify-address">${m.address}</label>
              <input id="notify-address" type="email" autocomplete="email" .value=${d.address}
                aria-describedby=${fieldError ? 'notify-address-hint notify-address-error' : 'notify-address-hint'}
                aria-invalid=${fieldError ? 'true' : 'false'}
                @input=${(e: Event) => this.#set({address: (e.target as HTMLInputElement).value}, locale)}>
              <p class="hint" id="notify-address-hint">${m.addressHint}</p>
              ${fieldError ? html`<p class="error" id="notify-address-error">${m.badAddress}</p>` : nothing}
            </div>
            <div class="field">
              <label for="notify-language">${m.language}</label>
              <select id="notify-language" @change=${(e: Event) => this.#set({language: (e.target as HTMLSelectElement).value as ContentLocale}, locale)}>
                <option value="en" ?selected=${d.language === 'en'}>${m.en}</option>
                <option value="cy" ?selected=${d.language === 'cy'}>${m.cy}</option>
              </select>
            </div>`}
          ${this.#error && !fieldError ? html`<p class="error" role="alert">${c.error(this.#error.code)}</p>` : nothing}
          <p class="ok" role="status">${this.#message}</p>
          <button type="submit" ?disabled=${this.#busy}>${m.save}</button>
        </form>
      </section>`;
  }

  async #save(e: Event, locale: Locale) {
    e.preventDefault();
    const store = this.store();
    if (!store || this.#busy) return;
    const d = this.#current(locale);
    this.#busy = true;
    this.#error = null;
    this.host.requestUpdate();
    try {
      const record = await store.setEmailNotifications({email: d.email, address: d.address.trim() || null, language: d.language});
      this.#draft = null;
      this.#message = emailNotificationsMessages(locale).saved;
      this.onSaved(record);
    } catch (err) {
      // What the member typed stays in the draft.
      this.#error = toKindredError(err);
      this.onError(this.#error);
    } finally {
      this.#busy = false;
      this.host.requestUpdate();
    }
  }
}
