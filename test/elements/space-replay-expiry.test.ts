// Expiry while the page is open: the header counts the last day down in hours, then minutes,
// and at the expiry instant the player stops, unloads the audio and says the recording expired.
import { expect } from '@esm-bundle/chai';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import { liveTimers } from '../../src/controllers/timer-scope.js';
import { find, manifestObject, mount, nextEvent, part, unmountAll } from '../helpers/player.js';
import { waitFor } from '../helpers/wait.js';

afterEach(unmountAll);

/** A player on the talk fixture expiring `ms` from now. */
async function expiringIn(ms: number, attributes: Record<string, string> = {}): Promise<SpaceReplay> {
  const manifest = await manifestObject();
  manifest.retention = { expiresAt: new Date(Date.now() + ms).toISOString() };
  const el = mount({ 'no-resume': '', ...attributes });
  const ready = nextEvent(el, 'space-replay-ready', 15_000);
  el.manifest = manifest;
  await ready;
  await el.updateComplete;
  return el;
}

const availability = (el: SpaceReplay): string => part(el, '[part~="availability"]').textContent!.trim();

describe('<space-replay> expiry while open', () => {
  it('counts the last day down in hours, then minutes', async () => {
    expect(availability(await expiringIn(5.5 * 3_600_000))).to.equal('Available for 6 more hours');
    expect(availability(await expiringIn(14.5 * 60_000))).to.equal('Available for 15 more minutes');
    expect(availability(await expiringIn(15_000))).to.equal('Available for 1 more minute');
    expect(availability(await expiringIn(30 * 3_600_000))).to.equal('Available for 2 more days');
    const fr = await expiringIn(2.5 * 3_600_000, { lang: 'fr' });
    await waitFor(() => availability(fr) === 'Disponible encore 3 heures', 'the French countdown');
  });

  it('at expiry stops playback, unloads the audio and shows the expired state naming the recording', async () => {
    const el = await expiringIn(6000);
    const expired = nextEvent(el, 'space-replay-error', 15_000);
    await el.play();
    expect(el.paused).to.equal(false);
    expect((await expired).detail.code).to.equal('expired');
    expect((await expired).detail.title).to.equal('Fixture talk: three voices');
    await el.updateComplete;
    expect(el.state).to.equal('expired');
    expect(el.hasAttribute('expired')).to.equal(true);
    expect(el.paused).to.equal(true);
    expect(el.activeEngine).to.equal(null);
    expect(el.mediaElement.hasAttribute('src')).to.equal(false);
    expect([HTMLMediaElement.NETWORK_EMPTY, HTMLMediaElement.NETWORK_NO_SOURCE]).to.include(el.mediaElement.networkState);
    const message = part(el, '[part~="message"]');
    expect(message.textContent!.replace(/\s+/g, ' ').trim()).to.equal('This recording has expired and is no longer available. Fixture talk: three voices');
    // Nothing of the recording is shown or playable any more.
    expect(find(el, '[part~="timeline"]')).to.equal(null);
    expect(find(el, '[part~="play-button"]')).to.equal(null);
    el.remove();
    await waitFor(() => liveTimers() === 0, 'no timers after removal');
  });
});
