// Invites (issue 14) through the CommunityStore API, on LocalStore and on FirebaseStore over the emulator
// with the real firestore.rules. Firebase users carry a verified email in their (mock) sign-in token, as an
// email-link sign-in gives; a LocalStore has no email, so whoever has the link claims.
import {expect} from '@open-wc/testing';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import type {SeedFixture} from '../../src/data/seed.js';
import type {CommunityStore} from '../../src/data/store.js';
import {inviteLink, type Invite} from '../../src/data/invites.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import {emulatorHost} from '../support/env.js';
import {member, roles, sampleSeed, uniqueCommunityId} from '../support/builders.js';
import {expectError} from './store.contract.js';

const PROJECT = 'demo-kindred-invites';
const EMAIL: Record<string, string> = {alice: 'alice@example.org', bea: 'bea@example.org', ada: 'ada@example.org', cai: 'cai@example.org'};

function seed(id: string): SeedFixture {
  return sampleSeed(id, {
    members: [member('alice'), member('bea', {badges: ['moderator']}), member('ada', {badges: ['admin']}), member('cai')],
    roles: [roles('bea', ['moderator']), roles('ada', ['admin'])],
  });
}

interface Harness {
  kind: 'local' | 'firebase';
  seed(f: SeedFixture): Promise<void>;
  as(cid: string, uid: string): Promise<CommunityStore>;
  cleanup(): Promise<void>;
}

function local(): Harness {
  const stores: CommunityStore[] = [];
  return {
    kind: 'local',
    seed: (f) => LocalStore.reset({communityId: f.community.id, persistence: 'memory'}, f),
    async as(cid, uid) {
      const s = await LocalStore.open({communityId: cid, persistence: 'memory', user: {uid, anonymous: false}});
      stores.push(s);
      return s;
    },
    cleanup: async () => { await Promise.all(stores.splice(0).map((s) => s.dispose())); },
  };
}

function firebase(): Harness {
  const admin = new FirestoreAdmin(PROJECT);
  const stores: CommunityStore[] = [];
  return {
    kind: 'firebase',
    seed: (f) => admin.seed(f),
    async as(cid, uid) {
      // One host per user: Chrome's 6 connections per host would otherwise starve a test with four clients.
      const s = await createFirebaseStore({communityId: cid, config: {projectId: PROJECT},
        emulator: {host: `${uid}.localhost`, port: emulatorHost().port, mockUser: {uid, email: EMAIL[uid]}}});
      stores.push(s);
      return s;
    },
    cleanup: async () => { await Promise.all(stores.splice(0).map((s) => s.dispose())); },
  };
}

for (const make of [local, firebase]) {
  const h = make();
  describe(`invites (${h.kind})`, function () {
    this.timeout(90000);
    let cid: string;
    beforeEach(async () => {
      cid = uniqueCommunityId('inv');
      await h.seed(seed(cid));
    });
    afterEach(() => h.cleanup());

    it('an admin invites a clinician by email; the invitee claims it from the link and gets the badge and scope', async () => {
      const ada = await h.as(cid, 'ada');
      const invite = await ada.createInvite({email: ' Alice@Example.org ', role: 'clinician', clinicianScope: 'Asthma nurse'});
      expect(invite.email).to.equal('alice@example.org');
      expect(invite.expiresAt - Date.now()).to.be.closeTo(14 * 86400000, 60000);
      const link = inviteLink('https://charity.example/community/admin?lang=cy', invite.id);
      expect(link).to.equal(`https://charity.example/community/admin?lang=cy&kin-invite=${invite.id}`);

      const alice = await h.as(cid, 'alice');
      const seen = await alice.getInvite(invite.id);
      expect(seen).to.include({role: 'clinician', clinicianScope: 'Asthma nurse', claimedBy: null});
      const record = await alice.claimInvite(invite.id);
      expect(record.roles).to.deep.equal(['clinician']);
      expect(record.verifiedBy).to.equal('ada');
      const profile = await alice.getMember('alice');
      expect(profile?.badges).to.deep.equal(['clinician']);
      expect(profile?.clinicianScope).to.equal('Asthma nurse');

      // Used once: a second claim is refused with a reason.
      const again = await expectError(alice.claimInvite(invite.id), 'permission-denied');
      expect(again.message).to.match(/already been used/);
      // The admin's list shows it claimed.
      const list = await new Promise<Invite[]>((resolve, reject) => {
        const stop = ada.watchInvites((v) => { if (v.some((i) => i.claimedBy)) { stop(); resolve(v); } }, reject);
      });
      expect(list.find((i) => i.id === invite.id)?.claimedBy).to.equal('alice');
    });

    it('a moderator invites moderators only; members cannot invite; bad input is refused with the field', async () => {
      const bea = await h.as(cid, 'bea');
      await bea.createInvite({email: 'new@example.org', role: 'moderator'});
      const up = await expectError(bea.createInvite({email: 'new@example.org', role: 'admin'}), 'permission-denied');
      expect(up.message).to.match(/Moderators can invite other moderators only/);
      await expectError((await h.as(cid, 'cai')).createInvite({email: 'new@example.org', role: 'moderator'}), 'permission-denied');
      const ada = await h.as(cid, 'ada');
      expect((await expectError(ada.createInvite({email: 'not-an-address', role: 'moderator'}), 'invalid-argument')).field).to.equal('email');
      expect((await expectError(ada.createInvite({email: 'x@example.org', role: 'clinician'}), 'invalid-argument')).field).to.equal('clinicianScope');
      expect((await expectError(ada.createInvite({email: 'x@example.org', role: 'moderator', days: 90}), 'invalid-argument')).field).to.equal('days');
    });

    it('a revoked invite cannot be claimed', async () => {
      const ada = await h.as(cid, 'ada');
      const invite = await ada.createInvite({email: EMAIL.alice, role: 'moderator'});
      await ada.revokeInvite(invite.id);
      const e = await expectError((await h.as(cid, 'alice')).claimInvite(invite.id), 'permission-denied');
      expect(e.message).to.match(/withdrawn/);
    });

    it('role changes by an admin are logged; a clinician verified through an invite keeps working with other roles', async () => {
      const ada = await h.as(cid, 'ada');
      const invite = await ada.createInvite({email: EMAIL.alice, role: 'clinician', clinicianScope: 'Asthma nurse'});
      await (await h.as(cid, 'alice')).claimInvite(invite.id);
      // The claimed verification time is a server time: granting and removing another role must keep it as stored.
      expect((await ada.grantRole('alice', 'moderator')).roles).to.have.members(['clinician', 'moderator']);
      expect((await ada.revokeRole('alice', 'moderator')).roles).to.deep.equal(['clinician']);
      expect((await ada.getRoles('alice'))?.verifiedBy).to.equal('ada');
      const log = await new Promise<{action: string; targetPath: string; reason: string}[]>((resolve, reject) => {
        const stop = ada.watchModLog({limit: 10}, (v) => { if (v.length >= 2) { queueMicrotask(stop); resolve(v); } }, reject);
      });
      expect(log.map((e) => [e.action, e.targetPath, e.reason])).to.deep.include.members([
        ['grant-role', 'members/alice', 'moderator'], ['revoke-role', 'members/alice', 'moderator']]);
    });

    if (h.kind === 'firebase') {
      it('another address cannot claim (the rules check the verified sign-in email)', async () => {
        const ada = await h.as(cid, 'ada');
        const invite = await ada.createInvite({email: EMAIL.alice, role: 'moderator'});
        const e = await expectError((await h.as(cid, 'cai')).claimInvite(invite.id), 'permission-denied');
        expect(e.message).to.match(/another email address/);
        expect(await (await h.as(cid, 'cai')).getRoles('cai')).to.equal(null);
      });
    } else {
      it('without email, whoever opens the link claims it (but never the admin who made it)', async () => {
        const ada = await h.as(cid, 'ada');
        const invite = await ada.createInvite({email: EMAIL.alice, role: 'moderator'});
        await expectError(ada.claimInvite(invite.id), 'permission-denied');
        expect((await (await h.as(cid, 'cai')).claimInvite(invite.id)).roles).to.deep.equal(['moderator']);
      });
    }
  });
}
