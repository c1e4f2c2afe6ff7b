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
