// Issue 12 (finding 11): what a member reads is worded for people. A validation error starts with
// the field's label, capitalised; a page's thread is headed by its own title, not "Discussion".
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/community/kin-community.js';
import '../../src/components/join/kin-join.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import {fieldSentence} from '../../src/i18n/field-errors.js';
import {uniqueCommunityId} from '../support/builders.js';

describe('issue 12: wording a member sees', () => {
  it('a join error names the field by its label and starts with a capital', async () => {
    const store = await LocalStore.open({communityId: uniqueCommunityId('w'), persistence: 'memory', user: null});
    const root = await fixture(html`<kin-community lang="en" .store=${store}><kin-join></kin-join></kin-community>`);
    const join = root.querySelector('kin-join')!;
    await waitUntil(() => join.shadowRoot!.querySelector('#pseudonym'), 'the form');
    const name = join.shadowRoot!.querySelector('#pseudonym') as HTMLInputElement;
    name.value = 'A';
    name.dispatchEvent(new Event('input'));
    (join.shadowRoot!.querySelector('[part="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => join.shadowRoot!.querySelector('#pseudonym-error'), 'the error');
    expect(join.shadowRoot!.querySelector('#pseudonym-error')!.textContent).to.equal('Your name in the community must be at least 2 characters.');
    await expect(join).to.be.accessible();
    await store.dispose();
  });

  it('fieldSentence keeps other sentences and capitalises them', () => {
    expect(fieldSentence('pseudonym must not contain an email address or a link.', 'pseudonym', 'Pseudonym')).to.equal('Pseudonym must not contain an email address or a link.');
    expect(fieldSentence('you are offline.', 'pseudonym', 'Pseudonym')).to.equal('You are offline.');
  });

  it('a page thread is headed by its title once its first post created it', async () => {
    const id = uniqueCommunityId('h');
    const store = await LocalStore.open({communityId: id, persistence: 'memory', user: {uid: 'u1', anonymous: true}});
    await store.join({pseudonym: 'Gwen', relationship: 'patient', guidelinesVersion: '1', healthConsentVersion: null});
    const root = await fixture(html`<kin-community lang="en" .store=${store}>
      <kin-discussion-thread thread-key="walk-2026" thread-title="Our 2026 walk"></kin-discussion-thread></kin-community>`);
    const thread = root.querySelector('kin-discussion-thread')!;
    const heading = () => thread.shadowRoot!.querySelector('[part="heading"]')?.textContent?.trim();
    await waitUntil(() => thread.shadowRoot!.querySelector('textarea#compose'), 'the composer');
    expect(heading(), 'before the thread exists, the page names it').to.equal('Our 2026 walk');
    const box = thread.shadowRoot!.querySelector('textarea#compose') as HTMLTextAreaElement;
    box.value = 'Who is walking on Saturday?';
    box.dispatchEvent(new Event('input'));
    (thread.shadowRoot!.querySelector('[part="composer"] [part="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => thread.shadowRoot!.textContent!.includes('Who is walking on Saturday?'), 'the post');
    // A second element on another page with no thread-title reads the stored title.
    const other = await fixture(html`<kin-community lang="en" .store=${store}><kin-discussion-thread thread-key="walk-2026"></kin-discussion-thread></kin-community>`);
    const t2 = other.querySelector('kin-discussion-thread')!;
    await waitUntil(() => t2.shadowRoot!.querySelector('[part="heading"]')?.textContent?.trim() === 'Our 2026 walk', 'the stored title heads the thread');
    await store.dispose();
  });
});
