import { expect } from '@esm-bundle/chai';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import { manifestObject, mount, part, unmountAll } from '../helpers/player.js';
import { oneEvent } from '../helpers/wait.js';

async function withLicense(license: string): Promise<SpaceReplay> {
  const manifest = await manifestObject('talk/manifest.json');
  manifest.license = license;
  const el = mount({ 'no-resume': '' });
  const ready = oneEvent(el, 'space-replay-ready', 15_000);
  el.manifest = manifest as never;
  await ready;
  await el.updateComplete;
  return el;
}

afterEach(unmountAll);

describe('the license in the header', () => {
  it('shows an SPDX identifier as text', async () => {
    const el = await withLicense('CC-BY-4.0 OR CC-BY-SA-4.0');
    const license = part(el, '[part~="license"]');
    expect(license.textContent!.replace(/\s+/g, ' ').trim()).to.equal('License: CC-BY-4.0 OR CC-BY-SA-4.0');
    expect(license.querySelector('a')).to.equal(null);
  });

  it('links a license URL', async () => {
    const el = await withLicense('https://creativecommons.org/licenses/by/4.0/');
    const link = part<HTMLAnchorElement>(el, '[part~="license"] a');
    expect(link.getAttribute('href')).to.equal('https://creativecommons.org/licenses/by/4.0/');
    expect(link.rel).to.equal('license noopener noreferrer');
    expect(link.textContent).to.equal('https://creativecommons.org/licenses/by/4.0/');
  });

  it('shows nothing without one', async () => {
    const manifest = await manifestObject('talk/manifest.json');
    const el = mount({ 'no-resume': '' });
    const ready = oneEvent(el, 'space-replay-ready', 15_000);
    el.manifest = manifest as never;
    await ready;
    await el.updateComplete;
    expect(() => part(el, '[part~="license"]')).to.throw();
    expect(part(el, '[part~="meta"]').textContent).to.not.contain('License');
  });
});
