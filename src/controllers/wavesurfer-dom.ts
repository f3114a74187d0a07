/**
 * wavesurfer.js, made to work under a strict Content-Security-Policy with Trusted Types.
 *
 * wavesurfer 8's renderer builds its shadow DOM by assigning an HTML string (with a `<style>`
 * element in it) to `ShadowRoot.innerHTML`, and clears its canvas containers with
 * `innerHTML = ''`. Under `require-trusted-types-for 'script'` each of those assignments is a
 * violation and throws (the waveform is never drawn), and under a `style-src` without
 * `'unsafe-inline'` the `<style>` is blocked too. Rather than ask sites to allow a Trusted Types
 * policy that passes HTML strings through, the renderer's `initHtml` is replaced (once, on the
 * renderer class this chunk imports) with one that makes the same nodes with DOM calls, styled by
 * a constructed stylesheet (`adoptedStyleSheets`, which `style-src` does not govern), whose
 * containers clear with `replaceChildren()`. Nothing else of wavesurfer changes. The same change
 * made in wavesurfer itself would need no replacement: see docs/deploying.md.
 */

import Renderer from 'wavesurfer.js/dist/renderer.js';
import WaveSurfer from 'wavesurfer.js/dist/wavesurfer.js';

/** What this module relies on of wavesurfer's renderer (private in its types). */
interface RendererInternals {
  options: { height?: number | 'auto'; splitChannels?: unknown };
  getHeight(height: unknown, splitChannels: unknown): number;
  initHtml(): [HTMLElement, ShadowRoot];
}

// The layout wavesurfer's renderer expects of its nodes (class names are its own): a horizontally
// scrolling box, a wrapper the canvases and the progress are laid over, and the cursor.
const LAYOUT = `
:host { user-select: none; min-width: 1px; }
.scroll { position: relative; width: 100%; overflow-x: auto; overflow-y: hidden; }
.noScrollbar { scrollbar-color: transparent; scrollbar-width: none; }
.noScrollbar::-webkit-scrollbar { display: none; }
.wrapper { position: relative; overflow: visible; z-index: 2; }
.canvases { pointer-events: none; }
.canvases > div, .progress > div { position: relative; }
canvas { display: block; position: absolute; top: 0; image-rendering: pixelated; }
.progress { position: absolute; z-index: 2; top: 0; left: 0; width: 0; height: 100%; overflow: hidden; pointer-events: none; }
.cursor { position: absolute; z-index: 5; top: 0; left: 0; height: 100%; border-radius: 2px; pointer-events: none; }
`;

let sheet: CSSStyleSheet | undefined;

const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;

/**
 * Makes `el.innerHTML = ''` clear `el` with `replaceChildren()` (any other string is refused), and
 * gives every element appended to it the same: wavesurfer clears its canvas containers that way.
 */
function clearable<T extends HTMLElement>(el: T): T {
  Object.defineProperty(el, 'innerHTML', {
    configurable: true,
    get: () => innerHTML.get!.call(el),
    set: (value: unknown) => {
      if (value !== '') throw new TypeError('space-replay: wavesurfer may only clear this element');
      el.replaceChildren();
    },
  });
  el.appendChild = <N extends Node>(node: N): N => {
    if (node instanceof HTMLElement) clearable(node);
    return Node.prototype.appendChild.call(el, node) as N;
  };
  return el;
}

function div(className: string, children: HTMLElement[] = []): HTMLDivElement {
  const el = document.createElement('div');
  el.className = className;
  el.setAttribute('part', className);
  el.append(...children);
  return el;
}

function initHtml(this: RendererInternals): [HTMLElement, ShadowRoot] {
  const host = document.createElement('div');
  const shadow = host.attachShadow({ mode: 'open' });
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(LAYOUT);
  }
  shadow.adoptedStyleSheets = [sheet];
  const canvases = clearable(div('canvases'));
  canvases.style.minHeight = `${this.getHeight(this.options.height, this.options.splitChannels)}px`;
  shadow.append(div('scroll', [div('wrapper', [canvases, clearable(div('progress')), div('cursor')])]));
  return [host, shadow];
}

/** wavesurfer.js with its renderer building its DOM without HTML strings. */
export function domRenderedWaveSurfer(): typeof WaveSurfer {
  const proto = Renderer.prototype as unknown as RendererInternals;
  if (typeof proto.initHtml !== 'function' || typeof proto.getHeight !== 'function') {
    // A wavesurfer whose renderer changed shape: its own renderer is used (and needs 'unsafe-inline' and no Trusted Types).
    return WaveSurfer;
  }
  proto.initHtml = initHtml;
  return WaveSurfer;
}
