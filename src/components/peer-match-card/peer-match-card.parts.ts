// The opt-in form of <kin-peer-match-card>: what a member shares to be matched (every field optional).
import {html, nothing, type TemplateResult} from 'lit';
import {RELATIONSHIPS, type Locale} from '../../data/types.js';
import {AGE_BANDS, DIAGNOSED_BANDS, REGIONS, regionName} from '../../data/matching.js';
import type {commonMessages} from '../../i18n/common.messages.js';
import type {peerMatchCardMessages} from './peer-match-card.messages.js';
import {tagLabel} from '../../i18n/tags.js';

const DIAGNOSED_KEYS = {'under-1': 'diagnosed_under1', '1-3': 'diagnosed_1to3', '3-10': 'diagnosed_3to10', 'over-10': 'diagnosed_over10'} as const;

export function optInForm(t: ReturnType<typeof peerMatchCardMessages>, common: ReturnType<typeof commonMessages>, locale: Locale, tags: string[], customLabel: (tag: string) => string | null | undefined,
  {busy, offline, submit}: {busy: boolean; offline: boolean; submit: (e: SubmitEvent) => void}): TemplateResult {
  const regions = Object.keys(REGIONS);
  const option = (value: string, label: string) => html`<option value=${value}>${label}</option>`;
  return html`<form part="form" @submit=${submit}>
    <p class="muted">${t.formLegend}</p>
    ${tags.length ? html`<fieldset><legend>${t.conditions}</legend>
      ${tags.map((tag, i) => html`<label class="check"><input type="checkbox" name="conditions" value=${tag} id=${`c-${i}`} />${customLabel(tag) ?? tagLabel(tag, tags)}</label>`)}
    </fieldset>` : nothing}
    <div class="field"><label for="f-diagnosed">${t.diagnosed}</label>
      <select id="f-diagnosed" name="diagnosedBand">${option('', t.band_unset)}
        ${DIAGNOSED_BANDS.map((b) => option(b, t[DIAGNOSED_KEYS[b]]))}</select></div>
    <div class="field"><label for="f-relationship">${t.relationship}</label>
      <select id="f-relationship" name="relationship">${option('', t.band_unset)}
        ${RELATIONSHIPS.map((r) => option(r, common[`relationship_${r}`]))}</select></div>
    <div class="field"><label for="f-age">${t.age}</label>
      <select id="f-age" name="ageBand">${option('', t.band_unset)}${AGE_BANDS.map((b) => option(b, b.replace('-', '–')))}</select></div>
    <div class="field"><label for="f-region">${t.region}</label>
      <select id="f-region" name="region">${option('', t.band_unset)}
        ${regions.map((r) => option(r, regionName(r, locale)))}</select></div>
    <fieldset><legend>${t.languages}</legend>
      <label class="check"><input type="checkbox" name="languages" value="en" />${t.lang_en}</label>
      <label class="check"><input type="checkbox" name="languages" value="cy" />${t.lang_cy}</label>
    </fieldset>
    <div class="field"><label for="f-interests">${t.interests}</label>
      <input id="f-interests" type="text" name="interests" maxlength="400" /></div>
    <label class="check"><input type="checkbox" name="open" checked />${t.open}</label>
    <div class="actions"><button class="primary" type="submit" ?disabled=${busy || offline}>${busy ? t.saving : t.save}</button></div>
  </form>`;
}
