/**
 * `npm run test:consumers`: the packed package as its users get it. The tarball is built and
 * packed once and the installed browsers launched once, for every suite: the tarball's contents and
 * linters (package-checks.ts), production builds of consumer apps (bundlers.ts), React apps of
 * space-replay/react (react-apps.ts: Vite, react-dom/server, each on React 19 and 18; next-app.ts: Next.js), the framework
 * types (framework-types.ts), the documentation's snippets (snippets.ts) and every entry imported
 * on a server (server-import.ts).
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { describeBundlers } from './bundlers.js';
import { packPackage } from './consumer-apps.js';
import { describePackageChecks } from './package-checks.js';
import { launchBrowsers } from './play-in-browsers.js';
import { describeServerImport } from './server-import.js';
import { describeFrameworkTypes } from './framework-types.js';
import { describeNextApp } from './next-app.js';
import { describeReactApps, describeServerRenderedApp } from './react-apps.js';
import { describeSnippets } from './snippets.js';

let tarball: string;
let browsers: Map<string, Browser>;
let closeBrowsers: (() => Promise<void>) | undefined;

before(async () => {
  tarball = await packPackage();
  ({ browsers, close: closeBrowsers } = await launchBrowsers());
  assert.ok(browsers.has('chromium'), 'Chromium is needed (npm test installs it: see README)');
});

after(async () => closeBrowsers?.());

const setup = () => ({ tarball, browsers });
describePackageChecks(setup);
describeBundlers(setup);
describeReactApps(setup);
describeReactApps(setup, 18);
describeServerRenderedApp(setup);
describeServerRenderedApp(setup, 18);
describeNextApp(setup);
describeFrameworkTypes(setup);
describeSnippets(setup);
describeServerImport(setup);
