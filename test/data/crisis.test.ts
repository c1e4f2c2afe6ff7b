import {expect} from '@open-wc/testing';
import {crisisContactsFor, findCrisisWording, hasCrisisWording, UK_CRISIS_CONTACTS} from '../../src/data/crisis.js';

describe('crisis wording', () => {
  it('finds English crisis wording', () => {
    for (const text of [
      'I want to kill myself',
      'Honestly I feel suicidal tonight',
      'I have been self-harming again',
      'I just want to end my life',
      'everyone would be better off without me',
      'I can’t go on like this',
      'I don’t want to be here anymore',
      'I keep thinking about taking my own life',
      'I want to die',
    ]) {
      expect(hasCrisisWording(text), text).to.equal(true);
    }
  });

  it('finds Welsh crisis wording, with mutations', () => {
    for (const text of [
      'Dw i eisiau lladd fy hun',
      'Rwy’n meddwl am ladd fy hun',
      'Rwy’n teimlo’n hunanladdol',
      'Dw i isio marw',
      'Rwy wedi bod yn hunan-niweidio',
      'Rwy eisiau dod â fy mywyd i ben',
      'Dw i’n methu mynd ymlaen',
    ]) {
      expect(hasCrisisWording(text), text).to.equal(true);
    }
  });

  it('ignores everyday idioms', () => {
    for (const text of [
      'this queue is killing me',
      'I’m dying to know how the walk went',
      'I nearly died laughing at the nurse’s joke',
      'my feet are killing me after the 10k',
      'I could kill for a cup of tea',
      'We are raising money for suicide prevention',
      'Mae’r ciw yma’n fy lladd i',
    ]) {
      expect(hasCrisisWording(text), text).to.equal(false);
    }
  });

  it('ignores negated wording in English and Welsh', () => {
    for (const text of [
      'I’m not suicidal, just tired',
      'I don’t want to die, I want to get better',
      'I would never kill myself',
      'Dydw i ddim eisiau marw',
      'Nid wyf yn hunanladdol',
    ]) {
      expect(hasCrisisWording(text), text).to.equal(false);
    }
  });

  it('a negation in an earlier sentence does not cancel a later phrase', () => {
    expect(hasCrisisWording('I’m not sure why. I want to kill myself.')).to.equal(true);
  });

  it('reports which language matched', () => {
    expect(findCrisisWording('eisiau marw')[0].lang).to.equal('cy');
    expect(findCrisisWording('suicidal')[0].lang).to.equal('en');
    expect(findCrisisWording('')).to.deep.equal([]);
  });

  it('lists the Welsh contacts for Wales, with 999 first', () => {
    const ids = crisisContactsFor('wales').map((c) => c.id);
    expect(ids[0]).to.equal('emergency');
    expect(ids).to.include.members(['nhs111-wales', 'samaritans', 'samaritans-cy', 'shout', 'call']);
    expect(ids).not.to.include('nhs111');
    const numbers = crisisContactsFor('wales').map((c) => c.number);
    expect(numbers).to.include.members(['999', '111', '116 123', '0808 164 0123', '85258', '0800 132 737']);
  });

  it('every contact has English and Welsh text and a tel: or sms: link', () => {
    for (const c of UK_CRISIS_CONTACTS) {
      expect(Boolean(c.name.en && c.name.cy && c.detail.en && c.detail.cy), c.id).to.equal(true);
      expect(c.href).to.match(c.sms ? /^sms:\d+$/ : /^tel:\d+$/);
    }
    expect(crisisContactsFor('england').map((c) => c.id)).to.include('nhs111');
  });
});
