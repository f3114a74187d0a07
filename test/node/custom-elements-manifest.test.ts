/**
 * custom-elements.json (what IDEs, Storybook and the generated framework types read) against the
 * documented API: docs/player.md's attributes, properties, events and parts, and docs/compose.md's
 * parts of each part. It is made here the way `npm run build` makes it (the analyzer with
 * custom-elements-manifest.config.js), into a temporary folder.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';

const exec = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..', '..');

interface Named { name: string; description?: string; type?: { text: string }; fieldName?: string; privacy?: string; kind?: string }
interface Element { tagName: string; name: string; attributes: Named[]; members: Named[]; events: Named[]; cssParts: Named[] }
interface Module { path: string; declarations: Element[]; exports: { kind: string; name: string; declaration: { module: string } }[] }

let folder: string;
let modules: Module[];
const element = (tag: string): Element => {
  const found = modules.flatMap((m) => m.declarations).find((d) => d.tagName === tag);
  assert.ok(found, `<${tag}> is in custom-elements.json`);
  return found;
};
const names = (list: Named[]) => new Set(list.map((x) => x.name));
/** The backticked words of `text`. */
const ticked = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
const doc = (file: string) => readFileSync(join(ROOT, 'docs', file), 'utf8');
/** The text of `## title` in `markdown`, up to the next `## `. */
const section = (markdown: string, title: string) => {
  const start = markdown.indexOf(`## ${title}\n`);
  assert.ok(start >= 0, `the docs have a "${title}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
};
const tableRows = (text: string) => text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('|---')).slice(1).map((l) => l.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '')));

before(async () => {
  // The analyzer takes --outdir relative to the working folder.
  await mkdir(join(ROOT, '.cache'), { recursive: true });
  folder = await mkdtemp(join(ROOT, '.cache', 'cem-'));
  await exec(process.execPath, [join(ROOT, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js'), 'analyze', '--outdir', folder.slice(ROOT.length + 1)], { cwd: ROOT });
  modules = (JSON.parse(await readFile(join(folder, 'custom-elements.json'), 'utf8')) as { modules: Module[] }).modules;
});
after(() => rm(folder, { recursive: true, force: true }));

describe('custom-elements.json', () => {
  test('points every module at a shipped dist/ entry that exports its class and defines its tag', () => {
    const rollup = readFileSync(join(ROOT, 'rollup.config.js'), 'utf8');
    const parts = JSON.parse(/const PARTS = (\[[^\]]*\])/.exec(rollup)![1]!.replaceAll("'", '"')) as string[];
    const entries = new Set(['dist/player.js', 'dist/list.js', 'dist/transcript-panel.js', ...parts.map((p) => `dist/parts/${p}.js`)]);
    for (const m of modules) {
      assert.ok(entries.has(m.path), `${m.path} is an entry rollup.config.js builds`);
      for (const e of m.exports) assert.equal(e.declaration.module, m.path, `${m.path} exports ${e.name} from itself`);
      for (const d of m.declarations) assert.ok(m.exports.some((e) => e.kind === 'custom-element-definition' && e.name === d.tagName), `${m.path} defines <${d.tagName}>`);
    }
    assert.ok(!JSON.stringify(modules).includes('src/'), 'nothing points at src/');
  });

  test('lists only public members, and attributes only of public fields', () => {
    for (const d of modules.flatMap((m) => m.declarations)) {
      const fields = names(d.members);
      for (const m of d.members) assert.ok(!m.name.startsWith('_') && (m.privacy ?? 'public') === 'public', `<${d.tagName}> member ${m.name} is public`);
      for (const a of d.attributes) {
        assert.ok(!a.name.startsWith('_'), `<${d.tagName}> attribute ${a.name} is not internal state`);
        if (a.fieldName) assert.ok(fields.has(a.fieldName), `<${d.tagName}> attribute ${a.name} has its field ${a.fieldName}`);
      }
    }
  });

  test("has <space-replay>'s documented attributes and properties, and no others", () => {
    const player = element('space-replay');
    const rows = tableRows(section(doc('player.md'), 'Attributes and properties'));
    // `dir` and `lang` are global attributes; `lang` is also read by the element, so it may be listed.
    const attributes = rows.map((r) => ticked(r[0]!)[0]).filter((a): a is string => !!a && a !== 'dir');
    const listed = [...names(player.attributes)].filter((a) => a !== 'lang');
    assert.deepEqual(listed.sort(), attributes.filter((a) => a !== 'lang').sort());
    // The property column, and the names in the "Read-only: …" and "Read-write: …" lines (not the values in parentheses).
    const prose = /Read-only: ([\s\S]*?)\n\n(Read-write: [^\n]*)/.exec(section(doc('player.md'), 'Attributes and properties'))!;
    const listedNames = ticked(`${prose[1]} ${prose[2]}`.replace(/\([^)]*\)/g, ''));
    const properties = [...rows.map((r) => ticked(r[1]!)[0]), ...listedNames].filter((p): p is string => !!p && /^[a-z][A-Za-z]*$/.test(p));
    assert.ok(listedNames.includes('activeEngine') && listedNames.includes('playbackRate'));
    for (const p of properties) assert.ok(names(player.members).has(p), `property ${p} is a member`);
    for (const method of ['play', 'pause', 'seek', 'retry']) assert.ok(names(player.members).has(method), `method ${method} is a member`);
  });

  test("types every event with its detail, and has <space-replay>'s documented events", () => {
    const events = readFileSync(join(ROOT, 'src', 'events.ts'), 'utf8');
    for (const d of modules.flatMap((m) => m.declarations)) {
      for (const e of d.events) {
        assert.ok(e.type?.text.startsWith('CustomEvent<'), `<${d.tagName}> ${e.name} has a detail type`);
        assert.ok(events.includes(`'${e.name}': ${e.type!.text};`), `<${d.tagName}> ${e.name}'s type is the one in SpaceReplayEventMap`);
      }
    }
    const documented = tableRows(section(doc('player.md'), 'Events')).flatMap((r) => ticked(r[0]!)).map((e) => (e.startsWith('-') ? `space-replay${e}` : e));
    assert.ok(documented.length >= 10);
    for (const e of documented) assert.ok(names(element('space-replay').events).has(e), `<space-replay> fires ${e}`);
  });

  test("has every part docs/player.md names for <space-replay> and docs/compose.md for each part", () => {
    const parts = section(doc('player.md'), 'Parts').split('\nSlot ')[0]!;
    const player = names(element('space-replay').cssParts);
    for (const p of ticked(parts)) assert.ok(player.has(p), `<space-replay> has the part ${p}`);
    const rows = tableRows(section(doc('compose.md'), 'The parts')).filter((r) => /^`<space-replay-[a-z-]+>`$/.test(r[0]!) && r.length >= 3);
    assert.ok(rows.length >= 8);
    for (const row of rows) {
      const tag = ticked(row[0]!)[0]!.slice(1, -1);
      const own = names(element(tag).cssParts);
      for (const p of ticked(row[row.length - 1]!)) assert.ok(own.has(p), `<${tag}> has the part ${p}`);
    }
  });

  test('has the parts docs/transcript-panel.md names, and the events docs/list.md names', () => {
    const panel = names(element('space-replay-transcript').cssParts);
    const parts = section(doc('transcript-panel.md'), 'Parts and custom properties').split('\n\n')[1]!;
    // The parts, not the states in parentheses (`turn continued`, a word's `current`), which are set from script.
    const listed = ticked(parts.replace(/\([^)]*\)/g, ''));
    assert.ok(listed.length > 15);
    for (const p of listed) assert.ok(panel.has(p), `<space-replay-transcript> has the part ${p}`);
    const listEvents = tableRows(section(doc('list.md'), 'Events')).flatMap((r) => ticked(r[0]!)).filter((e) => e.startsWith('space-replay-list-'));
    assert.ok(listEvents.length >= 3);
    for (const e of listEvents) assert.ok(names(element('space-replay-list').events).has(e), `<space-replay-list> fires ${e}`);
  });

  test('is what the package ships (npm run build writes it with this config)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.match(pkg.scripts.build, /custom-elements-manifest analyze$/);
    // The analyzer writes its output path into package.json unless told not to: this run's folder must not leak there.
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(existsSync(join(ROOT, 'custom-elements-manifest.config.js')));
  });
});
