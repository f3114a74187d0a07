#!/usr/bin/env node
// `npm run bench`: bytes, load, playback, highlight lag, DOM, memory, clip links, packager and models,
// measured the same way each time (headless Chromium over CDP, the built CDN bundle, the 4-hour
// recording), each figure beside its budget from bench/budgets.json. Method: docs/benchmarks.md.
//
//   npm run bench                       everything (~8 minutes on 2 cores)
//   npm run bench -- --quick            fewer runs, a 30 s memory minute
//   npm run bench -- --only load,clip   some sections: bytes load paint playback highlight dom memory clip pack models
//   npm run bench -- --check            exit 1 when a figure breaks its budget (or an accepted miss its ceiling)
//   npm run bench -- --no-build         measure dist/ as it is (default: build the sources into .cache/bench/dist)
//   npm run bench -- --profile          play an unminified bundle, so the evidence in results.json names functions
//   npm run bench -- --markdown         print bench/results.json as a Markdown table (for docs/benchmarks.md)
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setPriority } from 'node:os';
import { benchInChromium, launchChromium } from './bench-in-chromium.js';
import { ensureLongRecording, LONG_RECORDING_DIR } from './long-recording.js';
import { ensureSystemPackages, SYSTEM_PACKAGES } from './system-packages.js';
import { applyBudgets, overBudget } from '../bench/lib/budgets.js';
import { startStaticServer } from '../bench/lib/static-server.js';
import { figure } from '../bench/lib/figure.js';
import { load, machine } from '../bench/lib/machine.js';
import { measureBytes } from '../bench/sections/bytes.js';
import { measureSiteBytes } from '../bench/sections/site-bytes.js';
import { benchLoad } from '../bench/sections/load.js';
import { benchPagePaint, writePaintPages } from '../bench/sections/page-paint.js';
import { benchPlayback } from '../bench/sections/playback.js';
import { benchMemory } from '../bench/sections/memory.js';
import { benchClipLink } from '../bench/sections/clip-link.js';
import { benchPack } from '../bench/sections/pack.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SECTIONS = ['bytes', 'load', 'paint', 'playback', 'highlight', 'dom', 'memory', 'clip', 'pack', 'models'];

function parseArgs(argv) {
  const options = { check: false, quick: false, build: true, profile: false, only: new Set(SECTIONS) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') options.check = true;
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--profile') options.profile = true;
    else if (arg === '--markdown') options.markdown = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const list = arg.includes('=') ? arg.slice('--only='.length) : argv[++i] ?? '';
      const names = list.split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = names.filter((n) => !SECTIONS.includes(n));
      if (unknown.length || names.length === 0) {
        console.error(`--only takes a comma-separated list of: ${SECTIONS.join(', ')} (got "${list}")`);
        process.exit(2);
      }
      options.only = new Set(names);
    } else if (arg === '-h' || arg === '--help') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else {
      console.error(`unknown option ${arg} (try --help)`);
      process.exit(2);
    }
  }
  // Highlight lag comes out of the playback runs, the DOM peak out of the memory runs.
  if (options.only.has('highlight')) options.only.add('playback');
  if (options.only.has('dom')) options.only.add('memory');
  return options;
}

/**
 * Builds what the bench measures, with rollup.config.js's own library, CDN and CLI configs, into
 * .cache/bench/dist/ (the package's files, cdn/ and cli.js): the same bytes as dist/, but from the
 * current sources and out of the way of anyone else building dist/ at the same time.
 */
async function build(outDir) {
  const { rollup } = await import('rollup');
  const configs = (await import(join(ROOT, 'rollup.config.js'))).default;
  rmSync(outDir, { recursive: true, force: true });
  const isLibrary = (c) => c.output?.dir === 'dist' && c.input && typeof c.input === 'object' && 'index' in c.input;
  const wanted = configs.filter((c) => c.output?.dir === 'dist/cdn' || isLibrary(c) || (c.input && typeof c.input === 'object' && 'cli' in c.input));
  if (wanted.length < 3) throw new Error('rollup.config.js has no library, dist/cdn or cli config any more: update scripts/bench.js');
  const modules = {};
  for (const config of wanted) {
    const bundle = await rollup({ ...config, onwarn: () => {} });
    try {
      const { output } = await bundle.write({ ...config.output, dir: config.output.dir.replace(/^dist/, outDir) });
      // What each CDN chunk is made of (rendered length of each module, before minification).
      if (config.output.dir === 'dist/cdn') {
        for (const chunk of output) {
          if (chunk.type === 'chunk') modules[chunk.fileName] = Object.fromEntries(Object.entries(chunk.modules).map(([id, m]) => [id.replace(`${ROOT}/`, ''), m.renderedLength]));
        }
      }
    } finally {
      await bundle.close();
    }
  }
  return modules;
}

/** The main entry's source, by package or source folder, largest first (KiB before minification). */
function mainComposition(modules, mainFiles) {
  const by = new Map();
  for (const file of mainFiles) {
    for (const [id, length] of Object.entries(modules[file] ?? {})) {
      const key = id.includes('node_modules/') ? id.split('node_modules/').pop().split('/').slice(0, id.split('node_modules/').pop().startsWith('@') ? 2 : 1).join('/') : id.split('/').slice(0, 3).join('/');
      by.set(key, (by.get(key) ?? 0) + length);
    }
  }
  return [...by].sort((a, b) => b[1] - a[1]).map(([what, length]) => ({ what, kib: Math.round((length / 1024) * 10) / 10 }));
}

/** An unminified bundle of the player (esbuild, same sources and chunks), for evidence that names functions. */
async function buildReadable(outDir) {
  const { build: esbuild } = await import('esbuild');
  rmSync(outDir, { recursive: true, force: true });
  await esbuild({
    entryPoints: { 'space-replay': join(ROOT, 'src', 'index.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    outdir: outDir,
    minify: false,
    // package.json's sideEffects names dist/ files only; without this, esbuild drops src's define imports.
    ignoreAnnotations: true,
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'error',
  });
}

const started = Date.now();
const log = (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

function format(value) {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  return abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : abs >= 1 ? value.toFixed(2) : abs === 0 ? '0' : value.toPrecision(2);
}

function printTable(unsorted) {
  // Sections in their fixed order (highlight figures come out of the playback runs, interleaved).
  const figures = [...unsorted].sort((a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section));
  const width = Math.min(78, Math.max(...figures.map((f) => f.name.length)));
  let section = '';
  console.log('');
  for (const f of figures) {
    if (f.section !== section) {
      section = f.section;
      console.log(`\n${section.toUpperCase()}`);
    }
    const name = f.name.length > width ? `${f.name.slice(0, width - 1)}…` : f.name;
    const spread = f.runs > 1 && Number.isFinite(f.min) ? `[${format(f.min)}–${format(f.max)}]` : '';
    const budget = f.budget !== undefined ? `≤ ${f.budget}` : '';
    const status = f.na ? `n/a (${f.na})` : f.pass === true ? 'ok' : f.accepted ? `over, accepted (≤ ${f.accepted})` : f.pass === false ? 'OVER' : '';
    console.log(`  ${name.padEnd(width)}  ${format(f.value).padStart(8)} ${f.unit.padEnd(8)} ${spread.padEnd(17)} ${budget.padEnd(8)} ${status}`);
  }
}

/** The figures of a results file as a Markdown table, each beside its budget. */
function markdown(results) {
  const m = results.machine;
  const lines = [
    `Taken ${results.date.slice(0, 10)} on ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB), ${m.chromium}, Node ${m.node}; load average ${m.loadBefore.join(' ')} → ${m.loadAfter.join(' ')}.`,
    '',
    '| figure | median | min – max | budget | |',
    '|---|---:|---:|---:|---|',
  ];
  for (const f of results.figures) {
    const spread = f.runs > 1 && Number.isFinite(f.min) ? `${format(f.min)} – ${format(f.max)}` : '';
    const status = f.na ? `n/a: ${f.na}` : f.pass === true ? 'ok' : f.accepted ? `over; accepted ≤ ${f.accepted}, see why` : f.pass === false ? '**over**' : '';
    lines.push(`| ${f.name} | ${format(f.value)} ${f.unit} | ${spread} | ${f.budget !== undefined ? `≤ ${f.budget}` : ''} | ${status} |`);
  }
  for (const [key, value] of Object.entries(results.notes ?? {})) lines.push('', `${key}: ${value}`);
  return lines.join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  try {
    // Children (Chromium, ffmpeg) inherit it: on a shared machine they lose less time to other work.
    setPriority(-10);
  } catch {
    // Not root: normal priority.
  }
  if (options.markdown) {
    console.log(markdown(JSON.parse(readFileSync(join(ROOT, 'bench', 'results.json'), 'utf8'))));
    return;
  }
  const runs = options.quick ? { load: 3, playback: 2, memory: 1, memorySeconds: 30, clip: 3, pack: 1 } : { load: 5, playback: 3, memory: 2, memorySeconds: 60, clip: 5, pack: 2 };
  const budgets = JSON.parse(readFileSync(join(ROOT, 'bench', 'budgets.json'), 'utf8'));
  const longDir = LONG_RECORDING_DIR;
  const needsBrowser = ['load', 'paint', 'playback', 'memory', 'clip'].some((s) => options.only.has(s));
  // Chromium measures, ffmpeg packs (the pack section and the 4-hour recording); Firefox is not used.
  ensureSystemPackages('npm run bench', SYSTEM_PACKAGES.filter((p) => p.name !== 'firefox-esr'));
  if (needsBrowser) ensureLongRecording();
  const loadBefore = load();
  let bundleModules = null;
  const dist = options.build ? join(ROOT, '.cache', 'bench', 'dist') : join(ROOT, 'dist');
  if (options.build) {
    log('building the CDN bundle and the CLI into .cache/bench/dist (rollup.config.js)…');
    bundleModules = await build(dist);
  }
  const figures = [];
  const evidence = {};
  const notes = {};
  const env = { ...machine(), chromium: null, loadBefore };

  const section = async (name, fn) => {
    if (!options.only.has(name)) return;
    try {
      await fn();
    } catch (error) {
      log(`${name} failed: ${error.stack ?? error}`);
      figures.push(figure(name, `${name}.error`, `${name}: the section failed (${String(error.message ?? error).slice(0, 120)})`, '', NaN, { failed: true }));
    }
  };

  await section('bytes', async () => {
    const { figures: f, detail } = measureBytes(join(dist, 'cdn'));
    figures.push(...f);
    evidence.bytes = { ...detail, mainComposition: bundleModules ? mainComposition(bundleModules, detail.main) : 'run without --no-build to see it' };
    // The package as a site installs it: package.json beside a copy of the library build. A copy,
    // not a link: a bundler follows a link to the real path and reads `sideEffects` from the
    // package.json enclosing that (the repository's, which lists ./dist/ and not .cache/bench/dist/),
    // and then drops every module of the package.
    const pkgDir = join(ROOT, '.cache', 'bench', 'package');
    rmSync(pkgDir, { recursive: true, force: true });
    mkdirSync(pkgDir, { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(pkgDir, 'package.json'));
    cpSync(dist, join(pkgDir, 'dist'), { recursive: true });
    const site = await measureSiteBytes({ pkgDir, nodeModules: join(ROOT, 'node_modules'), workDir: join(ROOT, '.cache', 'bench', 'site') });
    figures.push(...site.figures);
    evidence.bytes.site = site.detail;
  });

  if (needsBrowser) {
    let served = join(dist, 'cdn');
    if (options.profile) {
      served = join(ROOT, '.cache', 'bench', 'readable');
      log('--profile: the browser runs an unminified esbuild bundle (.cache/bench/readable); its figures are not the reference ones');
      await buildReadable(served);
      notes.profile = 'figures taken on an unminified esbuild bundle, for evidence; not the reference figures';
    }
    const paintPages = join(ROOT, '.cache', 'bench', 'paint');
    if (options.only.has('paint')) writePaintPages({ root: ROOT, dist, dir: paintPages });
    const server = await startStaticServer({ '/cdn/': served, '/long/': longDir, '/pages/': join(ROOT, 'bench', 'pages'), '/paint/': paintPages });
    const browser = await launchChromium();
    env.chromium = await browser.version();
    try {
      await section('load', async () => {
        const r = await benchLoad(browser, server.url, { runs: runs.load, log });
        figures.push(...r.figures);
        evidence.load = r.evidence;
        notes.transcript = r.transcript;
      });
      await section('paint', async () => {
        const r = await benchPagePaint(browser, server.url, { runs: runs.load, log });
        figures.push(...r.figures);
      });
      await section('playback', async () => {
        const r = await benchPlayback(browser, server.url, { runs: runs.playback, longDir, profile: options.profile, log });
        figures.push(...r.figures);
        evidence.playback = r.evidence;
        notes.transcript = r.transcript;
      });
      await section('memory', async () => {
        const r = await benchMemory(browser, server.url, { runs: runs.memory, seconds: runs.memorySeconds, log });
        figures.push(...r.figures.filter((f) => (f.section === 'dom' ? options.only.has('dom') : options.only.has('memory'))));
        evidence.memory = r.evidence;
        notes.transcript ??= r.transcript;
      });
      await section('clip', async () => {
        const r = await benchClipLink(browser, server.url, { runs: runs.clip, longDir, log });
        figures.push(...r.figures);
        evidence.clip = r.evidence;
        notes.clipLink = r.byPlayer ? 'read by the player' : 'not read by the player: the bench seeked with player.seek(7200)';
      });
    } finally {
      await browser.close();
      await server.close();
    }
  }

  await section('pack', async () => {
    const r = await benchPack({ root: ROOT, cli: join(dist, 'cli.js'), cacheDir: join(ROOT, '.cache', 'bench'), runs: runs.pack, log });
    figures.push(...r.figures);
  });

  await section('models', async () => {
    log('models (bench/models.bench.ts in Chromium)…');
    const result = await benchInChromium(join(ROOT, 'bench', 'models.bench.ts'));
    for (const f of result) figures.push(figure('models', f.id, f.name, f.unit, [f.value], { min: f.min, max: f.max, runs: f.runs }));
  });

  applyBudgets(figures, budgets);
  if (notes.transcript) {
    notes.transcriptPanel = notes.transcript === 'shown' ? 'present: the transcript panel showed words' : notes.transcript === 'hidden' ? 'present but showed no words' : 'absent: the player shows no transcript panel';
    delete notes.transcript;
  }
  env.loadAfter = load();

  printTable(figures);
  console.log('');
  for (const [key, value] of Object.entries(notes)) console.log(`${key}: ${value}`);
  console.log(`machine: ${env.cpu}, ${env.cores} cores, ${env.memoryGiB} GiB, ${env.chromium ?? 'no browser'}, Node ${env.node}; load average ${env.loadBefore.join(' ')} → ${env.loadAfter.join(' ')}`);

  const { over, accepted } = overBudget(figures);
  const results = {
    date: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    options: { quick: options.quick, only: [...options.only], build: options.build ? '.cache/bench/dist (rollup.config.js CDN + CLI configs)' : 'dist/ as found', runs },
    machine: env,
    notes,
    figures: [...figures].sort((a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section)).map(({ section: s, id, name, value, unit, min, max, runs: n, budget, pass, ...rest }) => ({ section: s, id, name, value, unit, min, max, runs: n, budget, pass, ...rest })),
    evidence,
  };
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, (_, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v), 2)}\n`);
  const acceptedNote = accepted.length ? ` (${accepted.length} over budget by an accepted, documented margin: ${accepted.map((f) => f.id).join(', ')})` : '';
  log(`wrote bench/results.json; ${over.length ? `${over.length} over budget: ${over.map((f) => f.id).join(', ')}` : 'every budgeted figure within budget'}${acceptedNote}`);
  if (options.check && over.length > 0) process.exitCode = 1;
}

await main();
