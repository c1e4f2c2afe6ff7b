// Issue 14: the community document's update rule must keep room under Firestore's limit of 1,000 expressions a
// request may evaluate, so that a rule added later does not silently push the admin console's largest save over
// it (it was refused until session 4: test/rules/admin-settings.test.ts "the worst case saves in ONE update").
// How: this file's own project gets the real firestore.rules with a padding of known cost in front of the
// community update (`allow update: if pad() && signedIn() && communityUpdate()`). The padding is measured here
// first, on a rule of padding alone; then the worst console save must still pass with 200 expressions of padding
// in front of it, i.e. it costs at most 800. (Measured in session 4: ≈ 724.) Forged REST writes, real emulator.
import {expect} from '@open-wc/testing';
import {baseline, pathIn} from './rules-fixture.js';
import {RestClient} from './rest.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import {emulatorHost} from '../support/env.js';

const PROJECT = 'demo-kindred-rules-budget';
const ALLOW = 'allow update: if signedIn() && communityUpdate();';
const OPEN = 'match /databases/{database}/documents {';

/** `units` padding terms (`true`), ten to a function, so no single expression grows too deep to compile. */
function padding(units: number): {fns: string; call: string} {
  const groups = Math.floor(units / 10);
  const fns = Array.from({length: groups}, (_, i) => `function budgetPad${i}() { return ${Array(10).fill('true').join(' && ')}; }`);
  const call = [...Array.from({length: groups}, (_, i) => `budgetPad${i}()`), ...Array(units % 10).fill('true'), 'true'].join(' && ');
  return {fns: fns.join('\n    '), call: `(${call})`};
}

/** The real rules, with `units` of padding before the community update and alone on /budgetPad/{id}. */
function padded(rules: string, units: number): string {
  const {fns, call} = padding(units);
  expect(rules.split(ALLOW)).to.have.length(2, `firestore.rules holds "${ALLOW}" once`);
  return rules.replace(ALLOW, `allow update: if ${call} && signedIn() && communityUpdate();`)
    .replace(OPEN, `${OPEN}\n    ${fns}\n    match /budgetPad/{id} { allow write: if ${call}; }`);
}

async function load(content: string) {
  const {host, port} = emulatorHost();
  const r = await fetch(`http://${host}:${port}/emulator/v1/projects/${PROJECT}:securityRules`, {
    method: 'PUT', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({rules: {files: [{name: 'firestore.rules', content}]}}),
  });
  if (!r.ok) throw new Error(`loading the padded rules: ${r.status} ${(await r.text()).slice(0, 500)}`);
}

const settings = (extra: Record<string, unknown> = {}) => ({
  visibility: 'public', moderation: 'post', holdFirstPosts: 0, bannedWords: [], nation: 'wales', tags: [],
  guidelinesVersion: 'g2', consentVersion: 'c1', ...extra,
});
/** The console's largest save: every list full, every text at its limit, everything changed. */
function worstCase() {
  const tags = Array.from({length: 100}, (_, i) => `${String(i).padStart(3, '0')}-${'t'.repeat(36)}`);
  const label = (lang: string) => Object.fromEntries(tags.map((t, i) => [t, `${lang} ${i} ${'l'.repeat(60)}`.slice(0, 60)]));
  const contact = (i: number) => ({
    name: {en: `Helpline ${i} ${'n'.repeat(80)}`.slice(0, 80), cy: `Llinell ${i} ${'n'.repeat(80)}`.slice(0, 80)},
    detail: {en: `Weekdays ${'d'.repeat(200)}`.slice(0, 200), cy: `Dyddiau ${'d'.repeat(200)}`.slice(0, 200)},
    number: '+44 7700 900 123 456', sms: i === 2,
  });
  return {
    name: {en: 'N'.repeat(120), cy: 'E'.repeat(120)}, tagline: {en: 'T'.repeat(300), cy: 'C'.repeat(300)},
    settings: settings({
      bannedWords: Array.from({length: 500}, (_, i) => `${i} ${'w'.repeat(100)}`.slice(0, 100)),
      tags, tagLabels: {en: label('en'), cy: label('cy')},
      crisisContacts: {extra: [contact(0), contact(1), contact(2)], hide: ['nhs111-wales', 'nhs111', 'nhs24', 'samaritans-cy', 'shout', 'call', 'lifeline', 'childline', 'breathing-space']},
      guidelines: {en: 'Be kind. '.repeat(900).slice(0, 8000).trim(), cy: 'Byddwch yn garedig. '.repeat(400).slice(0, 8000).trim()},
      moderation: 'first-posts', holdFirstPosts: 100, postIntervalSeconds: 86400, reportsPerHour: 1000, nation: 'scotland',
      visibility: 'members', requireEmailSignIn: true, crisisReview: true, guidelinesVersion: 'g3', consentVersion: 'c2',
    }),
  };
}

describe('firestore.rules: the community update keeps room in the 1,000-expression budget (issue 14)', function () {
  this.timeout(180000);
  const admin = new FirestoreAdmin(PROJECT);
  let rules = '';
  before(async () => {
    rules = await (await fetch('/firestore.rules')).text();
  });
  after(async () => {
    await admin.clear();
    await load(rules);
  });

  it('the worst console save passes with 200 expressions of padding in front of it (it costs at most 800)', async () => {
    // The padding's cost, measured: 300 units alone pass, 340 alone exceed the budget, so a unit costs ≥ 1000/340.
    const pad = new RestClient(PROJECT, 'adm1');
    const padWrite = () => pad.commit([{set: 'budgetPad/x', data: {n: 1}}]);
    await load(padded(rules, 300));
    expect((await padWrite()).status, '300 units of padding alone').to.equal(200);
    await load(padded(rules, 340));
    const over = await padWrite();
    expect(over.status, '340 units of padding alone').to.equal(403);
    expect(over.message).to.contain('maximum of 1000 expressions');
    const units = Math.ceil(200 / (1000 / 340)); // 68 units ≥ 200 expressions
    await admin.writeDocs(baseline('budget'));
    await load(padded(rules, units));
    const r = await new RestClient(PROJECT, 'adm1').commit([{update: pathIn('budget'), data: worstCase()}]);
    expect(r.status, `the worst console save with ${units} units of padding: ${r.message}`).to.equal(200);
    // And it is the real save: a member's forged token gets nothing through the same padded rules.
    const m = await new RestClient(PROJECT, 'm1').commit([{update: pathIn('budget'), data: {settings: settings({moderation: 'all'})}}]);
    expect(m.status).to.equal(403);
  });
});
