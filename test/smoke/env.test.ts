import { expect } from '@esm-bundle/chai';

describe('test environment', () => {
  it('runs in a real browser with media support', () => {
    const audio = document.createElement('audio');
    expect(typeof audio.canPlayType).to.equal('function');
    expect(typeof MediaSource).to.equal('function');
  });
});
