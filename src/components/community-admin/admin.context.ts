// What <kin-community-admin>'s tab controllers (settings, team, health) share with the element: its store,
// community, locale and connection, the state the tabs have in common (busy, errors by field, the last failure)
// and the element's own helpers (headings at the right level, announcements, cancelable change events).
import {html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {KindredError} from '../../data/errors.js';
import type {CommunityStore} from '../../data/store.js';
import type {Community, Locale} from '../../data/types.js';
import type {AdminChangeKind} from '../../events/admin-change.js';
import {communityAdminMessages} from './community-admin.messages.js';

export type Tab = 'settings' | 'team' | 'health';

export interface AdminContext {
  readonly host: ReactiveControllerHost & HTMLElement & {readonly renderRoot: HTMLElement | DocumentFragment};
  readonly store: CommunityStore | null;
  readonly community: Community | null;
  readonly locale: Locale;
  readonly offline: boolean;
  /** The signed-in user's uid. */
  readonly uid: string | null;
  readonly isAdmin: boolean;
  readonly tab: Tab;
  /** The address invite links point to (the element's `invite-url`). */
  readonly inviteUrl: string | null;
  /** The change in progress ('settings', 'invite', …), or null. */
  busy: string | null;
  /** Field id → the store's message for it. */
  errors: Record<string, string>;
  failure: {where: string; error: KindredError} | null;
  announce(text: string): void;
  /** Dispatches the cancelable kin-admin-change; false when the host cancelled it. */
  ask(kind: AdminChangeKind, target: string): boolean;
  done(kind: AdminChangeKind, target: string): void;
  report(error: KindredError, operation: string): void;
  heading(text: string, offset: number, id?: string, part?: string): TemplateResult;
}

/** A field's error: the store's words (English), introduced in Welsh when the console is in Welsh. */
export function fieldError(a: AdminContext, id: string, error: string): TemplateResult {
  const m = communityAdminMessages(a.locale);
  return m.fieldError ? html`<p class="error" id="${id}-error">${m.fieldError} <span lang="en">${error}</span></p>`
    : html`<p class="error" id="${id}-error">${error}</p>`;
}

/** A labelled control with its error (if any) below it. */
export function field(a: AdminContext, id: string, label: string, input: TemplateResult): TemplateResult {
  const error = a.errors[id];
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${input}
    ${error ? fieldError(a, id, error) : nothing}
  </div>`;
}
