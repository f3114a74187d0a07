/**
 * A page of test/csp/pages/ (or the built embed) in a same-origin iframe, answered with its
 * Content-Security-Policy header by test/server/csp-pages.js. The test page itself cannot carry the
 * policy (the test runner's own page runs inline scripts), so each page under test is a frame, and
 * its first script records every violation into `window.cspViolations`.
 */

import { oneEvent, waitFor } from '../helpers/wait.js';

/** The frame's window, with what the recorder adds. */
export type FrameWindow = Window & typeof globalThis & { cspViolations?: string[] };

const frames: HTMLIFrameElement[] = [];

/** Loads `url` in an iframe of `width` × `height` CSS pixels and resolves once loaded. */
export async function openFrame(url: string, { width = 800, height = 900 } = {}): Promise<FrameWindow> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  frame.style.border = '0';
  const loaded = oneEvent(frame, 'load', 60_000);
  frame.src = url;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  const win = frame.contentWindow as FrameWindow;
  if (!win.cspViolations) throw new Error(`${url} did not load the violation recorder (is it a page of test/csp/pages or the build?)`);
  return win;
}

/** Removes every frame this file opened. */
export function closeFrames(): void {
  for (const frame of frames.splice(0)) frame.remove();
}

/** The violations `win` recorded so far. */
export function violations(win: FrameWindow): string[] {
  return [...(win.cspViolations ?? [])];
}

/** Waits until `tag` is defined in the frame (its module may still be loading, or the build still running). */
export async function defined(win: FrameWindow, tag: string, timeout = 120_000): Promise<void> {
  await waitFor(() => win.customElements.get(tag), `<${tag}> defined in the frame`, timeout);
}
