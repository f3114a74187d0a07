/** The documentation's code blocks, used as a reader would use them (what counts: doc-snippets.ts). */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { before, describe, test } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { build } from 'esbuild';
import { ROOT, unpack, WORK } from './consumer-apps.js';
import { commandsOf, customTagsOf, declaredParts, importsOf, snippetsOf, wordsOf } from './doc-snippets.js';
import { visitSnippet } from './play-in-browsers.js';

const exec = promisify(execFile);
const snippets = snippetsOf(ROOT).filter((s) => !s.internal);
const where = (s: { file: string; line: number }) => `${s.file}:${s.line}`;
const UNPKG = 'https://unpkg.com/space-replay/';

/** The suite; `setup` gives the packed tarball and the launched browsers once the file's `before` has run. */
export function describeSnippets(setup: () => { tarball: string; browsers: Map<string, Browser> }): void {
  describe('the documentation snippets, as a reader pastes them', () => {
    let app: string;
    let pkg: string;
    const help = new Map<string, string>();

    before(async () => {
      app = join(WORK, 'snippets');
      pkg = await unpack(setup().tarball, join(app, 'node_modules', 'space-replay'));
      const cli = (args: string[]) => exec(process.execPath, [join(pkg, 'dist', 'cli.js'), ...args]).then((r) => r.stdout);
      const top = await cli(['--help']);
      help.set('', top);
      for (const [, command] of top.matchAll(/^ {2}([a-z][a-z-]*) {2,}/gm)) help.set(command, await cli([command, '--help']));
    });

    for (const s of snippets.filter((x) => x.lang === 'html')) {
      test(`html at ${where(s)} registers its elements from the packed package`, async () => {
        // A fragment that loads nothing (an element's markup) goes in a page that loads the player, as the README's does.
        const code = /<script\b[^>]*type="module"/.test(s.code) ? s.code : `<script type="module" src="${UNPKG}dist/cdn/space-replay.js"></script>\n${s.code}`;
        const html = code.replaceAll(UNPKG, '/unpkg/space-replay/');
        const tags = customTagsOf(html);
        if (/<iframe[^>]*\/unpkg\/space-replay\/dist\/embed\.html/.test(html)) tags.push('space-replay');
        assert.ok(tags.length > 0 || !html.includes('/unpkg/'), 'the snippet loads the package, so it should use an element');
        const result = await visitSnippet(setup().browsers.get('chromium')!, html, tags, { '/unpkg/space-replay/': pkg });
        assert.deepEqual(result.failed, [], 'every script and page it names loads');
        assert.deepEqual(result.errors, [], 'no page errors');
        assert.deepEqual(result.undefinedTags, [], 'every element it uses is defined');
      });
    }

    for (const s of snippets.filter((x) => ['js', 'ts', 'jsx', 'tsx'].includes(x.lang) && importsOf(x.code).length > 0)) {
      test(`${s.lang} at ${where(s)} imports only what the package exports`, async () => {
        // The package, what installing it installs (lit, @lit/context, …), or a peer it works with (react).
        const pkgJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
        const dependencies = [...Object.keys(pkgJson.dependencies ?? {}), ...Object.keys(pkgJson.peerDependencies ?? {})];
        for (const specifier of importsOf(s.code)) {
          const installed = /^space-replay(\/|$)/.test(specifier) || dependencies.some((d) => specifier === d || specifier.startsWith(`${d}/`));
          assert.ok(installed, `imports ${specifier}: a reader can only import the package and its dependencies (mark project-internal code <!-- snippet: internal -->)`);
        }
        const file = join(app, `snippet-${s.file.replace(/\W/g, '-')}-${s.line}.${s.lang}`);
        await mkdir(app, { recursive: true });
        await writeFile(file, s.code);
        const result = await build({ entryPoints: [file], bundle: true, write: false, format: 'esm', platform: 'browser', logLevel: 'silent', absWorkingDir: app }).catch(
          (error: { errors?: { text: string }[] }) => ({ errors: error.errors ?? [{ text: String(error) }] }),
        );
        assert.deepEqual(result.errors.map((e) => e.text), []);
      });
    }

    for (const s of snippets.filter((x) => x.lang === 'sh')) {
      test(`sh at ${where(s)} names commands, flags, scripts and files that exist`, () => {
        const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
        for (const command of commandsOf(s.code)) {
          const words = wordsOf(command).filter((w) => !/^[A-Z_]+=/.test(w));
          if (words[0] === 'npx' && words[1] === 'space-replay') words.shift();
          if (words[0] === 'space-replay') {
            const sub = words[1];
            assert.ok(help.has(sub) && sub, `${command}: "${sub}" is a space-replay command`);
            for (const flag of words.filter((w) => w.startsWith('-') && w !== '--')) {
              const name = flag.split('=')[0];
              assert.ok(new RegExp(`(^|[\\s,])${name}\\b`).test(help.get(sub)!), `${command}: space-replay ${sub} --help lists ${name}`);
            }
          } else if (words[0] === 'npm') {
            const script = words[1] === 'run' ? words[2] : words[1];
            if (['ci', 'i', 'install'].includes(script)) continue;
            assert.ok(script in scripts, `${command}: package.json has the script "${script}"`);
          } else if (words[0] === 'node') {
            const file = words.slice(1).find((w) => !w.startsWith('-') && w !== 'tsx');
            assert.ok(file && existsSync(join(ROOT, file)), `${command}: ${file} is a file of the repository`);
          } else if (words[0] === 'sudo' || words[0] === 'apt-get') {
            continue;
          } else {
            assert.fail(`${command}: a command this test does not know how to check (${words[0]})`);
          }
        }
      });
    }

    const jsonBlocks = snippets.filter((x) => x.lang === 'json' && !x.code.includes('…'));
    test(`the ${jsonBlocks.length} complete json blocks parse`, () => {
      for (const s of jsonBlocks) assert.doesNotThrow(() => JSON.parse(s.code), `${where(s)} is JSON`);
    });

    test('the css blocks use custom properties and parts the elements have', () => {
      const sources = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f) => readFileSync(join(ROOT, 'src', f), 'utf8'));
      const all = sources.join('\n');
      const parts = declaredParts(sources);
      for (const s of snippets.filter((x) => x.lang === 'css')) {
        for (const [property] of s.code.matchAll(/--space-replay-[a-z0-9-]+/g)) {
          const base = property.replace(/-\d+$/, '-');
          assert.ok(all.includes(property) || all.includes(base), `${where(s)}: ${property} is a custom property the sources read`);
        }
        for (const [, names] of s.code.matchAll(/::part\(([^)]*)\)/g)) {
          for (const name of names.trim().split(/\s+/)) assert.ok(parts.has(name), `${where(s)}: ::part(${name}) is declared by an element`);
        }
      }
    });
  });
}
