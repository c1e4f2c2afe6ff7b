import {html, nothing} from 'lit';
import type {OnlineController} from '../controllers/online.js';
import {commonMessages} from '../i18n/common.messages.js';
import type {Locale} from '../data/types.js';

/**
 * Issue 17: the notice each element shows while its store has lost the server but the browser is
 * online (the offline notice covers the other case). Listeners resume by themselves; nothing is reloaded.
 */
export function reconnectingNotice(network: OnlineController, locale: Locale) {
  return network.online && network.reconnecting
    ? html`<p class="notice reconnecting" role="status">${commonMessages(locale).reconnecting}</p>`
    : nothing;
}
