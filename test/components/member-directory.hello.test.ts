// Issue 12 (finding 6): "Say hello" in the directory does something useful on a page with no
// <kin-peer-match-card>: it asks for an optional hello and sends the connection request itself.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/community/kin-community.js';
import '../../src/components/member-directory/kin-member-directory.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import type {Connection} from '../../src/data/types.js';
import {member, privateRecord, sampleSeed, uniqueCommunityId} from '../support/builders.js';

async function open(uid: string) {
  const id = uniqueCommunityId('hello');
  const seed = sampleSeed(id, {members: [member('me', {pseudonym: 'Myself'}), member('nia', {pseudonym: 'Nia', listed: true})]});
  seed.privates = ['me', 'nia'].map((u) => privateRecord(u, seed.community));
  return LocalStore.open({communityId: id, persistence: 'memory', user: {uid, anonymous: true}, seed});
}

describe('<kin-member-directory> "Say hello" with no peer-match card on the page', () => {
  it('asks for a short hello, sends the request through the store and says so', async () => {
    const store = await open('me');
    const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang="en"><kin-member-directory></kin-member-directory></kin-community>`);
    const dir = root.querySelector('kin-member-directory')!;
    await waitUntil(() => dir.shadowRoot?.querySelector('[data-uid="nia"] button.hello'), 'Nia is listed');
    let requested: {uid: string; message: string} | null = null;
    root.addEventListener('kin-connect-request', (e) => (requested = {uid: e.uid, message: e.message}));

    (dir.shadowRoot!.querySelector('[data-uid="nia"] button.hello') as HTMLButtonElement).click();
    await waitUntil(() => dir.shadowRoot!.querySelector('#hello-message'), 'the hello form opens');
    const textarea = dir.shadowRoot!.querySelector('#hello-message') as HTMLTextAreaElement;
    expect(dir.shadowRoot!.activeElement).to.equal(textarea);
    await expect(dir).to.be.accessible();
    textarea.value = 'Hi Nia, my little one has asthma too.';
    textarea.dispatchEvent(new Event('input'));
    (dir.shadowRoot!.querySelector('form.hello button[type="submit"]') as HTMLButtonElement).click();

    await waitUntil(() => dir.shadowRoot!.querySelector('.hello-sent'), 'the directory confirms');
    expect(dir.shadowRoot!.querySelector('.hello-sent')!.textContent).to.contain('Hello sent. Nia can accept or decline');
    expect(requested).to.deep.equal({uid: 'nia', message: 'Hi Nia, my little one has asthma too.'});
    const connections = await new Promise<Connection[]>((resolve, reject) => {
      const unsub = store.watchConnections((list) => {
        queueMicrotask(() => unsub());
        resolve(list);
      }, reject);
    });
    expect(connections.map((c) => [c.status, c.message])).to.deep.equal([['pending', 'Hi Nia, my little one has asthma too.']]);
    await expect(dir).to.be.accessible();
    await store.dispose();
  });

  it('sends nothing when the host cancels the request event', async () => {
    const store = await open('me');
    const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang="en"><kin-member-directory></kin-member-directory></kin-community>`);
    const dir = root.querySelector('kin-member-directory')!;
    await waitUntil(() => dir.shadowRoot?.querySelector('[data-uid="nia"] button.hello'), 'Nia is listed');
    root.addEventListener('kin-connect-request', (e) => e.preventDefault());
    (dir.shadowRoot!.querySelector('[data-uid="nia"] button.hello') as HTMLButtonElement).click();
    await waitUntil(() => dir.shadowRoot!.querySelector('form.hello'), 'the hello form opens');
    (dir.shadowRoot!.querySelector('form.hello button[type="submit"]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 200));
    expect(dir.shadowRoot!.querySelector('.hello-sent')).to.equal(null);
    const connections = await new Promise<Connection[]>((resolve, reject) => {
      const unsub = store.watchConnections((list) => {
        queueMicrotask(() => unsub());
        resolve(list);
      }, reject);
    });
    expect(connections).to.deep.equal([]);
    await store.dispose();
  });
});
