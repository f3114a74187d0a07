#!/usr/bin/env node
// Screenshots of the demo page in the light and dark colour schemes, for the README:
// docs/images/player-light.png and docs/images/player-dark.png. Serves the demo itself (like
// `npm start`) and drives the system Chromium with puppeteer-core; nothing is downloaded.
import { mkdirSync } from 'node:fs';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
import { findBrowsers } from './find-browsers.js';

const { chromium } = findBrowsers();
if (!chromium) {
  console.error('No Chromium found (set CHROME_PATH).');
  process.exit(1);
}
const server = await startDevServer({
  config: {
    rootDir: '.',
    hostname: 'localhost',
    port: Number(process.env.PORT ?? 8765),
    nodeResolve: true,
    plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json', exclude: ['demo/recordings/**', 'test/fixtures/**'] })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const url = `http://localhost:${server.config.port}/demo/`;
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--autoplay-policy=no-user-gesture-required', '--hide-scrollbars'],
});
try {
  mkdirSync('docs/images', { recursive: true });
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage();
    await page.setViewport({ width: 900, height: 800, deviceScaleFactor: 1 });
    await page.emulateMediaFeatures([
      { name: 'prefers-color-scheme', value: scheme },
      { name: 'prefers-reduced-motion', value: 'reduce' },
    ]);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('player')?.state === 'ready', { timeout: 20_000 });
    // A moment into the recording, so the waveform shows progress and a speaker is active.
    await page.evaluate(() => {
      const player = document.getElementById('player');
      player.seek(23);
    });
    await page.waitForFunction(() => Math.abs(document.getElementById('player').currentTime - 23) < 0.5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stage = await page.$('#stage');
    const file = `docs/images/player-${scheme}.png`;
    await stage.screenshot({ path: file });
    console.log(`wrote ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
