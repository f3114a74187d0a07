/**
 * Opens a built consumer app in the installed browsers (Debian's Chromium, and Firefox ESR when
 * present) through puppeteer-core, and checks what a visitor gets: the element registered, the demo
 * recording ready and playing, and which scripts the page fetched.
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { startStaticServer } from '../../bench/lib/static-server.js';
import { CHROMIUM_FLAGS, FIREFOX_PREFS, findBrowsers } from '../../scripts/find-browsers.js';

/** What a visit found. */
export interface Visit {
  /** `customElements.get('space-replay')` was defined. */
  registered: boolean;
  /** The player's `activeEngine` once it played. */
  engine: string | null;
  /** Its `currentTime` after playing. */
  currentTime: number;
  /** Paths of the scripts the page fetched. */
  scripts: string[];
  /** Errors the page threw or logged. */
  errors: string[];
  /** `data-ready-title` of the page's element that has one, once the player played (a React app puts its ready event's title there). */
  readyTitle: string | null;
  /** `data-react` of the page's element that has one: the major version of the React the page ran. */
  reactMajor: string | null;
}

/** The browsers found on this machine, launched once; `close` ends them. */
export async function launchBrowsers(): Promise<{ browsers: Map<string, Browser>; close: () => Promise<void> }> {
  const found = findBrowsers();
  const browsers = new Map<string, Browser>();
  if (found.chromium) {
    browsers.set('chromium', await puppeteer.launch({ executablePath: found.chromium, headless: true, args: [...CHROMIUM_FLAGS, '--disable-quic'] }));
  }
  if (found.firefox) {
    browsers.set('firefox', await puppeteer.launch({ browser: 'firefox', executablePath: found.firefox, headless: true, extraPrefsFirefox: FIREFOX_PREFS }));
  }
  return { browsers, close: async () => void (await Promise.all([...browsers.values()].map((b) => b.close()))) };
}

/**
 * Serves `site` (the app's build) with the demo recordings under /recordings/, opens its index.html,
 * waits for the player to be ready, plays it until its clock passes 0.5 s, and reports.
 */
export async function visit(browser: Browser, site: string, recordings: string): Promise<Visit> {
  const server = await startStaticServer({ '/recordings/': recordings, '/': site });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // The console names no URL for a failed load: say which.
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  try {
    await page.goto(`${server.url}/index.html`);
    const registered = await page
      .waitForFunction(() => customElements.get('space-replay') !== undefined, { timeout: 15_000 })
      .then(() => true, () => false);
    if (!registered) return { registered, engine: null, currentTime: 0, scripts: await scriptsFetched(), errors, readyTitle: null, reactMajor: null };
    await page.waitForFunction(() => (document.querySelector('space-replay') as unknown as { state: string }).state === 'ready', { timeout: 20_000 });
    await page.evaluate(() => (document.querySelector('space-replay') as unknown as { play(): Promise<void> }).play());
    await page.waitForFunction(() => (document.querySelector('space-replay') as unknown as { currentTime: number }).currentTime > 0.5, { timeout: 20_000 });
    const { engine, currentTime } = await page.evaluate(() => {
      const player = document.querySelector('space-replay') as unknown as { activeEngine: string | null; currentTime: number; pause(): void };
      player.pause();
      return { engine: player.activeEngine, currentTime: player.currentTime };
    });
    const { readyTitle, reactMajor } = await page.evaluate(() => ({
      readyTitle: document.querySelector('[data-ready-title]')?.getAttribute('data-ready-title') ?? null,
      reactMajor: document.querySelector('[data-react]')?.getAttribute('data-react') ?? null,
    }));
    return { registered, engine, currentTime, scripts: await scriptsFetched(), errors, readyTitle, reactMajor };
  } finally {
    await page.close();
    await server.close();
  }

  async function scriptsFetched(): Promise<string[]> {
    return page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((path) => path.endsWith('.js')),
    );
  }
}

/** What a page made of a documentation snippet did. */
export interface SnippetVisit {
  /** Scripts and pages that failed to load (URL and status). */
  failed: string[];
  /** Errors the page threw. */
  errors: string[];
  /** Custom elements the snippet uses that were never defined, in the page or in its same-origin frames. */
  undefinedTags: string[];
}

/**
 * Serves `mounts` and a page whose body is `html`, opens it, and waits until every custom element
 * in `tags` is defined in the page, or in a frame for an `<iframe>` snippet (up to 10 s).
 */
export async function visitSnippet(browser: Browser, html: string, tags: string[], mounts: Record<string, string>): Promise<SnippetVisit> {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>\n${html}\n</body></html>`;
  const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const folder = await mkdtemp(join(tmpdir(), 'space-replay-snippet-'));
  await writeFile(join(folder, 'index.html'), page);
  const server = await startStaticServer({ ...mounts, '/': folder });
  const tab = await browser.newPage();
  const failed: string[] = [];
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  // Scripts and pages only: the snippets' own recordings (`/recordings/weekly-42/…`) are examples.
  const loadsCode = (type: string) => type === 'script' || type === 'document';
  tab.on('response', (response) => {
    if (response.status() >= 400 && loadsCode(response.request().resourceType())) failed.push(`${response.url()} ${response.status()}`);
  });
  tab.on('requestfailed', (request) => {
    if (request.url().startsWith(server.url) && loadsCode(request.resourceType())) failed.push(`${request.url()} failed`);
  });
  try {
    await tab.goto(`${server.url}/index.html`);
    const undefinedTags: string[] = [];
    for (const tag of tags) {
      const defined = await tab
        .waitForFunction(
          (name) => [window, ...Array.from(document.querySelectorAll('iframe'), (f) => f.contentWindow)].some((w) => {
            try {
              return w?.customElements.get(name) !== undefined && (w === window ? true : w.document.querySelector(name) !== null);
            } catch {
              return false;
            }
          }),
          { timeout: 10_000 },
          tag,
        )
        .then(() => true, () => false);
      if (!defined) undefinedTags.push(tag);
    }
    return { failed, errors, undefinedTags };
  } finally {
    await tab.close();
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
}
