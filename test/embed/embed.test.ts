import { expect } from '@esm-bundle/chai';
import { readEmbedParams } from '../../src/embed/embed-params.js';
import { isResizeMessage, RESIZE_MESSAGE_TYPE } from '../../src/embed/resize-message.js';
import { isPauseMessage, isPlayingMessage } from '../../src/embed/play-message.js';
import { startEmbedPlayCoordinator } from '../../src/embed/play-coordinator.js';
import { startEmbedResizer } from '../../src/embed/resize-listener.js';
import '../../src/elements/space-replay/define.js';
import { find } from '../helpers/player.js';
import { oneEvent, waitFor } from '../helpers/wait.js';

const EMBED = '/src/embed/embed.html';
const MANIFEST = '/demo/recordings/garden-council/manifest.json';
const here = location.origin; // http://localhost:PORT
// The same server under another name: another origin, so the iframe is really cross-origin.
const other = here.replace('localhost', '127.0.0.1');
const frames: HTMLIFrameElement[] = [];
let stop: (() => void) | undefined;

function embed(origin: string, query: Record<string, string>, marked = true): HTMLIFrameElement {
  const iframe = document.createElement('iframe');
  iframe.src = `${origin}${EMBED}?${new URLSearchParams(query)}`;
  iframe.style.cssText = 'width:640px;height:100px;border:0;display:block';
  if (marked) iframe.setAttribute('data-space-replay-embed', '');
  document.body.append(iframe);
  frames.push(iframe);
  return iframe;
}

/** The next resize message from `iframe`'s window, as the page receives it. */
function nextResize(iframe: HTMLIFrameElement, timeout = 15_000): Promise<MessageEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no resize message')), timeout);
    const listener = (event: MessageEvent): void => {
      if (event.source !== iframe.contentWindow || event.data?.type !== RESIZE_MESSAGE_TYPE) return;
      clearTimeout(timer);
      window.removeEventListener('message', listener);
      resolve(event);
    };
    window.addEventListener('message', listener);
  });
}

afterEach(() => {
  stop?.();
  stop = undefined;
  for (const iframe of frames.splice(0)) iframe.remove();
});

describe('embed parameters', () => {
  const page = (query: string) => `https://embed.example.org/space-replay/embed.html?${query}`;

  it('reads src (resolved, URL rule checked), theme, lang and id', () => {
    expect(readEmbedParams(page('src=/rooms/a/manifest.json&theme=dark&lang=fr-CA&id=p1'))).to.deep.equal({
      src: 'https://embed.example.org/rooms/a/manifest.json',
      theme: 'dark',
      lang: 'fr-CA',
      id: 'p1',
    });
    expect(readEmbedParams(page('src=https%3A%2F%2Fcdn.example.org%2Fm.json&theme=sepia&lang=not_a_tag')).theme).to.equal('auto');
    expect(readEmbedParams(page('')).srcError).to.equal('no src parameter: add ?src= and the manifest URL');
    for (const bad of ['javascript:alert(1)', '//evil.example/m.json', 'http://example.org/m.json', 'data:application/json,{}', 'java\tscript:alert(1)', ' javascript:alert(1)']) {
      const params = readEmbedParams(page(`src=${encodeURIComponent(bad)}`));
      expect(params.src, bad).to.equal(undefined);
      expect(params.srcError, bad).to.match(/^src: /);
    }
  });

  it('takes only strict hex colours as accent', () => {
    const accent = (value: string) => readEmbedParams(page(`src=m.json&accent=${encodeURIComponent(value)}`)).accent;
    expect(accent('#FF5500')).to.equal('#ff5500');
    expect(accent('ff5500')).to.equal('#ff5500');
    expect(accent('#f50')).to.equal('#f50');
    expect(accent('#ff550080')).to.equal('#ff550080');
    for (const bad of ['red', 'rgb(1,2,3)', '#ff55', '#ff5500;background:url(x)', 'ff5500 !important', 'var(--x)', 'expression(alert(1))', '#ggg', '']) {
      expect(accent(bad), bad).to.equal(undefined);
    }
  });

  it('learns the parent origin from origin=, else ancestorOrigins, else the referrer; never anything looser', () => {
    const origin = (query: string, context = {}) => readEmbedParams(page(`src=m.json${query}`), context).parentOrigin;
    expect(origin('&origin=https%3A%2F%2Fhost.example.org')).to.equal('https://host.example.org');
    expect(origin('&origin=https%3A%2F%2Fhost.example.org%2F')).to.equal('https://host.example.org');
    expect(origin('&origin=https%3A%2F%2Fhost.example.org', { ancestorOrigins: ['https://a.example'] })).to.equal('https://host.example.org');
    expect(origin('', { ancestorOrigins: ['https://a.example'], referrer: 'https://r.example/page' })).to.equal('https://a.example');
    expect(origin('', { referrer: 'https://r.example/some/page?x=1' })).to.equal('https://r.example');
    expect(origin('', { referrer: 'http://localhost:8000/demo/' })).to.equal('http://localhost:8000');
    for (const bad of ['*', 'null', 'https://host.example.org/path', 'javascript:alert(1)', 'http://host.example.org', 'file:///x']) {
      expect(origin(`&origin=${encodeURIComponent(bad)}`), bad).to.equal(undefined);
    }
    expect(origin('', { ancestorOrigins: ['null'] })).to.equal(undefined);
    expect(origin('', { referrer: '' })).to.equal(undefined);
  });

  it('checks the resize message shape', () => {
    expect(isResizeMessage({ type: RESIZE_MESSAGE_TYPE, height: 320 })).to.equal(true);
    expect(isResizeMessage({ type: RESIZE_MESSAGE_TYPE, height: 320, id: 'a' })).to.equal(true);
    for (const bad of [null, 'x', [], { type: 'resize', height: 1 }, { type: RESIZE_MESSAGE_TYPE, height: '320' }, { type: RESIZE_MESSAGE_TYPE, height: 0 },
      { type: RESIZE_MESSAGE_TYPE, height: 12.5 }, { type: RESIZE_MESSAGE_TYPE, height: 1e9 }, { type: RESIZE_MESSAGE_TYPE, height: 10, id: 5 }]) {
      expect(isResizeMessage(bad), JSON.stringify(bad)).to.equal(false);
    }
  });
});

describe('embed resizing', () => {
  it('a cross-origin embed posts its height and the host script sizes the iframe to it', async () => {
    stop = startEmbedResizer();
    const iframe = embed(other, { src: `${other}${MANIFEST}`, origin: here, id: 'garden' });
    const message = await nextResize(iframe);
    expect(message.origin).to.equal(other);
    expect(message.data.id).to.equal('garden');
    expect(message.data.height).to.be.greaterThan(50);
    await waitFor(() => iframe.style.height === `${message.data.height}px`, 'the iframe to take the posted height');
    expect(Math.round(iframe.getBoundingClientRect().height)).to.equal(message.data.height);
  });

  it('without origin= the embed finds the parent origin itself (ancestorOrigins or the referrer)', async () => {
    stop = startEmbedResizer();
    const iframe = embed(other, { src: `${other}${MANIFEST}` });
    const resized = oneEvent<CustomEvent<{ height: number }>>(iframe, 'space-replay-embed-resize', 15_000);
    const { detail } = await resized;
    expect(iframe.style.height).to.equal(`${detail.height}px`);
  });

  it('ignores messages from the wrong origin, the wrong window, or of the wrong shape', async () => {
    stop = startEmbedResizer();
    // An embed without src shows a one-line error and posts its height once: a stable target.
    const iframe = embed(here, { origin: here });
    const first = await nextResize(iframe);
    await waitFor(() => iframe.style.height === `${first.data.height}px`, 'the first resize');
    const unmarked = embed(here, { origin: here }, false);
    await nextResize(unmarked);

    // Synthetic messages (from same-origin windows, which every engine accepts as a MessageEvent source).
    const send = (data: unknown, origin: string, source: Window | null): void => {
      window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
    };
    const resize = (height: number) => ({ type: RESIZE_MESSAGE_TYPE, height });
    send(resize(901), 'https://evil.example', iframe.contentWindow);
    send(resize(902), other, iframe.contentWindow);
    send(resize(903), 'null', iframe.contentWindow);
    send(resize(904), here, unmarked.contentWindow);
    send(resize(905), here, window);
    send(resize(906), here, null);
    send({ type: RESIZE_MESSAGE_TYPE, height: '907' }, here, iframe.contentWindow);
    send({ type: RESIZE_MESSAGE_TYPE, height: 50_000 }, here, iframe.contentWindow);
    send({ type: 'other', height: 908 }, here, iframe.contentWindow);
    expect(iframe.style.height).to.equal(`${first.data.height}px`);
    expect(unmarked.style.height).to.equal('100px');
    // The same path does apply a well-formed message from the right window and origin.
    send(resize(555), here, iframe.contentWindow);
    expect(iframe.style.height).to.equal('555px');
  });

  it('ignores a real message from the iframe once its content is from another origin than its src', async () => {
    stop = startEmbedResizer();
    const iframe = embed(here, { origin: here });
    const first = await nextResize(iframe);
    await waitFor(() => iframe.style.height === `${first.data.height}px`, 'the first resize');
    // The content navigates to another origin (the src attribute stays) and posts a taller height from there.
    const foreign = new Promise<MessageEvent>((resolve) => {
      const listener = (event: MessageEvent): void => {
        if (event.source !== iframe.contentWindow || event.origin !== other || !isResizeMessage(event.data)) return;
        window.removeEventListener('message', listener);
        resolve(event);
      };
      window.addEventListener('message', listener);
    });
    iframe.contentWindow!.location.href = `${other}${EMBED}?${new URLSearchParams({ src: `${other}${MANIFEST}`, origin: here })}`;
    const message = await foreign;
    expect(message.data.height).to.be.greaterThan(first.data.height);
    expect(iframe.style.height).to.equal(`${first.data.height}px`);
  });

  it('the embed posts only to the parent origin it was given: a wrong one delivers nothing', async () => {
    stop = startEmbedResizer();
    // A same-origin embed calls this window's postMessage, so a spy sees the target origin it uses.
    const calls: { message: unknown; target: string }[] = [];
    const original = window.postMessage;
    const post = (message: unknown, target: string): void => (original as (m: unknown, t: string) => void).call(window, message, target);
    window.postMessage = function (message: unknown, target: string | WindowPostMessageOptions = {}) {
      const origin = typeof target === 'string' ? target : (target.targetOrigin ?? '/');
      calls.push({ message, target: origin });
      post(message, origin);
    } as typeof window.postMessage;
    const received: unknown[] = [];
    const listener = (event: MessageEvent): void => {
      if (event.data !== 'sentinel') received.push(event.data);
    };
    window.addEventListener('message', listener);
    try {
      const iframe = embed(here, { src: MANIFEST, origin: 'https://elsewhere.example' });
      await waitFor(() => calls.length > 0, 'the embed to post', 15_000);
      expect(calls.map((c) => c.target)).to.deep.equal(calls.map(() => 'https://elsewhere.example'));
      expect(isResizeMessage(calls[0]!.message)).to.equal(true);
      // Messages are delivered in order: once a later one arrives, an earlier one would have too.
      const sentinel = oneEvent<MessageEvent>(window, 'message');
      post('sentinel', here);
      await sentinel;
      expect(received).to.deep.equal([]);
      expect(iframe.style.height).to.equal('100px');
    } finally {
      window.postMessage = original;
      window.removeEventListener('message', listener);
    }
  });

  it('applies theme, accent and language, and says why when src is missing', async () => {
    const iframe = embed(here, { src: MANIFEST, theme: 'dark', accent: 'ff5500', lang: 'fr' });
    const player = await waitFor(() => iframe.contentDocument?.querySelector('space-replay') as (HTMLElement & { state: string }) | null, 'the embed player');
    const doc = iframe.contentDocument!;
    expect(doc.documentElement.lang).to.equal('fr');
    expect(doc.documentElement.dataset.theme).to.equal('dark');
    expect(player.getAttribute('theme')).to.equal('dark');
    const style = iframe.contentWindow!.getComputedStyle(player);
    expect(style.getPropertyValue('--space-replay-accent').trim()).to.equal('#ff5500');
    expect(style.getPropertyValue('--space-replay-bg').trim()).to.equal('#16181d');
    await waitFor(() => player.state === 'ready', 'ready', 15_000);

    const light = embed(here, { src: MANIFEST, theme: 'light', accent: 'red;color:blue' });
    const lightPlayer = await waitFor(() => light.contentDocument?.querySelector('space-replay') ?? null, 'the light embed player');
    const lightStyle = light.contentWindow!.getComputedStyle(lightPlayer);
    expect(lightStyle.getPropertyValue('--space-replay-bg').trim()).to.equal('#ffffff');
    expect(lightStyle.getPropertyValue('--space-replay-accent').trim()).to.equal('#4338ca');

    const broken = embed(here, { src: 'javascript:alert(1)' });
    const alert = await waitFor(() => broken.contentDocument?.querySelector('[role="alert"]') ?? null, 'the error');
    expect(alert.textContent).to.equal('This embed cannot play: src: scheme "javascript:" is not allowed (use https:, http: on localhost, or a relative URL).');
    expect(broken.contentDocument!.querySelector('space-replay')).to.equal(null);
  });
});

describe('embed clip links', () => {
  it('opens a #t= fragment on the embed URL as the player position', async function () {
    // The embed page loads the player's whole module graph from the test server: on a busy
    // machine that alone took over 10 s in Firefox. Its `load` event is not waited for; the player is.
    this.timeout(60_000);
    const iframe = document.createElement('iframe');
    iframe.src = `${here}${EMBED}?${new URLSearchParams({ src: `${here}${MANIFEST}` })}#t=4`;
    iframe.style.cssText = 'width:640px;height:300px;border:0;display:block';
    document.body.append(iframe);
    frames.push(iframe);
    const player = await waitFor(() => iframe.contentDocument?.querySelector('space-replay') ?? undefined, 'the embedded player', 30_000);
    expect(player.hasAttribute('deep-link')).to.equal(true);
    await waitFor(() => Math.abs((player as unknown as { currentTime: number }).currentTime - 4) < 0.25, 'the player at 4 s', 20_000);
  });
});

describe('embed: one player at a time (host script)', () => {
  type Player = HTMLElement & { play(): Promise<void>; pause(): void; readonly paused: boolean; readonly mediaElement: HTMLMediaElement };

  /** The player inside a same-origin embed (the test drives it directly), ready and muted. */
  async function playerIn(iframe: HTMLIFrameElement): Promise<Player> {
    const player = await waitFor(() => (iframe.contentDocument?.querySelector('space-replay') as Player | null) ?? undefined, 'the embedded player', 15_000);
    await waitFor(() => find(player, '[part~="timeline"]'), 'the embedded player ready', 15_000);
    player.mediaElement.muted = true;
    return player;
  }

  /** Plays `player` until its time moves; on failure says what its media element went through. */
  async function playing(player: Player, name: string): Promise<void> {
    const media = player.mediaElement;
    const events: string[] = [];
    const types = ['play', 'playing', 'waiting', 'pause', 'error'];
    const record = (event: Event): void => void events.push(`${event.type}@${media.currentTime.toFixed(2)}`);
    for (const type of types) media.addEventListener(type, record);
    try {
      await player.play();
      await waitFor(() => !player.paused && media.currentTime > 0, `${name} to play`);
    } catch (error) {
      throw new Error(`${(error as Error).message} (paused: ${player.paused}, readyState ${media.readyState}, events: ${events.join(' ') || 'none'})`);
    } finally {
      for (const type of types) media.removeEventListener(type, record);
    }
  }

  /**
   * Resolves once `iframe`'s window has handled every message this window posted to it so far:
   * messages from one window to another arrive in order, so a marker posted now comes after them.
   */
  function delivered(iframe: HTMLIFrameElement): Promise<void> {
    const win = iframe.contentWindow!;
    const marker = `delivered-${Math.random()}`;
    return new Promise((resolve) => {
      const listener = (event: MessageEvent): void => {
        if (event.data !== marker) return;
        win.removeEventListener('message', listener);
        resolve();
      };
      win.addEventListener('message', listener);
      win.postMessage(marker, here);
    });
  }

  /**
   * Plays an embed, then waits until the host script has answered its playing message and the
   * other embeds have received their pause. Without that, the pause meant for another embed could
   * land after the test had already started that one, and stop it.
   */
  async function playingEmbed(iframe: HTMLIFrameElement, player: Player, name: string): Promise<void> {
    // Registered after the host script's listener, so it runs once the host has posted its pauses.
    const said = new Promise<void>((resolve) => {
      const listener = (event: MessageEvent): void => {
        if (event.source !== iframe.contentWindow || !isPlayingMessage(event.data)) return;
        window.removeEventListener('message', listener);
        resolve();
      };
      window.addEventListener('message', listener);
    });
    await playing(player, name);
    await said;
    await Promise.all(frames.map(delivered));
  }

  it('starting an embed pauses the other embeds and the page\'s own player, and the reverse', async function () {
    // Three players load and play here: give a loaded machine time.
    this.timeout(60_000);
    stop = startEmbedPlayCoordinator();
    const frameA = embed(here, { src: `${here}${MANIFEST}`, origin: here });
    const frameB = embed(here, { src: `${here}${MANIFEST}`, origin: here });
    const [a, b] = await Promise.all([playerIn(frameA), playerIn(frameB)]);
    const own = document.createElement('space-replay') as Player;
    own.setAttribute('no-resume', '');
    own.setAttribute('src', `${here}${MANIFEST}`);
    document.body.append(own);
    try {
      await waitFor(() => find(own, '[part~="timeline"]'), 'the page\'s player ready', 15_000);
      own.mediaElement.muted = true;

      await playingEmbed(frameA, a, 'embed a');
      await playingEmbed(frameB, b, 'embed b');
      await waitFor(() => a.paused, 'embed a paused when b started');
      await playing(own, 'the page\'s player');
      // The host posted its pauses while the page's player started.
      await Promise.all(frames.map(delivered));
      await waitFor(() => b.paused, 'embed b paused when the page\'s player started');
      await playingEmbed(frameA, a, 'embed a');
      await waitFor(() => own.paused, 'the page\'s player paused when embed a started');
      expect(b.paused).to.equal(true);
    } finally {
      own.remove();
    }
  });

  it('an embed hears "pause" only from its parent window at the parent origin it was given', async () => {
    // This one was told its parent is `other`: a pause from this page (origin `here`) is ignored.
    const [deaf, heard] = await Promise.all([
      playerIn(embed(here, { src: `${here}${MANIFEST}`, origin: other })),
      playerIn(embed(here, { src: `${here}${MANIFEST}`, origin: here })),
    ]);
    await playing(deaf, 'the embed told of another parent');
    await playing(heard, 'the embed told of this parent');
    deaf.ownerDocument.defaultView!.postMessage({ type: 'space-replay:pause' }, '*');
    heard.ownerDocument.defaultView!.postMessage({ type: 'space-replay:pause' }, '*');
    // Messages are delivered in order: once the second embed has paused, the first had its turn.
    await waitFor(() => heard.paused, 'the embed with the right parent origin paused');
    expect(deaf.paused).to.equal(false);
    expect(isPauseMessage({ type: 'space-replay:pause' })).to.equal(true);
    expect(isPlayingMessage({ type: 'space-replay:playing', id: 'x'.repeat(201) })).to.equal(false);
    expect(isPlayingMessage({ type: 'space-replay:playing', id: 'p1' })).to.equal(true);
  });
});
