import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {ContextConsumer} from '@lit/context';
import {communityContext, type CommunityContextValue} from '../context/community-context.js';
import type {CommunityStore} from '../data/store.js';
import type {Locale, SessionUser} from '../data/types.js';
import {pageLocale, toLocale} from '../i18n/messages.js';

/**
 * Gives an element the store, user and locale of the nearest `<kin-community>`, or a `store` set
 * directly on the element (developers composing without a root). Outside any root, the locale is the
 * page's `<html lang>`.
 */
export class CommunityConsumer implements ReactiveController {
  #consumer: ContextConsumer<typeof communityContext, ReactiveControllerHost & HTMLElement>;
  /** A store set directly on the element wins over the context one. */
  override: CommunityStore | null = null;

  constructor(private host: ReactiveControllerHost & HTMLElement, private onChange?: (value: CommunityContextValue | undefined) => void) {
    this.#consumer = new ContextConsumer(host, {
      context: communityContext,
      subscribe: true,
      callback: (value) => {
        this.onChange?.(value);
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  hostConnected() {}

  /** Whether the element sits inside a `<kin-community>` (or has its own store). */
  get provided(): boolean {
    return !!this.override || this.#consumer.value !== undefined;
  }
  get value(): CommunityContextValue | undefined {
    return this.#consumer.value;
  }
  get store(): CommunityStore | null {
    return this.override ?? this.#consumer.value?.store ?? null;
  }
  get user(): SessionUser | null {
    return this.override ? this.override.session.user : this.#consumer.value?.user ?? null;
  }
  get locale(): Locale {
    const lang = this.host.closest('[lang]')?.getAttribute('lang');
    return this.#consumer.value?.locale ?? (lang ? toLocale(lang) : pageLocale());
  }
}
