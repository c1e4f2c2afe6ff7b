// <kin-community-admin>'s team tab (issue 14): who holds which role, invites (a copyable link, emailed when the
// page is https), withdrawing invites, removing roles, and the log of role changes.
import {html, nothing, type ReactiveController, type TemplateResult} from 'lit';
import {commonMessages} from '../../i18n/common.messages.js';
import {formatDate} from '../../i18n/messages.js';
import {LiveController} from '../../controllers/live.js';
import {isKindredError, toKindredError} from '../../data/errors.js';
import {INVITE_PARAM, inviteLink, inviteState, type Invite} from '../../data/invites.js';
import type {TeamMember} from '../../data/community-admin.js';
import type {CommunityStore} from '../../data/store.js';
import {ROLE_NAMES, type Locale, type ModLogEntry, type RoleName} from '../../data/types.js';
import {communityAdminMessages, type CommunityAdminMessages} from './community-admin.messages.js';
import {field, type AdminContext} from './admin.context.js';
import {loadingText} from '../../directives/loading-text.js';

export class AdminTeam implements ReactiveController {
  #team: TeamMember[] | null = null;
  #newInvite: Invite | null = null;
  #inviteForm = {email: '', role: 'moderator' as RoleName, scope: '', days: '14'};
  readonly invites: LiveController<Invite[], [CommunityStore | null, boolean]>;
  readonly log: LiveController<ModLogEntry[], [CommunityStore | null, boolean]>;

  constructor(private readonly a: AdminContext) {
    a.host.addController(this);
    this.invites = new LiveController<Invite[], [CommunityStore | null, boolean]>(a.host, {
      key: () => [a.store, a.isAdmin && a.tab === 'team'],
      subscribe: ([s, on], next, error) => (s && on ? s.watchInvites(next, error) : null),
    });
    this.log = new LiveController<ModLogEntry[], [CommunityStore | null, boolean]>(a.host, {
      key: () => [a.store, a.isAdmin && a.tab === 'team'],
      subscribe: ([s, on], next, error) => (s && on ? s.watchModLog({limit: 50}, next, error) : null),
    });
  }

  hostUpdate() {}

  /** Everyone with a role; null until loaded. */
  get team(): TeamMember[] | null {
    return this.#team;
  }
  set team(t: TeamMember[] | null) {
    this.#team = t;
    this.a.host.requestUpdate();
  }
  get newInvite(): Invite | null {
    return this.#newInvite;
  }
  set newInvite(i: Invite | null) {
    this.#newInvite = i;
    this.a.host.requestUpdate();
  }
  get inviteForm() {
    return this.#inviteForm;
  }
  set inviteForm(f: {email: string; role: RoleName; scope: string; days: string}) {
    this.#inviteForm = f;
    this.a.host.requestUpdate();
  }

  async load() {
    const store = this.a.store;
    if (!store) return;
    try {
      this.team = await store.listTeam();
    } catch (e) {
      this.a.failure = {where: 'team', error: toKindredError(e)};
    }
  }

  render(m: CommunityAdminMessages, locale: Locale): TemplateResult {
    const c = commonMessages(locale);
    const me = this.a.uid;
    const failure = this.a.failure?.where === 'team' || this.a.failure?.where === 'invite' ? this.a.failure.error : null;
    const invites = this.invites.value ?? [];
    const log = (this.log.value ?? []).filter((e) => e.action === 'grant-role' || e.action === 'revoke-role' || e.action === 'accept-invite');
    // Claims are in the moderation log (issue 14); invites claimed before that still show from the invite itself.
    const logged = new Set(log.filter((e) => e.action === 'accept-invite').map((e) => e.targetPath.split('/')[1]));
    const claimed = invites.filter((i) => i.claimedBy && i.claimedAt && !logged.has(i.id));
    const changeText = (e: ModLogEntry) => {
      if (e.action !== 'accept-invite') {
        return m.changeLog(e.action === 'grant-role' ? m.granted : m.revokedRole, this.nameOf(e.targetPath) + (e.reason ? ` (${e.reason})` : ''), formatDate(e.at, locale));
      }
      const inv = invites.find((i) => i.id === e.targetPath.split('/')[1]);
      const who = inv?.email ?? this.nameOf(`members/${e.actorId}`);
      return m.changeAccepted(who, inv ? m.role(inv.role) : e.reason, formatDate(e.at, locale));
    };
    const f = this.inviteForm;
    return html`
      <section aria-labelledby="team-heading">
        ${this.a.heading(m.teamHeading, 1, 'team-heading')}
        ${this.team === null ? html`<p role="status" aria-busy="true">${loadingText(locale)}</p>` : this.team.length === 0 ? html`<p>${m.teamEmpty}</p>` : html`
          <table class="team"><thead><tr><th scope="col">${m.person}</th><th scope="col">${m.roles}</th><th scope="col">${m.via}</th></tr></thead>
            <tbody>${this.team.map((t) => {
              const name = t.pseudonym ?? m.formerMember;
              return html`<tr data-uid=${t.uid}>
                <th scope="row">${name} ${t.uid === me ? m.you : nothing}</th>
                <td><ul class="roles">${t.roles.map((r) => html`<li>${m.role(r)}${r === 'clinician' && t.clinicianScope ? ` (${t.clinicianScope})` : nothing}
                  ${t.uid !== me ? html`<button type="button" class="link danger" ?disabled=${this.a.busy !== null || this.a.offline}
                    aria-label=${m.remove(m.role(r), name)} @click=${() => this.removeRole(t, r)}>✕</button>` : nothing}</li>`)}</ul>
                  ${t.suspendedUntil && t.suspendedUntil > Date.now() ? html`<p class="meta">${m.suspendedUntil(formatDate(t.suspendedUntil, locale))}</p>` : nothing}</td>
                <td>${t.grantedBy.startsWith('invite:') ? m.viaInvite : m.viaAdmin}</td>
              </tr>`;
            })}</tbody></table>`}
      </section>
      <form class="invite" novalidate aria-labelledby="invite-heading" @submit=${this.sendInvite}>
        ${this.a.heading(m.inviteHeading, 1, 'invite-heading')}
        ${field(this.a, 'email', m.email, html`<input id="email" name="email" type="email" autocomplete="off" .value=${f.email}
          aria-invalid=${this.a.errors.email ? 'true' : 'false'} aria-describedby=${this.a.errors.email ? 'email-error' : nothing}
          @input=${(e: Event) => { this.inviteForm = {...this.inviteForm, email: (e.target as HTMLInputElement).value}; this.a.errors = {...this.a.errors, email: ''}; }} />`)}
        ${field(this.a, 'role', m.inviteRole, html`<select id="role" name="role" @change=${(e: Event) => (this.inviteForm = {...this.inviteForm, role: (e.target as HTMLSelectElement).value as RoleName})}>
          ${ROLE_NAMES.map((r) => html`<option value=${r} ?selected=${f.role === r}>${m.role(r)}</option>`)}</select>`)}
        ${f.role === 'clinician' ? field(this.a, 'clinicianScope', m.scope, html`<input id="clinicianScope" name="clinicianScope" .value=${f.scope}
          aria-invalid=${this.a.errors.clinicianScope ? 'true' : 'false'} aria-describedby=${this.a.errors.clinicianScope ? 'clinicianScope-error' : nothing}
          @input=${(e: Event) => { this.inviteForm = {...this.inviteForm, scope: (e.target as HTMLInputElement).value}; this.a.errors = {...this.a.errors, clinicianScope: ''}; }} />`) : nothing}
        ${field(this.a, 'days', m.days, html`<input id="days" name="days" type="number" inputmode="numeric" min="1" max="30" .value=${f.days}
          aria-invalid=${this.a.errors.days ? 'true' : 'false'} aria-describedby=${this.a.errors.days ? 'days-error' : nothing}
          @input=${(e: Event) => { this.inviteForm = {...this.inviteForm, days: (e.target as HTMLInputElement).value}; this.a.errors = {...this.a.errors, days: ''}; }} />`)}
        ${failure ? html`<p class="error" role="alert">${isKindredError(failure) && failure.code === 'permission-denied' ? failure.message : c.error(failure.code)}</p>` : nothing}
        <button type="submit" class="primary" ?disabled=${this.a.busy !== null || this.a.offline}>${this.a.busy === 'invite' ? m.working : m.sendInvite}</button>
        ${this.newInvite ? this.madeInvite(m) : nothing}
      </form>
      <section aria-labelledby="invites-heading">
        ${this.a.heading(m.invitesHeading, 1, 'invites-heading')}
        ${invites.length === 0 ? html`<p>${m.invitesEmpty}</p>` : html`<ul class="invites">${invites.map((i) => {
          const st = inviteState(i, Date.now());
          return html`<li data-invite=${i.id}><span>${i.email}</span> · <span>${m.role(i.role)}${i.clinicianScope ? ` (${i.clinicianScope})` : ''}</span> ·
            <strong>${m.inviteState(st)}</strong>${st === 'open' ? html` · ${m.expires(formatDate(i.expiresAt, locale))}
            <button type="button" class="link danger" ?disabled=${this.a.busy !== null || this.a.offline} @click=${() => this.revoke(i)}>${m.revoke(i.email)}</button>` : nothing}</li>`;
        })}</ul>`}
      </section>
      <section aria-labelledby="changes-heading">
        ${this.a.heading(m.changesHeading, 1, 'changes-heading')}
        ${claimed.length + log.length === 0 ? html`<p>${m.changesEmpty}</p>` : html`<ul class="changes">
          ${[...claimed.map((i) => ({at: i.claimedAt!, text: m.changeAccepted(i.email, m.role(i.role), formatDate(i.claimedAt!, locale))})),
            ...log.map((e) => ({at: e.at, text: changeText(e)}))]
            .sort((a, b) => b.at - a.at).map((x) => html`<li>${x.text}</li>`)}</ul>`}
      </section>`;
  }

  nameOf(targetPath: string): string {
    const uid = targetPath.split('/').pop() ?? '';
    return this.team?.find((t) => t.uid === uid)?.pseudonym ?? uid;
  }

  madeInvite(m: CommunityAdminMessages): TemplateResult {
    const link = this.link(this.newInvite!.id);
    return html`<div class="made" role="status">
      <p>${m.inviteMade(this.newInvite!.email)}</p>
      ${this.newInvite!.url ? html`<p>${m.inviteEmailed}</p>` : nothing}
      <label for="invite-link">${m.inviteLink}</label>
      <div class="copy"><input id="invite-link" readonly .value=${link} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <button type="button" @click=${() => this.copy(link)}>${m.copy}</button></div>
    </div>`;
  }

  link(id: string): string {
    const base = this.a.inviteUrl ?? location.href;
    const url = new URL(base, location.href);
    url.searchParams.delete(INVITE_PARAM);
    return inviteLink(url.toString(), id);
  }

  async copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      this.a.announce(communityAdminMessages(this.a.locale).copied);
    } catch {
      // No clipboard permission: the link stays selected in its field for the admin to copy.
      this.a.host.renderRoot.querySelector<HTMLInputElement>('#invite-link')?.select();
    }
  }

  sendInvite = async (e: Event) => {
    e.preventDefault();
    const store = this.a.store;
    const f = this.inviteForm;
    if (!store || !this.a.ask('invite', f.email)) return;
    this.a.busy = 'invite';
    this.a.failure = null;
    this.newInvite = null;
    try {
      const days = f.days.trim() === '' ? NaN : Number(f.days);
      // An https page gives the invite a link the functions email to the invitee (issue 14); elsewhere it is copied by hand.
      const base = new URL(this.a.inviteUrl ?? location.href, location.href);
      base.searchParams.delete(INVITE_PARAM);
      base.hash = '';
      const link = base.protocol === 'https:' ? base.toString() : null;
      this.newInvite = await store.createInvite({email: f.email, role: f.role, clinicianScope: f.role === 'clinician' ? f.scope : null, days, link});
      this.inviteForm = {email: '', role: f.role, scope: '', days: f.days};
      this.a.errors = {};
      this.a.done('invite', this.newInvite.id);
    } catch (err) {
      const error = toKindredError(err);
      if (error.code === 'invalid-argument' && error.field) {
        this.a.errors = {[error.field]: error.message};
        await this.a.host.updateComplete;
        this.a.host.renderRoot.querySelector<HTMLElement>(`#${error.field}`)?.focus();
      } else this.a.failure = {where: 'invite', error};
      this.a.report(error, 'invite');
    } finally {
      this.a.busy = null;
    }
  };

  async revoke(i: Invite) {
    const store = this.a.store;
    if (!store || !this.a.ask('revoke-invite', i.id)) return;
    this.a.busy = 'revoke';
    try {
      await store.revokeInvite(i.id);
      this.a.announce(communityAdminMessages(this.a.locale).revoked);
      this.a.done('revoke-invite', i.id);
    } catch (e) {
      this.a.failure = {where: 'team', error: toKindredError(e)};
      this.a.report(toKindredError(e), 'revoke-invite');
    } finally {
      this.a.busy = null;
    }
  }

  async removeRole(t: TeamMember, role: RoleName) {
    const store = this.a.store;
    if (!store || !this.a.ask('revoke-role', t.uid)) return;
    this.a.busy = 'role';
    try {
      await store.revokeRole(t.uid, role);
      const m = communityAdminMessages(this.a.locale);
      this.a.announce(m.removed(m.role(role), t.pseudonym ?? m.formerMember));
      this.a.done('revoke-role', t.uid);
      await this.load();
    } catch (e) {
      this.a.failure = {where: 'team', error: toKindredError(e)};
      this.a.report(toKindredError(e), 'revoke-role');
    } finally {
      this.a.busy = null;
    }
  }

}
