import {expect} from '@open-wc/testing';
import * as kit from '../../src/index.js';

describe('kindred-kit (src/index.ts)', () => {
  it('exports grantConsent but sets no global and registers no element', () => {
    expect(kit.grantConsent).to.be.a('function');
    expect((window as {kindred?: unknown}).kindred).to.equal(undefined);
    expect(customElements.get('kin-community')).to.equal(undefined);
    expect(kit.hasConsent()).to.equal(false);
  });
});
