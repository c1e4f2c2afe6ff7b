import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {emulatorHost} from '../helpers/env.js';
import {FirestoreAdmin} from '../helpers/firestore-admin.js';
import {member, sampleSeed, uniqueCommunityId} from '../fixtures/community.js';
it('dbg', async function () {
  this.timeout(30000);
  const admin = new FirestoreAdmin('demo-dbg');
  const id = uniqueCommunityId('d');
  await admin.seed(sampleSeed(id, {members: ['alice', 'm00', 'm01', 'm02'].map((u) => member(u))}));
  const s = await createFirebaseStore({communityId: id, config: {projectId: 'demo-dbg'}, emulator: {...emulatorHost(), mockUser: {uid: 'alice'}}});
  for (const u of ['m00', 'm01', 'm02']) {
    try { await s.requestConnection(u); console.log('ok', u); } catch (e) { console.log('FAIL', u, String(e)); }
  }
  await s.dispose();
});
