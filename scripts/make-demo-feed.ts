/**
 * Builds demo/recordings/feed.json, the feed of the demo profile page, from the committed demo
 * recordings: each item summarizes one demo/recordings/<id>/manifest.json (title, dates, status,
 * expiry, participants who consented to be recorded, hosts first) with a 100-bar overview of its
 * waveform.json. The owner and their role in each recording are made up for the demo (so the role
 * filter has something to filter). Checked with parseFeed before it is written.
 * Then writes demo/recordings/podcast.xml from that feed with `space-replay rss`, as published on
 * http://localhost:8000/ (scripts/serve.js puts the port it serves on into the URLs), with the
 * clock at the newest recording's start, so the same recordings always give the same bytes.
 * Run: node --import tsx scripts/make-demo-feed.ts
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FEED_SCHEMA_ID, FEED_VERSION, formatIssue, parseFeed, parseManifest, type FeedItem, type FeedRole, type Manifest } from '../src/manifest/index.js';
import { decodePeaks, downsamplePeaks } from '../src/model/peaks.js';
import { run } from '../src/cli/main.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RECORDINGS = join(ROOT, 'demo', 'recordings');
const OUT = join(RECORDINGS, 'feed.json');
/** Where `npm start` serves the demo (the RSS needs absolute URLs). */
export const DEMO_ORIGIN = 'http://localhost:8000';
const BARS = 100;

const OWNER = { id: 'open-rooms', name: 'Open Rooms Collective', href: 'https://example.org/@open-rooms' };
const OWNER_ROLES: Record<string, FeedRole> = {
  'garden-council': 'hosted',
  'maintainers-ama': 'co-hosted',
  'release-standup': 'spoke',
  'club-lecture': 'hosted',
};
const ROLE_ORDER = ['host', 'co-host', 'speaker', 'listener'];

/** `bars` loudness values in [0, 1], the loudest scaled to 1, two decimals. */
function overview(waveformJson: string, bars: number): number[] | undefined {
  const decoded = decodePeaks(waveformJson);
  if (!decoded.ok) return undefined;
  const pairs = downsamplePeaks(decoded.peaks, bars);
  const values = Array.from({ length: bars }, (_, b) => Math.max(-pairs[2 * b]!, pairs[2 * b + 1]!, 0));
  const loudest = Math.max(...values);
  return values.map((value) => (loudest > 0 ? Math.round((value / loudest) * 100) / 100 : 0));
}

function summarize(dir: string, manifest: Manifest, waveform: number[] | undefined): FeedItem {
  const participants = manifest.participants
    .filter((p) => p.consent.record && p.role !== 'listener')
    .sort((a, b) => ROLE_ORDER.indexOf(a.role ?? 'speaker') - ROLE_ORDER.indexOf(b.role ?? 'speaker'))
    .map((p) => ({ id: p.id, name: p.name, ...(p.role ? { role: p.role } : {}), ...(p.avatar ? { avatar: `${dir}/${p.avatar}` } : {}) }));
  return {
    manifest: `${dir}/manifest.json`,
    id: manifest.id,
    title: manifest.title,
    startedAt: manifest.startedAt,
    duration: manifest.duration,
    status: manifest.status,
    ...(OWNER_ROLES[manifest.id] ? { role: OWNER_ROLES[manifest.id] } : {}),
    participants,
    ...(manifest.retention ? { expiresAt: manifest.retention.expiresAt } : {}),
    ...(waveform ? { waveform: { data: waveform } } : {}),
  };
}

async function main(): Promise<void> {
  const items: FeedItem[] = [];
  for (const entry of await readdir(RECORDINGS, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = join(RECORDINGS, entry.name);
    const parsed = parseManifest(await readFile(join(folder, 'manifest.json'), 'utf8'));
    if (!parsed.ok) throw new Error(`${entry.name}/manifest.json is invalid:\n${parsed.errors.map(formatIssue).join('\n')}`);
    const ref = parsed.manifest.waveform;
    const waveform = ref?.url ? overview(await readFile(join(folder, ref.url), 'utf8'), BARS) : undefined;
    items.push(summarize(entry.name, parsed.manifest, waveform));
  }
  items.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
  const feed = { $schema: FEED_SCHEMA_ID, version: FEED_VERSION, owner: OWNER, items };
  const check = parseFeed(feed);
  if (!check.ok || check.itemErrors.length > 0 || check.warnings.length > 0) {
    const issues = check.ok ? [...check.itemErrors, ...check.warnings] : check.errors;
    throw new Error(`the generated feed is invalid:\n${issues.map(formatIssue).join('\n')}`);
  }
  // Overview values on one line each: 100 lines of numbers per item would drown the summaries.
  const text = JSON.stringify(feed, null, 2).replace(/"data": \[([\d.,\s]*)\]/g, (_, values: string) => `"data": [${values.replace(/\s+/g, '').replace(/,/g, ', ')}]`);
  await writeFile(OUT, `${text}\n`);
  console.log(`wrote ${OUT} (${items.length} items)`);

  const code = await run(
    [...DEMO_RSS_ARGS, '--out', 'podcast.xml', '--force'],
    {
      stdout: process.stdout,
      stderr: process.stderr,
      isTTY: false,
      cwd: RECORDINGS,
      now: () => demoFeedClock(feed),
    },
  );
  if (code !== 0) throw new Error(`space-replay rss exited with ${code}`);
}

/** `space-replay rss` arguments of the demo podcast feed, run in demo/recordings. */
export const DEMO_RSS_ARGS: readonly string[] = [
  'rss', 'feed.json',
  '--base-url', `${DEMO_ORIGIN}/demo/recordings/`,
  '--item-link', `${DEMO_ORIGIN}/demo/?recording={id}`,
  '--link', `${DEMO_ORIGIN}/demo/profile.html`,
  '--feed-url', `${DEMO_ORIGIN}/demo/recordings/podcast.xml`,
  '--description', "Open audio rooms of the Open Rooms Collective, recorded with everyone's consent.",
  '--language', 'en',
  '--category', 'Technology',
  '--license', 'CC-BY-4.0',
];

/** The clock the demo podcast feed is made at: the newest recording's start (expiry is judged then). */
export function demoFeedClock(feed: { items: readonly { startedAt: string }[] }): number {
  return Math.max(...feed.items.map((item) => Date.parse(item.startedAt)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
