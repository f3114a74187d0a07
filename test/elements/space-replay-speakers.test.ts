import { expect } from '@esm-bundle/chai';
import { fixtureUrl, waitFor } from '../helpers/wait.js';
import { find, findAll, manifestObject, mount, mountReady, nextEvent, part, unmountAll } from '../helpers/player.js';

// test/fixtures/media.json: ada 0.4–5.227, bo 5.627–9.855, cy 10.255–13.799, ada 14.199–17.885.
const BO_START = 5.627;
const CY_START = 10.255;

afterEach(unmountAll);

function speakerButtons(el: HTMLElement): HTMLButtonElement[] {
  return [...findAll<HTMLButtonElement>(el, 'button.speaker')];
}

describe('<space-replay> speakers', () => {
  it('fires speakerchange at segment boundaries while playing, once per change', async () => {
    const el = await mountReady();
    // The media time each animation frame saw, and how many frames had passed each boundary when
    // its event came: frames, not seconds, so a loaded machine's slow frames do not count against it.
    const frames: number[] = [];
    const seen: { speakerId: string | null; at: number; framesPast: number }[] = [];
    const boundaries: Record<string, number> = { null: 5.227, bo: BO_START };
    el.addEventListener('space-replay-speakerchange', (e) => {
      const boundary = boundaries[String(e.detail.speakerId)];
      seen.push({ speakerId: e.detail.speakerId, at: el.currentTime, framesPast: frames.filter((t) => boundary !== undefined && t >= boundary).length });
    });
    el.seek(4.9);
    await el.play();
    let sampling = true;
    const sample = () => {
      if (!sampling) return;
      frames.push(el.currentTime);
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
    await waitFor(() => seen.some((s) => s.speakerId === 'bo'), 'Bo speaking', 8000);
    sampling = false;
    el.pause();
    expect(seen.map((s) => s.speakerId)).to.deep.equal(['ada', null, 'bo']);
    const silence = seen[1]!;
    const bo = seen[2]!;
    expect(silence.at).to.be.at.least(5.227);
    expect(bo.at).to.be.at.least(BO_START);
    if (frames.length > 0) {
      // In the frame that crosses a boundary, or the next one (this sampler may run before the player's clock).
      expect(silence.framesPast, 'frames past the end of Ada before the event').to.be.at.most(1);
      expect(bo.framesPast, "frames past Bo's start before the event").to.be.at.most(1);
    } else {
      // A hidden page has no animation frames: the clock runs on timeupdate, about every 250 ms.
      expect(silence.at).to.be.within(5.227, 5.227 + 0.4);
      expect(bo.at).to.be.within(BO_START, BO_START + 0.4);
    }
  });

  it('fires speakerchange on seeks while paused, not when the speaker stays the same', async () => {
    const el = await mountReady();
    const seen: (string | null)[] = [];
    el.addEventListener('space-replay-speakerchange', (e) => seen.push(e.detail.speakerId));
    el.seek(11);
    el.seek(12);
    el.seek(10.1);
    el.seek(7);
    el.seek(15);
    expect(seen).to.deep.equal(['cy', null, 'bo', 'ada']);
    await el.updateComplete;
    const active = speakerButtons(el).filter((b) => b.getAttribute('aria-current') === 'true');
    expect(active.map((b) => b.textContent!.includes('Ada Host'))).to.deep.equal([true]);
    expect(active[0]!.getAttribute('part')).to.equal('speaker active');
  });

  it('lists speakers with role, talk time and avatar or initials', async () => {
    const el = await mountReady();
    const buttons = speakerButtons(el);
    expect(buttons.map((b) => b.querySelector('bdi')!.textContent)).to.deep.equal(['Ada Host', 'Bo Guest', 'Cy Cohost']);
    expect(buttons.map((b) => b.querySelector('[part="role"]')!.textContent)).to.deep.equal(['Host', 'Speaker', 'Co-host']);
    expect(buttons[1]!.querySelector('[part="talk-time"]')!.textContent).to.equal('0:04 spoken');
    const img = buttons[0]!.querySelector('img')!;
    expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(img.src).to.equal(fixtureUrl('talk/avatar-ada.png'));
    // Bo's avatar is missing on the server: initials instead.
    await waitFor(() => buttons[1]!.querySelector('.initials')?.textContent === 'BG', 'initials for Bo');
    expect(buttons[1]!.querySelector('img')).to.equal(null);
    expect(buttons[2]!.querySelector('.initials')!.textContent).to.equal('CC');
  });

  it('clicking a speaker jumps to their next turn (wrapping to their first)', async () => {
    const el = await mountReady();
    const [ada, , cy] = speakerButtons(el);
    cy!.click();
    expect(el.currentTime).to.be.closeTo(CY_START, 0.01);
    ada!.click();
    expect(el.currentTime).to.be.closeTo(14.199, 0.01);
    ada!.click();
    expect(el.currentTime).to.be.closeTo(0.4, 0.01);
  });

  it('next and previous speaker buttons walk the turns', async () => {
    const el = await mountReady();
    const next = part<HTMLButtonElement>(el, '[part~="next-speaker-button"]');
    const previous = part<HTMLButtonElement>(el, '[part~="previous-speaker-button"]');
    next.click();
    expect(el.currentTime).to.be.closeTo(0.4, 0.01);
    next.click();
    expect(el.currentTime).to.be.closeTo(BO_START, 0.01);
    next.click();
    expect(el.currentTime).to.be.closeTo(CY_START, 0.01);
    previous.click();
    expect(el.currentTime).to.be.closeTo(BO_START, 0.01);
  });

  it('renders names and titles from the manifest as text only', async () => {
    const manifest = await manifestObject();
    const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
    manifest.title = payload;
    manifest.participants[1].name = payload;
    const el = mount({ 'no-resume': '' });
    const ready = nextEvent(el, 'space-replay-ready');
    el.manifest = manifest;
    await ready;
    await el.updateComplete;
    expect(part(el, '[part~="title"]').textContent).to.equal(payload);
    expect(speakerButtons(el)[1]!.querySelector('bdi')!.textContent).to.equal(payload);
    expect(find(el, 'img[src="x"], script')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });
});
