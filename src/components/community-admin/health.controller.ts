// <kin-community-admin>'s health tab (issue 14): figures for trustees and funders (src/data/health.ts: counted
// by aggregation queries, counts under 5 suppressed), downloadable as CSV.
import {html, nothing, type ReactiveController, type TemplateResult} from 'lit';
import {commonMessages} from '../../i18n/common.messages.js';
import {toKindredError} from '../../data/errors.js';
import {HEALTH_KEYS, healthCsv, shownValue, type CommunityHealth, type HealthFigure} from '../../data/health.js';
import type {Locale} from '../../data/types.js';
import type {CommunityAdminMessages} from './community-admin.messages.js';
import type {AdminContext} from './admin.context.js';
import {loadingText} from '../../directives/loading-text.js';

export class AdminHealth implements ReactiveController {
  #health: CommunityHealth | null = null;

  constructor(private readonly a: AdminContext) {
    a.host.addController(this);
  }

  hostUpdate() {}

  /** The last figures counted; null until the tab is first opened. */
  get health(): CommunityHealth | null {
    return this.#health;
  }
  set health(h: CommunityHealth | null) {
    this.#health = h;
    this.a.host.requestUpdate();
  }

  async load() {
    const store = this.a.store;
    if (!store) return;
    this.a.busy = 'health';
    this.a.failure = null;
    try {
      this.health = await store.communityHealth();
    } catch (e) {
      this.a.failure = {where: 'health', error: toKindredError(e)};
      this.a.report(toKindredError(e), 'health');
    } finally {
      this.a.busy = null;
    }
  }

  shown(f: HealthFigure, m: CommunityAdminMessages): string {
    const s = shownValue(f);
    if (s.suppressed) return f.unit === 'count' ? m.fewer : m.notEnough;
    if (s.value === null) return '—';
    return f.unit === 'percent' ? m.percent(s.value) : f.unit === 'hours' ? m.hours(s.value) : String(s.value);
  }

  render(m: CommunityAdminMessages, locale: Locale): TemplateResult {
    const c = commonMessages(locale);
    const h = this.health;
    const failure = this.a.failure?.where === 'health' ? this.a.failure.error : null;
    const csv = h ? `data:text/csv;charset=utf-8,${encodeURIComponent(healthCsv(h, (k) => m.metric(k)))}` : null;
    return html`<section aria-labelledby="health-heading">
      ${this.a.heading(m.healthHeading, 1, 'health-heading')}
      <p>${m.healthIntro}</p>
      ${failure ? html`<p class="error" role="alert">${c.error(failure.code)} <button type="button" @click=${() => this.load()}>${c.retry}</button></p>` : nothing}
      ${!h ? (failure ? nothing : html`<p role="status" aria-busy="true">${loadingText(locale)}</p>`) : html`
        <table class="health"><caption class="visually-hidden">${m.healthHeading}</caption>
          <thead><tr><th scope="col">${m.figure}</th><th scope="col">${m.value}</th><th scope="col">${m.reads}</th></tr></thead>
          <tbody>${HEALTH_KEYS.map((k) => h.figures.find((f) => f.key === k)).filter((f): f is HealthFigure => !!f).map((f) => html`
            <tr data-figure=${f.key}><th scope="row">${m.metric(f.key)}</th><td>${this.shown(f, m)}</td><td>${f.reads}</td></tr>`)}</tbody>
        </table>
        <p class="actions">
          <button type="button" ?disabled=${this.a.busy !== null || this.a.offline} @click=${() => this.load()}>${this.a.busy === 'health' ? m.working : m.refresh}</button>
          <a class="button" href=${csv!} download="community-health-${new Date(h.at).toISOString().slice(0, 10)}.csv">${m.csv}</a>
        </p>`}
    </section>`;
  }

}
