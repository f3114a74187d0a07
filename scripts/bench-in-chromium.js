// Runs a benchmark module in headless Debian Chromium and returns what it reports.
// The module is bundled with esbuild and must export `default async function run(): Promise<BenchFigure[]>`.
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, findBrowsers } from './find-browsers.js';

/**
 * Launches the system's headless Chromium with the browser tests' flags (`CHROMIUM_FLAGS`,
 * find-browsers.js); never downloads one.
 *
 * `networkEnabled: false`: Puppeteer would otherwise enable the DevTools Network domain on every
 * page, and Chromium's network agent then keeps a copy of every fetched response body inside the
 * renderer, for the Network panel (3.4 MB for the 4-hour recording's transcript and peaks). That
 * is DevTools' memory and main-thread time, not the page's, and no visitor has it. A section that
 * watches the network (the clip link) enables the domain on its own session.
 */
export async function launchChromium(extraArgs = []) {
  const { chromium } = findBrowsers();
  if (!chromium) throw new Error('No Chromium found (CHROME_PATH, /usr/bin/chromium): apt-get install chromium');
  return puppeteer.launch({ executablePath: chromium, headless: true, networkEnabled: false, args: [...CHROMIUM_FLAGS, ...extraArgs] });
}

/** Bundles `entry`, runs its default export in Chromium, and resolves to the figures it returns. */
export async function benchInChromium(entry) {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    minify: true,
    tsconfig: 'tsconfig.json',
  });
  const code = bundle.outputFiles[0].text;
  // gc() lets a benchmark start each measured run from a collected heap.
  const browser = await launchChromium(['--js-flags=--expose-gc']);
  try {
    const page = await browser.newPage();
    page.on('console', (message) => console.log(`  [page] ${message.text()}`));
    await page.goto('about:blank');
    await page.evaluate(`window.__bench = import(URL.createObjectURL(new Blob([${JSON.stringify(code)}], {type: 'text/javascript'}))).then((m) => m.default())`);
    return await page.evaluate('window.__bench');
  } finally {
    await browser.close();
  }
}

/** Prints figures `{name, value, unit, target?}` as a table, marking those over their target. */
export function printFigures(title, figures) {
  console.log(`\n${title}`);
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) {
    const over = f.target !== undefined && f.value > f.target;
    const target = f.target !== undefined ? `  (target ≤ ${f.target} ${f.unit})` : '';
    console.log(`  ${f.name.padEnd(width)}  ${formatValue(f.value).padStart(10)} ${f.unit}${target}${over ? '  OVER' : ''}`);
  }
}

function formatValue(value) {
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toPrecision(3);
}
