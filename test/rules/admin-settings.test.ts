// firestore.rules, issue 14 (second slice), on the real emulator: the settings the admin console edits
// (guidelines text, tag names per language, the community's own crisis contacts), members agreeing again
// after a guidelines version bump before their next post, the claim's moderation-log entry, and the link an
// invite carries for its email. Each refusal beside the allowed write.
import {expect} from '@open-wc/testing';
import firebase from 'firebase/compat/app';
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {GUIDELINES, baseline, postWithBump, rolesDoc, setUp, ts, type Db, type RulesEnv} from './rules-fixture.js';
import {claimLogEntry, claimedRoles, type Invite} from '../../src/data/invites.js';
import {emptyRoles} from '../../src/data/domain/members.js';
import {docIn, pathIn} from './rules-fixture.js';
import {RestClient, accepted, refused} from './rest.js';
import {layout} from '../../src/data/domain/layout.js';

const DAY = 86400000;
const INVITE = 'inviteModeratorMel01';
const CLIN = 'inviteClinicianMel01';

const settings = (extra: Record<string, unknown> = {}) => ({
  visibility: 'public', moderation: 'post', holdFirstPosts: 0, bannedWords: [], nation: 'wales', tags: ['asthma', 'carers'],
  guidelinesVersion: GUIDELINES, consentVersion: 'c1', ...extra,
});
const contact = (extra: Record<string, unknown> = {}) => ({
  name: {en: 'Asthma Cymru helpline', cy: 'Llinell gymorth Asthma Cymru'}, detail: {en: 'Weekdays 9 to 5'}, number: '0300 222 5800', sms: false, ...extra,
});

/** Every list full, every text at its limit (suffix: a second, different worst case). */
function worstCase(x = '') {
  const tags = Array.from({length: 100}, (_, i) => `${x}${String(i).padStart(3, '0')}-${'t'.repeat(35)}`.slice(0, 40));
  const label = (lang: string) => Object.fromEntries(tags.map((t, i) => [t, `${lang} ${x}${i} ${'l'.repeat(60)}`.slice(0, 60)]));
  const full = (i: number) => contact({
    name: {en: `${x}Helpline ${i} ${'n'.repeat(80)}`.slice(0, 80), cy: `${x}Llinell ${i} ${'n'.repeat(80)}`.slice(0, 80)},
    detail: {en: `${x}Weekdays ${'d'.repeat(200)}`.slice(0, 200), cy: `${x}Dyddiau ${'d'.repeat(200)}`.slice(0, 200)},
    number: '+44 7700 900 123 456', sms: i === 2,
  });
  return {
    bannedWords: Array.from({length: 500}, (_, i) => `${x}${i} ${'w'.repeat(100)}`.slice(0, 100)),
    tags, tagLabels: {en: label('en'), cy: label('cy')},
    crisisContacts: {extra: [full(0), full(1), full(2)], hide: ['nhs111-wales', 'nhs111', 'nhs24', 'samaritans-cy', 'shout', 'call', 'lifeline', 'childline', 'breathing-space']},
    guidelines: {en: `${x}${'Be kind. '.repeat(900)}`.slice(0, 8000).trim(), cy: `${x}${'Byddwch yn garedig. '.repeat(400)}`.slice(0, 8000).trim()},
    moderation: 'first-posts', holdFirstPosts: 100, postIntervalSeconds: 86400, reportsPerHour: 1000, nation: 'scotland', visibility: 'members',
    requireEmailSignIn: true, crisisReview: true, guidelinesVersion: `${GUIDELINES}-${x}9`,
  };
}

let n = 0;
async function world(rt: RulesEnv): Promise<string> {
  const cid = `admin-settings-${++n}`;
  const docs = baseline(cid);
  const inv = (role: string, extra: Record<string, unknown> = {}) => ({
    email: 'mel@example.org', role, clinicianScope: role === 'clinician' ? 'Asthma nurse' : null, invitedBy: 'adm1',
    createdAt: new Date(Date.now() - DAY), expiresAt: new Date(Date.now() + 14 * DAY), claimedBy: null, claimedAt: null, revokedBy: null, ...extra,
  });
  docs.push([pathIn(cid, `invites/${INVITE}`), inv('moderator')], [pathIn(cid, `invites/${CLIN}`), inv('clinician')]);
  await rt.admin.writeDocs(docs);
  return cid;
}

describe('firestore.rules: admin console settings, agreeing again, claim log, invite links (issue 14)', function () {
  this.timeout(120000);
  let rt: RulesEnv;
  const open: Db[] = [];
  function as(uid: string, token: Record<string, unknown> = {}): Db {
    const db = rt.env.authenticatedContext(uid, token).firestore() as unknown as Db;
    open.push(db);
    return db;
  }

  before(async () => {
    rt = await setUp('demo-kindred-rules-admin-settings');
  });
  after(async () => {
    await rt?.admin.clear();
    await rt?.env.cleanup();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.terminate()));
  });

  it('guidelines text, tag names and crisis contacts: an admin saves valid ones; malformed ones are refused', async () => {
    const cid = await world(rt);
    const admin = as('adm1');
    let step = 0;
    const save = (extra: Record<string, unknown>) => {
      const i = ++step;
      return admin.doc(pathIn(cid)).update({settings: settings(extra)}).catch((e: Error) => {
        e.message = `save #${i}: ${e.message}`;
        throw e;
      });
    };
    await assertSucceeds(save({}));
    await assertSucceeds(save({
      guidelines: {en: 'Be kind.\n\nKeep others’ stories private.', cy: 'Byddwch yn garedig.'},
      tagLabels: {en: {asthma: 'Asthma', carers: 'Carers'}, cy: {asthma: 'Asthma', carers: 'Gofalwyr'}},
      crisisContacts: {extra: [contact(), contact({number: '+44 7700 900123', sms: true, detail: {en: ''}})], hide: ['shout', 'childline']},
    }));
    // A later save that leaves them as they are (the console saves every setting each time) is not checked again.
    await assertSucceeds(save({
      guidelines: {en: 'Be kind.\n\nKeep others’ stories private.', cy: 'Byddwch yn garedig.'},
      tagLabels: {en: {asthma: 'Asthma', carers: 'Carers'}, cy: {asthma: 'Asthma', carers: 'Gofalwyr'}},
      crisisContacts: {extra: [contact(), contact({number: '+44 7700 900123', sms: true, detail: {en: ''}})], hide: ['shout', 'childline']},
      moderation: 'first-posts', holdFirstPosts: 1,
    }));
    // tag names: only for the community's tags, one line of 1–60 characters (a non-text value is not checked
    // here: community-admin.ts tagLabel shows the tag id for it)
    await assertFails(save({tagLabels: {en: {inhalers: 'Inhalers'}}}));
    await assertFails(save({tagLabels: {en: {asthma: 'Two\nlines'}}}));
    await assertFails(save({tagLabels: {en: {asthma: 'x'.repeat(61)}}}));
    await assertFails(save({tagLabels: {en: {asthma: ''}}}));
    await assertFails(save({tagLabels: {fr: {asthma: 'Asthme'}}}));
    // crisis contacts: at most 3 of the community's own, nothing but the two lists; 999 and Samaritans always stay
    // (each contact's fields are the stores' check: see validCrisisContacts in firestore.rules)
    await assertFails(save({crisisContacts: {extra: [contact(), contact(), contact(), contact()], hide: []}}));
    await assertFails(save({crisisContacts: {extra: [], hide: ['samaritans']}}));
    await assertFails(save({crisisContacts: {extra: [], hide: ['emergency']}}));
    await assertFails(save({crisisContacts: {extra: []}}));
    await assertFails(save({crisisContacts: {extra: 'call us', hide: []}}));
    // guidelines: English present, at most 8,000 characters
    await assertFails(save({guidelines: {cy: 'Byddwch yn garedig.'}}));
    await assertFails(save({guidelines: {en: 'x'.repeat(8001)}}));
    // and only admins
    await assertFails(as('mod1').doc(pathIn(cid)).update({settings: settings({guidelines: {en: 'Be kind.'}})}));
  });

  // Issue 14, third slice: the rules check every list as one joined text, so a single console save of the
  // largest settings (every list full, every text at its limit, everything changed) stays within the
  // 1,000-expression budget a request may evaluate. It used to be refused from about 9 banned words on.
  it('the worst case saves in ONE update: 500 banned words, 100 tags with names in en + cy, 3 contacts, guidelines', async () => {
    const cid = await world(rt);
    const admin = as('adm1');
    const w = worstCase();
    await assertSucceeds(admin.doc(pathIn(cid)).update({name: {en: 'N'.repeat(120), cy: 'E'.repeat(120)}, tagline: {en: 'T'.repeat(300)}, settings: settings(w)}));
    const saved = await rt.admin.getRaw(pathIn(cid));
    const fields = (saved?.settings as {mapValue: {fields: Record<string, {arrayValue?: {values?: unknown[]}}>}}).mapValue.fields;
    expect(fields.bannedWords.arrayValue?.values).to.have.length(500);
    expect(fields.tags.arrayValue?.values).to.have.length(100);
    // And again with every list changed (nothing skipped as "unchanged").
    await assertSucceeds(admin.doc(pathIn(cid)).update({settings: settings(worstCase('x'))}));
  });

  it('lists and contacts: each entry\'s type and form is checked, however long the list', async () => {
    const cid = await world(rt);
    const admin = as('adm1');
    const words = Array.from({length: 400}, (_, i) => `word${i}`);
    const save = (extra: Record<string, unknown>) => admin.doc(pathIn(cid)).update({settings: settings(extra)});
    await assertSucceeds(save({bannedWords: words}));
    // banned words (and tags): text, one line, 1–100 (tags 1–40) characters, not padded, no control characters —
    // also far down a long list, where the old rule (which looked at the first 10) did not look
    for (const bad of [5, '', ' padded', 'padded ', 'two\nlines', 'x'.repeat(101), 'bell\u0007', {w: 'map'}, null]) {
      await assertFails(save({bannedWords: [...words.slice(0, 300), bad]}));
    }
    await assertSucceeds(save({bannedWords: [...words.slice(0, 300), 'x'.repeat(100)]}));
    await assertFails(save({tags: ['asthma', 'carers', 'x'.repeat(41)]}));
    await assertFails(save({tags: ['asthma', 7]}));
    // tag names: text only (a number or a map is refused), one line of 1–60 characters
    await assertFails(save({tagLabels: {en: {asthma: 5}}}));
    await assertFails(save({tagLabels: {en: {asthma: 'Asthma', carers: true}}}));
    await assertFails(save({tagLabels: {cy: {asthma: {en: 'Asthma'}}}}));
    await assertFails(save({tagLabels: {en: {asthma: ' Asthma'}}}));
    // each contact's fields: a phone number of 3–15 digits, sms a bool, name 1–80, detail 0–200, one line, no other keys
    for (const bad of [
      {number: 'javascript:alert(1)'}, {number: '12'}, {number: '0300 222 5800 1234 5678'}, {number: '0300  222'}, {number: 3002225800},
      {sms: 'yes'}, {name: {en: ''}}, {name: {en: 'x'.repeat(81)}}, {name: {en: 'Two\nlines'}}, {name: {fr: 'Ligne'}},
      {name: {en: 'Helpline', cy: 7}}, {detail: {en: 'x'.repeat(201)}}, {detail: {en: 'ok', de: 'nein'}}, {href: 'javascript:alert(1)'},
    ]) {
      await assertFails(save({crisisContacts: {extra: [contact(), contact(bad)], hide: []}}));
    }
    const bare: Record<string, unknown> = {...contact()};
    delete bare.sms;
    await assertFails(save({crisisContacts: {extra: [bare], hide: []}}));
    await assertSucceeds(save({crisisContacts: {extra: [contact({name: {en: 'A'}, detail: {en: ''}, number: '999'})], hide: []}}));
    // the two switches the console now has: bools only
    await assertFails(save({requireEmailSignIn: 'yes'}));
    await assertFails(save({crisisReview: 1}));
    await assertSucceeds(save({requireEmailSignIn: true, crisisReview: true}));
  });

  // Issue 14, fourth slice: what the stores validate for tag names and crisis contacts, the rules type-check too.
  // Raw commits over REST with a forged admin token (no SDK, no store validation in between): each must be a 403
  // from the rules, beside the accepted write of the same shape. The bad entry sits last in a full list, where a
  // rule that looked at the first entries only would miss it.
  it('forged REST writes of tag names and crisis contacts that the stores refuse are refused (403)', async () => {
    const cid = await world(rt);
    const project = 'demo-kindred-rules-admin-settings';
    const admin = new RestClient(project, 'adm1');
    const save = (extra: Record<string, unknown>, by = admin) => by.commit([{update: pathIn(cid), data: {settings: settings(extra)}}]);
    const names = (en: Record<string, unknown>, cy: Record<string, unknown> = {asthma: 'Asthma'}) => ({tagLabels: {en, cy}});
    const three = (bad: Record<string, unknown>) => ({crisisContacts: {extra: [contact(), contact({sms: true}), {...contact(), ...bad}], hide: ['shout']}});
    accepted(await save({...names({asthma: 'Asthma', carers: 'Carers'}, {asthma: 'Asthma', carers: 'Gofalwyr'}), ...three({})}), 'valid names and three contacts');
    const attacks: [string, Record<string, unknown>][] = [
      // tag names: text of one line, 1–60 characters, only for the community's tags, only en / cy
      ['a tag name that is a number', names({asthma: 'Asthma', carers: 7})],
      ['a tag name that is a map', names({asthma: {text: 'Asthma'}})],
      ['a tag name that is a list', names({asthma: ['Asthma']})],
      ['a tag name that is null', names({asthma: null})],
      ['a tag name that is true', names({asthma: 'Asthma'}, {carers: true})],
      ['a tag name with a control character', names({asthma: 'Asth\u0000ma'})],
      ['a tag name of two lines', names({asthma: 'Asthma\nhttps://evil.example'})],
      ['a tag name of 61 characters', names({asthma: 'x'.repeat(61)})],
      ['an empty tag name', names({asthma: ''})],
      ['a tag name starting with a space', names({asthma: ' Asthma'})],
      ['a name for a tag the community does not have', names({asthma: 'Asthma', inhalers: 'Inhalers'})],
      ['tag names in another language', {tagLabels: {en: {asthma: 'Asthma'}, fr: {asthma: 'Asthme'}}}],
      ['tag names that are a text', {tagLabels: 'asthma = Asthma'}],
      // contacts: name 1–80 (cy 0–80) and detail 0–200, one line each; a number of 3–15 digits; sms a bool; nothing else
      ['a contact whose number is a javascript: link', three({number: 'javascript:alert(1)'})],
      ['a contact whose number is a tel: link', three({number: 'tel:999'})],
      ['a contact whose number is an https link', three({number: 'https://evil.example'})],
      ['a contact whose number is a number', three({number: 3002225800})],
      ['a contact whose number has letters', three({number: '0300 CALL NOW'})],
      ['a contact with a link beside its number', three({href: 'https://evil.example'})],
      ['a contact with a url field', three({url: 'https://evil.example'})],
      ['a contact whose sms is text', three({sms: 'true'})],
      ['a contact without sms', three({sms: undefined})],
      ['a contact without a number', three({number: undefined})],
      ['a contact whose name is a text, not {en, cy}', three({name: 'Helpline'})],
      ['a contact whose name is a number', three({name: {en: 5}})],
      ['a contact whose Welsh name is a list', three({name: {en: 'Helpline', cy: ['Llinell']}})],
      ['a contact named in another language', three({name: {en: 'Helpline', fr: 'Ligne'}})],
      ['a contact whose name is empty', three({name: {en: ''}})],
      ['a contact whose name is 81 characters', three({name: {en: 'x'.repeat(81)}})],
      ['a contact whose name holds a control character', three({name: {en: 'Help\u0007line'}})],
      ['a contact whose detail is two lines', three({detail: {en: 'Weekdays\n<script>'}})],
      ['a contact whose detail is 201 characters', three({detail: {en: 'x'.repeat(201)}})],
      ['a contact whose detail is a map of maps', three({detail: {en: {text: 'Weekdays'}}})],
      ['four contacts of their own', {crisisContacts: {extra: [contact(), contact(), contact(), contact()], hide: []}}],
      ['contacts as a map, not a list', {crisisContacts: {extra: {0: contact()}, hide: []}}],
      ['a contact that is a text', {crisisContacts: {extra: ['0300 222 5800'], hide: []}}],
      ['hiding Samaritans', {crisisContacts: {extra: [], hide: ['shout', 'samaritans']}}],
      ['hiding two defaults in one entry', {crisisContacts: {extra: [], hide: ['shout\nnhs111']}}],
      ['hiding an unknown contact', {crisisContacts: {extra: [], hide: ['emergency']}}],
      ['a hide list that is a text', {crisisContacts: {extra: [], hide: 'shout'}}],
      ['contacts with a third list', {crisisContacts: {extra: [], hide: [], links: ['https://evil.example']}}],
      // the rest of the settings, checked by this slice's compact rules (one joined text for the choices and the
      // versions, one for the three numbers)
      ['an unknown visibility', {visibility: 'everyone'}],
      ['a moderation mode padded to look right', {moderation: 'post\nall'}],
      ['a nation that is a list', {nation: ['wales']}],
      ['a guidelines version of two lines', {guidelinesVersion: 'g3\nwales'}],
      ['a guidelines version of 41 characters', {guidelinesVersion: 'g'.repeat(41)}],
      ['an empty consent version', {consentVersion: ''}],
      ['a consent version that is a number', {consentVersion: 3}],
      ['posts held: 101', {holdFirstPosts: 101}],
      ['posts held: -1', {holdFirstPosts: -1}],
      ['posts held: 1.5', {holdFirstPosts: 1.5}],
      ['posts held: "5"', {holdFirstPosts: '5'}],
      ['seconds between posts: 86,401', {postIntervalSeconds: 86401}],
      ['seconds between posts: 90,000', {postIntervalSeconds: 90000}],
      ['reports per hour: 1,001', {reportsPerHour: 1001}],
      ['reports per hour: 0.5', {reportsPerHour: 0.5}],
      ['email sign-in: "yes"', {requireEmailSignIn: 'yes'}],
      ['an unknown setting', {isAdmin: true}],
    ];
    for (const [what, extra] of attacks) refused(await save(extra), what);
    accepted(await save({holdFirstPosts: 100, postIntervalSeconds: 86400, reportsPerHour: 1000, guidelinesVersion: 'g'.repeat(40), nation: 'northern-ireland'}),
      'every number at its limit');
    // And only an admin: a member's forged token with valid settings.
    refused(await save(names({asthma: 'Asthma'}), new RestClient(project, 'm1')), 'a member saving tag names');
    const stored = await rt.admin.getRaw(pathIn(cid)) as {settings?: {mapValue?: {fields?: Record<string, {integerValue?: string}>}}};
    expect(stored?.settings?.mapValue?.fields?.postIntervalSeconds?.integerValue).to.equal('86400');
  });

  it('after a guidelines version bump a member agrees again before posting; the agreement names the current version', async () => {
    const cid = await world(rt);
    await assertSucceeds(as('adm1').doc(pathIn(cid)).update({settings: settings({guidelinesVersion: 'g3', guidelines: {en: 'New rules.'}})}));
    const m1 = as('m1');
    await assertFails(postWithBump(m1, cid, 'm1', 'pm1'));
    // Agreeing to an old or made-up version is refused; the current one is accepted.
    await assertFails(docIn(m1, cid, layout.private('m1')).update({guidelines: {version: GUIDELINES, at: ts()}}));
    await assertFails(docIn(m1, cid, layout.private('m1')).update({guidelines: {version: 'g4', at: ts()}}));
    await assertSucceeds(docIn(m1, cid, layout.private('m1')).update({guidelines: {version: 'g3', at: ts()}}));
    await assertSucceeds(postWithBump(m1, cid, 'm1', 'pm1'));
    // Moderators are asked too.
    await assertFails(postWithBump(as('mod1'), cid, 'mod1', 'pmod'));
  });

  describe('the claim is logged', () => {
    function claim(db: Db, cid: string, id: string, inv: Invite, log: Record<string, unknown> | null, logId = `invite_${id}`) {
      const next = claimedRoles(emptyRoles('m1'), inv, 0);
      const batch = db.batch();
      batch.update(docIn(db, cid, `invites/${id}`), {claimedBy: 'm1', claimedAt: ts()});
      batch.set(docIn(db, cid, layout.roles('m1')), rolesDoc('m1', `invite:${id}`, {
        roles: next.roles, clinicianScope: next.clinicianScope, verifiedBy: next.verifiedBy, verifiedAt: next.verifiedAt === null ? null : ts(),
      }));
      batch.update(docIn(db, cid, layout.member('m1')), {badges: next.roles, clinicianScope: next.clinicianScope});
      if (log) batch.set(docIn(db, cid, layout.logEntry(logId)), log);
      return batch.commit();
    }
    const entry = (inv: Invite, extra: Record<string, unknown> = {}) => {
      const l = claimLogEntry(inv);
      return {action: l.action, actorId: 'm1', targetPath: l.targetPath, reason: l.reason, at: ts(), ...extra};
    };
    const mel = {email: 'mel@example.org', email_verified: true};
    const modInv = {id: INVITE, role: 'moderator', clinicianScope: null, invitedBy: 'adm1'} as Invite;
    const clinInv = {id: CLIN, role: 'clinician', clinicianScope: 'Asthma nurse', invitedBy: 'adm1'} as Invite;

    it('with the claim, in its batch, once; the moderators read it', async () => {
      const cid = await world(rt);
      await assertSucceeds(claim(as('m1', mel), cid, INVITE, modInv, entry(modInv)));
      const log = await rt.admin.getRaw(pathIn(cid, layout.logEntry(`invite_${INVITE}`)));
      expect(log?.action).to.deep.equal({stringValue: 'accept-invite'});
      expect(log?.reason).to.deep.equal({stringValue: 'moderator'});
      await assertSucceeds(docIn(as('adm1'), cid, layout.logEntry(`invite_${INVITE}`)).get());
      // Append-only: the same entry again, or changed, is refused.
      await assertFails(docIn(as('m1', mel), cid, layout.logEntry(`invite_${INVITE}`)).set(entry(modInv)));
    });

    it('a clinician\'s entry names the scope', async () => {
      const cid = await world(rt);
      await assertFails(claim(as('m1', mel), cid, CLIN, clinInv, entry(clinInv, {reason: 'clinician'})));
      await assertSucceeds(claim(as('m1', mel), cid, CLIN, clinInv, entry(clinInv)));
    });

    it('refused: an entry without the claim, a forged reason, action or actor, another id', async () => {
      const cid = await world(rt);
      const m1 = as('m1', mel);
      await assertFails(docIn(m1, cid, layout.logEntry(`invite_${INVITE}`)).set(entry(modInv)));
      await assertFails(claim(m1, cid, INVITE, modInv, entry(modInv, {reason: 'admin'})));
      await assertFails(claim(m1, cid, INVITE, modInv, entry(modInv, {action: 'grant-role'})));
      await assertFails(claim(m1, cid, INVITE, modInv, entry(modInv, {actorId: 'm2'})));
      await assertFails(claim(m1, cid, INVITE, modInv, entry(modInv), 'invite_somethingElse00001'));
      await assertFails(claim(m1, cid, INVITE, modInv, entry(modInv, {targetPath: `invites/${CLIN}`}), `invite_${CLIN}`));
      // The claim without an entry still works (a client of the first slice).
      await assertSucceeds(claim(m1, cid, INVITE, modInv, null));
    });
  });

  it('an invite may carry its https link (emailed by the functions); a link naming another invite, or http, is refused', async () => {
    const cid = await world(rt);
    const admin = as('adm1', {email: 'ada@example.org', email_verified: true});
    const make = (id: string, url: unknown) => docIn(admin, cid, `invites/${id}`).set({
      email: 'new@example.org', role: 'moderator', clinicianScope: null, invitedBy: 'adm1', createdAt: ts(),
      expiresAt: firebase.firestore.Timestamp.fromMillis(Date.now() + 14 * DAY), claimedBy: null, claimedAt: null, revokedBy: null,
      ...(url === undefined ? {} : {url}),
    });
    await assertSucceeds(make('inviteWithLink000001', 'https://asthma.example.org/admin?kin-invite=inviteWithLink000001'));
    await assertSucceeds(make('inviteWithLink000002', 'https://asthma.example.org/admin?lang=cy&kin-invite=inviteWithLink000002&x=1'));
    await assertSucceeds(make('inviteNoLink00000003', null));
    await assertSucceeds(make('inviteNoLink00000004', undefined));
    await assertFails(make('inviteWithLink000005', 'https://asthma.example.org/admin?kin-invite=inviteWithLink000001'));
    await assertFails(make('inviteWithLink000006', 'http://asthma.example.org/admin?kin-invite=inviteWithLink000006'));
    await assertFails(make('inviteWithLink000007', 'https://asthma.example.org/admin#kin-invite=inviteWithLink000007'));
    await assertFails(make('inviteWithLink000008', 42));
  });
});
