// Issue 11, the cross-store half: the seven holes firestore.rules closes (test/rules/holes.test.ts replays
// each attack over REST), decided the same way by both stores, with the same error code. One table, run
// against LocalStore and against FirebaseStore on the real emulator: each row is the attack as a store
// caller can make it, the code it must fail with, and the paired legitimate call that must still work.
import {expect} from '@open-wc/testing';
import type {KindredErrorCode} from '../../src/data/errors.js';
import type {SeedFixture} from '../../src/data/seed.js';
import type {CommunityStore, JoinInput} from '../../src/data/store.js';
import {DAY, member, privateRecord, roles, sampleCommunity, uniqueCommunityId} from '../support/builders.js';
import type {StoreHarness} from './contract-harness.js';
import {expectError} from './store.contract.js';

type As = (uid: string | null) => Promise<CommunityStore>;
interface Row {
  /** Which of the seven (or the "also noticed" item) this row pins. */
  hole: string;
  /** Set-up through the stores' own API (suspend, block, connect…), as the members themselves would. */
  setup?: (as: As) => Promise<void>;
  attack: (as: As) => Promise<unknown>;
  code: KindredErrorCode;
  field?: string;
  /** The nearest legitimate call, which must still succeed. */
  paired: (as: As) => Promise<void>;
}

const CAST = ['ann', 'bob', 'cai', 'dil', 'sam', 'mod', ...Array.from({length: 11}, (_, i) => `p${i}`)];

function world(id: string, moderation: 'post' | 'all' = 'post'): SeedFixture {
  const community = sampleCommunity(id, {settings: {moderation}});
  return {
    community,
    members: CAST.map((uid) => member(uid, uid === 'mod' ? {badges: ['moderator']} : {})),
    privates: CAST.map((uid) => privateRecord(uid, community)),
    roles: [roles('mod', ['moderator'])],
  };
}

const joining = (pseudonym: string): JoinInput => ({pseudonym, relationship: 'carer', guidelinesVersion: 'g-2026-01', healthConsentVersion: null});
const newThread = (store: CommunityStore, threadId: string, title: string) =>
  store.createPost({id: store.newId(), threadId, body: 'First post', createThread: {key: null, title}});
const SPAM = 'Cheap inhalers: call 07700 900123 or www.example.org';

const ROWS: Row[] = [
  {
    hole: '1. an email behind two line breaks in a pseudonym',
    attack: async (as) => (await as('newbie')).join(joining('Mel\n\nmel@example.org')),
    code: 'invalid-argument', field: 'pseudonym',
    paired: async (as) => void (await (await as('newbie')).join(joining('Mel'))),
  },
  {
    hole: '2. a suspended member erasing themself and joining again',
    setup: async (as) => {
      await (await as('mod')).moderate('suspend', {kind: 'member', uid: 'sam', until: Date.now() + 30 * DAY}, 'Spam');
      await (await as('sam')).eraseMe();
    },
    attack: async (as) => (await as('sam')).join(joining('Sam again')),
    code: 'permission-denied',
    paired: async (as) => {
      await (await as('dil')).eraseMe();
      await (await as('dil')).join(joining('Dil again'));
    },
  },
  {
    hole: '3. a blocked member erasing themself, joining again and asking again',
    setup: async (as) => {
      await (await as('ann')).blockMember('bob');
      await (await as('bob')).eraseMe();
      await (await as('bob')).join(joining('Bob again'));
    },
    attack: async (as) => (await as('bob')).requestConnection('ann', 'Hello again'),
    code: 'permission-denied',
    paired: async (as) => void (await (await as('bob')).requestConnection('cai', 'Hello')),
  },
  {
    hole: '4. more connection requests than the daily limit pays for',
    setup: async (as) => {
      const cai = await as('cai');
      for (let i = 0; i < 10; i++) await cai.requestConnection(`p${i}`);
    },
    attack: async (as) => (await as('cai')).requestConnection('p10'),
    code: 'rate-limited',
    paired: async (as) => void (await (await as('dil')).requestConnection('p10')),
  },
  {
    hole: '5. a public thread squatting a pair’s private-thread id',
    attack: async (as) => newThread(await as('cai'), 'c_ann_bob', 'Squatted'),
    code: 'invalid-argument', field: 'threadId',
    paired: async (as) => {
      const cai = await as('cai');
      await newThread(cai, cai.newId(), 'A fair title');
    },
  },
  {
    hole: '5b. a hub thread squatting a page thread’s id',
    attack: async (as) => newThread(await as('cai'), 'k_walk_1a2b', 'Squatted'),
    code: 'invalid-argument', field: 'threadId',
    paired: async (as) => {
      const cai = await as('cai');
      await newThread(cai, cai.newId(), 'Walk 2026');
    },
  },
  {
    hole: '6. posting in a private thread after the other member blocked',
    setup: async (as) => {
      await (await as('ann')).requestConnection('bob', 'Hi Bob');
      await (await as('bob')).respondToConnection('ann_bob', true);
      await (await as('ann')).createPost({id: 'before', threadId: 'c_ann_bob', body: 'Before the block'});
      await (await as('bob')).blockMember('ann');
    },
    attack: async (as) => (await as('ann')).createPost({id: 'after', threadId: 'c_ann_bob', body: 'After the block'}),
    code: 'permission-denied',
    paired: async (as) => {
      await (await as('cai')).requestConnection('dil', 'Hi Dil');
      await (await as('dil')).respondToConnection('cai_dil', true);
      await (await as('cai')).createPost({id: 'ok', threadId: 'c_cai_dil', body: 'Still talking'});
    },
  },
  {
    hole: 'reserved: the former-member placeholder uid joining',
    attack: async (as) => (await as('former-member')).join(joining('Ghost')),
    code: 'permission-denied',
    paired: async (as) => void (await (await as('former-memberx')).join(joining('Not a ghost'))),
  },
];

export function runHolesContract(harness: () => StoreHarness) {
  const kind = harness().kind;

  describe(`Issue 11 holes: both stores refuse the same attacks with the same code (${kind})`, function () {
    this.timeout(60000);
    let h: StoreHarness;
    let id: string;
    let as: As;

    beforeEach(async () => {
      h = harness();
      id = uniqueCommunityId('holes');
      as = (uid) => h.storeAs(id, uid);
    });
    afterEach(async () => {
      await h.cleanup();
    });

    for (const row of ROWS) {
      it(`${row.hole}: refused (${row.code}); the paired legitimate call still works`, async () => {
        await h.seed(world(id));
        await row.setup?.(as);
        await expectError(row.attack(as), row.code, row.field);
        await row.paired(as);
      });
    }

    it('7. a thread title is held like a post body: not listed, not readable by id, until a moderator approves', async () => {
      await h.seed(world(id));
      const cai = await as('cai');
      const tid = cai.newId();
      const post = await newThread(cai, tid, SPAM);
      expect(post.status, 'the first post is held for the title').to.equal('held');
      expect(post.statusReason).to.equal('contact-details');
      const bea = await as('dil');
      expect((await bea.listThreads()).items.map((t) => t.id), 'not listed').to.not.include(tid);
      await expectError(bea.getThread(tid), 'permission-denied');
      expect((await cai.getThread(tid))!.status, 'its author sees it held').to.equal('held');
      // The paired write: a plain title is listed at once.
      const plain = cai.newId();
      expect((await newThread(cai, plain, 'Spacers for toddlers?')).status).to.equal('visible');
      expect((await bea.listThreads()).items.map((t) => t.id)).to.include(plain);
      // A moderator's approval lists it.
      await (await as('mod')).moderate('approve', {kind: 'post', threadId: tid, postId: post.id}, 'Checked: a pharmacy helpline');
      const listed = await bea.listThreads();
      expect(listed.items.map((t) => t.id), 'listed once approved').to.include(tid);
    });

    it('7b. in a community that moderates everything, a new hub thread waits with its first post', async () => {
      await h.seed(world(id, 'all'));
      const cai = await as('cai');
      const tid = cai.newId();
      const post = await newThread(cai, tid, 'Spacers for toddlers?');
      expect(post.status).to.equal('held');
      const dil = await as('dil');
      expect((await dil.listThreads()).items.map((t) => t.id)).to.not.include(tid);
      await (await as('mod')).moderate('approve', {kind: 'post', threadId: tid, postId: post.id}, 'Fine');
      expect((await dil.listThreads()).items.map((t) => t.id)).to.include(tid);
    });
  });
}
