import {expect} from '@open-wc/testing';
import {ALWAYS_SHOWN, UK_CRISIS_CONTACTS, contactsFor, crisisContactsFor} from '../../src/data/safeguarding.js';
import * as crisis from '../../src/data/crisis.js';

const ids = (list: {id: string}[]) => list.map((c) => c.id);

describe('safeguarding contacts', () => {
  it('crisis.ts still exports the same contacts (moved, not changed)', () => {
    expect(crisis.UK_CRISIS_CONTACTS).to.equal(UK_CRISIS_CONTACTS);
    expect(crisis.crisisContactsFor).to.equal(crisisContactsFor);
  });

  it('gives each UK nation its own helplines, with 999, Samaritans, Shout and Childline everywhere', () => {
    const everywhere = ['emergency', 'samaritans', 'samaritans-cy', 'shout', 'childline'];
    expect(ids(contactsFor({nation: 'england'}))).to.include.members([...everywhere, 'nhs111']);
    expect(ids(contactsFor({nation: 'wales'}))).to.include.members([...everywhere, 'nhs111-wales', 'call']);
    expect(ids(contactsFor({nation: 'scotland'}))).to.include.members([...everywhere, 'nhs24', 'breathing-space']);
    expect(ids(contactsFor({nation: 'northern-ireland'}))).to.include.members([...everywhere, 'lifeline']);
    expect(ids(contactsFor({nation: 'scotland'}))).to.not.include.members(['nhs111', 'call', 'lifeline']);
    for (const nation of ['england', 'wales', 'scotland', 'northern-ireland'] as const) expect(contactsFor({nation})[0].id).to.equal('emergency');
  });

  it('puts the Welsh-language Samaritans line second in Welsh', () => {
    expect(ids(contactsFor({nation: 'wales'}, 'cy')).slice(0, 2)).to.deep.equal(['emergency', 'samaritans-cy']);
    expect(ids(contactsFor({nation: 'wales'}, 'en'))[1]).to.not.equal('samaritans-cy');
  });

  it('lets a community add a helpline and hide defaults, but never 999 or Samaritans, and only tel:/sms: links', () => {
    const list = contactsFor({
      nation: 'england',
      hide: ['shout', ...ALWAYS_SHOWN],
      extra: [
        {id: 'charity', name: {en: 'Our helpline'}, detail: {en: 'Weekdays'}, number: '0300 222 5800', href: 'tel:03002225800', sms: false, nations: null},
        {id: 'web', name: {en: 'Website'}, detail: {en: ''}, number: '', href: 'https://example.org', sms: false, nations: null},
      ],
    });
    expect(ids(list).slice(0, 2)).to.deep.equal(['emergency', 'charity']);
    expect(ids(list)).to.include('samaritans');
    expect(ids(list)).to.not.include.members(['shout', 'web']);
  });

  it('every contact has English and Welsh text and a phone link that works on phones', () => {
    for (const c of UK_CRISIS_CONTACTS) {
      expect(Boolean(c.name.en && c.name.cy && c.detail.en && c.detail.cy), c.id).to.equal(true);
      expect(c.href, c.id).to.match(c.sms ? /^sms:\d+$/ : /^tel:\d+$/);
      expect(c.href.replace(/\D/g, ''), `${c.id}: link and shown number agree`).to.equal(c.number.replace(/\D/g, ''));
    }
  });
});
