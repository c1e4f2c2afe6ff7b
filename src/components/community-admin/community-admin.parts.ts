// Templates and shapes of <kin-community-admin>: the settings draft, a labelled field, the team table,
// the invites and changes lists and the health table. State and handlers stay in the element.
import {html, nothing, type TemplateResult} from 'lit';
import type {CommunityAdminMessages} from './community-admin.messages.js';
import {formatDate} from '../../i18n/messages.js';
import {inviteState, type Invite} from '../../data/invites.js';
import type {TeamMember} from '../../data/community-admin.js';
import {HEALTH_KEYS, shownValue, type CommunityHealth, type HealthFigure} from '../../data/health.js';
import type {Community, Locale, ModLogEntry, RoleName} from '../../data/types.js';

export type Tab = 'settings' | 'team' | 'health';
export const TABS: readonly Tab[] = ['settings', 'team', 'health'];

/** The tab a key moves to (arrows wrap, Home and End), or null for any other key. */
export function nextTab(tab: Tab, key: string): Tab | null {
  const i = TABS.indexOf(tab);
  return key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length]
    : key === 'Home' ? TABS[0] : key === 'End' ? TABS[TABS.length - 1] : null;
}

/** The settings form as typed (text fields stay text until saved, so nothing typed is lost). */
export interface Draft {
  nameEn: string; nameCy: string; taglineEn: string; taglineCy: string;
  visibility: string; moderation: string; holdFirstPosts: string; bannedWords: string;
  nation: string; tags: string; postIntervalSeconds: string; reportsPerHour: string; bump: boolean;
}

export function draftOf(c: Community): Draft {
  const s = c.settings;
  return {
    nameEn: c.name.en, nameCy: c.name.cy ?? '', taglineEn: c.tagline.en, taglineCy: c.tagline.cy ?? '',
    visibility: s.visibility, moderation: s.moderation, holdFirstPosts: String(s.holdFirstPosts), bannedWords: s.bannedWords.join('\n'),
    nation: s.nation, tags: s.tags.join('\n'), postIntervalSeconds: String(s.postIntervalSeconds ?? 0), reportsPerHour: String(s.reportsPerHour ?? 0),
    bump: false,
  };
}

/** A labelled field with its error under it (the input carries `aria-describedby="<id>-error"`). */
export function field(id: string, label: string, input: TemplateResult, error: string | undefined): TemplateResult {
  return html`<div class="field">
      <label for=${id}>${label}</label>
      ${input}
      ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
}

/** Who holds which role; each role but the admin's own can be removed. */
export function teamTable(team: TeamMember[], m: CommunityAdminMessages, locale: Locale, me: string | undefined, disabled: boolean,
  remove: (t: TeamMember, r: RoleName) => unknown): TemplateResult {
  return html`
          <table class="team"><thead><tr><th scope="col">${m.person}</th><th scope="col">${m.roles}</th><th scope="col">${m.via}</th></tr></thead>
            <tbody>${team.map((t) => {
              const name = t.pseudonym ?? m.formerMember;
              return html`<tr data-uid=${t.uid}>
                <th scope="row">${name} ${t.uid === me ? m.you : nothing}</th>
                <td><ul class="roles">${t.roles.map((r) => html`<li>${m.role(r)}${r === 'clinician' && t.clinicianScope ? ` (${t.clinicianScope})` : nothing}
                  ${t.uid !== me ? html`<button type="button" class="link danger" ?disabled=${disabled}
                    aria-label=${m.remove(m.role(r), name)} @click=${() => remove(t, r)}>✕</button>` : nothing}</li>`)}</ul>
                  ${t.suspendedUntil && t.suspendedUntil > Date.now() ? html`<p class="meta">${m.suspendedUntil(formatDate(t.suspendedUntil, locale))}</p>` : nothing}</td>
                <td>${t.grantedBy.startsWith('invite:') ? m.viaInvite : m.viaAdmin}</td>
              </tr>`;
            })}</tbody></table>`;
}

/** The invitations sent, each open one with a way to withdraw it. */
export function invitesList(invites: Invite[], m: CommunityAdminMessages, locale: Locale, disabled: boolean, revoke: (i: Invite) => unknown): TemplateResult {
  return html`<ul class="invites">${invites.map((i) => {
          const st = inviteState(i, Date.now());
          return html`<li data-invite=${i.id}><span>${i.email}</span> · <span>${m.role(i.role)}${i.clinicianScope ? ` (${i.clinicianScope})` : ''}</span> ·
            <strong>${m.inviteState(st)}</strong>${st === 'open' ? html` · ${m.expires(formatDate(i.expiresAt, locale))}
            <button type="button" class="link danger" ?disabled=${disabled} @click=${() => revoke(i)}>${m.revoke(i.email)}</button>` : nothing}</li>`;
        })}</ul>`;
}

/** Role changes, newest first: invitations accepted and roles granted or removed. */
export function changesList(claimed: Invite[], log: ModLogEntry[], m: CommunityAdminMessages, locale: Locale, nameOf: (targetPath: string) => string): TemplateResult {
  return html`<ul class="changes">
          ${[...claimed.map((i) => ({at: i.claimedAt!, text: m.changeAccepted(i.email, m.role(i.role), formatDate(i.claimedAt!, locale))})),
            ...log.map((e) => ({at: e.at, text: m.changeLog(e.action === 'grant-role' ? m.granted : m.revokedRole, nameOf(e.targetPath) + (e.reason ? ` (${e.reason})` : ''), formatDate(e.at, locale))}))]
            .sort((a, b) => b.at - a.at).map((x) => html`<li>${x.text}</li>`)}</ul>`;
}

/** A health figure as shown: suppressed under 5, a percentage, hours or a count. */
export function shownFigure(f: HealthFigure, m: CommunityAdminMessages): string {
  const s = shownValue(f);
  if (s.suppressed) return f.unit === 'count' ? m.fewer : m.notEnough;
  if (s.value === null) return '—';
  return f.unit === 'percent' ? m.percent(s.value) : f.unit === 'hours' ? m.hours(s.value) : String(s.value);
}

/** The community health figures for trustees. */
export function healthTable(h: CommunityHealth, m: CommunityAdminMessages): TemplateResult {
  return html`<table class="health"><caption class="visually-hidden">${m.healthHeading}</caption>
          <thead><tr><th scope="col">${m.figure}</th><th scope="col">${m.value}</th><th scope="col">${m.reads}</th></tr></thead>
          <tbody>${HEALTH_KEYS.map((k) => h.figures.find((f) => f.key === k)).filter((f): f is HealthFigure => !!f).map((f) => html`
            <tr data-figure=${f.key}><th scope="row">${m.metric(f.key)}</th><td>${shownFigure(f, m)}</td><td>${f.reads}</td></tr>`)}</tbody>
        </table>`;
}

/** The invitation just made: its link, ready to copy and send. */
export function madeInvite(email: string, link: string, m: CommunityAdminMessages, copy: () => unknown): TemplateResult {
  return html`<div class="made" role="status">
      <p>${m.inviteMade(email)}</p>
      <label for="invite-link">${m.inviteLink}</label>
      <div class="copy"><input id="invite-link" readonly .value=${link} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <button type="button" @click=${copy}>${m.copy}</button></div>
    </div>`;
}
