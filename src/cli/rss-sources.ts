/**
 * What `space-replay rss` reads: the recordings named by a list feed (docs/feed.md) or given as
 * packed folders, each with its public URL; and, per recording, the facts a feed needs that the
 * manifest does not hold (the enclosure's byte length, which JSON transcripts podcast apps can read).
 */
import { open, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { formatIssue, isAbsoluteUrl, isExpired, parseFeed, parseManifest, type Feed, type Manifest } from '../manifest/index.js';
import { NORMALIZED_TRANSCRIPT_FORMAT } from '../manifest/schema.js';
import { parseMediaPlaylist } from '../model/hls-playlist.js';
import { describeFsError, readInputText } from './input-file.js';
import { fetchText, isUrlLike } from './manifest-source.js';
import { fail, ok, type Outcome } from './outcome.js';
import type { RssEpisode, RssTranscript } from './rss-document.js';

/** One recording to publish: where its manifest is read from and where it is published. */
export interface RecordingSource {
  /** How to name it in messages. */
  label: string;
  /** The published URL of its manifest (relative URLs in it resolve against this). */
  publicManifestUrl: string;
  /** The local folder holding it, when it is read from disk. */
  localDir?: string;
  /** Set when the feed item was already expired: the manifest is not read. */
  expiredAt?: string;
}

/** The recordings to publish, plus the feed they came from (for channel defaults) and notices. */
export interface SourceList {
  sources: RecordingSource[];
  feed?: Feed;
  notices: string[];
}

const HLS_TYPE = 'application/vnd.apple.mpegurl';

/** Reads the positional inputs: one list feed file, or recording folders (each holding manifest.json). */
export async function listSources(inputs: readonly string[], cwd: string, baseUrl: string, now: number): Promise<Outcome<SourceList>> {
  const first = resolve(cwd, inputs[0]!);
  let firstIsFile = false;
  try {
    firstIsFile = (await stat(first)).isFile();
  } catch (error) {
    return fail(`${inputs[0]}: cannot read (${describeFsError(error)})`);
  }
  if (firstIsFile) {
    if (inputs.length > 1) return fail(`${inputs[1]}: give one list feed, or recording folders, not both`);
    return listFeedSources(first, inputs[0]!, baseUrl, now);
  }
  const sources: RecordingSource[] = [];
  for (const input of inputs) {
    const dir = resolve(cwd, input);
    try {
      if (!(await stat(dir)).isDirectory()) return fail(`${input}: not a folder (give one list feed, or recording folders)`);
    } catch (error) {
      return fail(`${input}: cannot read (${describeFsError(error)})`);
    }
    sources.push({
      label: join(input, 'manifest.json'),
      publicManifestUrl: new URL(`${encodeURIComponent(basename(dir))}/manifest.json`, baseUrl).href,
      localDir: dir,
    });
  }
  return ok({ sources, notices: [] });
}

async function listFeedSources(path: string, label: string, baseUrl: string, now: number): Promise<Outcome<SourceList>> {
  const text = await readInputText(path, label);
  if (!text.ok) return text;
  const parsed = parseFeed(text.value);
  if (!parsed.ok) return fail([`${label}: invalid list feed`, ...parsed.errors.slice(0, 5).map((e) => `  ${formatIssue(e)}`)].join('\n'));
  const notices = parsed.itemErrors.map((e) => `${label}: left out, invalid item: ${formatIssue(e)}`);
  const sources: RecordingSource[] = [];
  for (const item of parsed.feed.items) {
    const publicManifestUrl = new URL(item.manifest, baseUrl).href;
    const source: RecordingSource = { label: isAbsoluteUrl(item.manifest) ? item.manifest : join(dirname(label), item.manifest), publicManifestUrl };
    if (!isUrlLike(item.manifest)) source.localDir = dirname(resolve(dirname(path), decodeURIComponent(item.manifest.split(/[?#]/)[0]!)));
    if (item.expiresAt !== undefined && Date.parse(item.expiresAt) <= now) source.expiredAt = item.expiresAt;
    sources.push(source);
  }
  return ok({ sources, feed: parsed.feed, notices });
}

/** An episode, or why the recording is left out of the feed (expired, download refused, no progressive file). */
export type EpisodeOutcome = { episode: RssEpisode } | { leftOut: string };

/** Options of {@link loadEpisode}. */
export interface EpisodeOptions {
  now: number;
  /** `{id}`, `{manifest}` (its URL, percent-encoded) and `{folder}` are replaced; default: the recording's folder URL. */
  itemLink?: string;
  /** Notices (things linked or not) go here. */
  notice(text: string): void;
}

/** Reads one recording and collects what its feed entry needs. Fails on an unreadable or invalid manifest or a missing file. */
export async function loadEpisode(source: RecordingSource, options: EpisodeOptions): Promise<Outcome<EpisodeOutcome>> {
  if (source.expiredAt) return ok({ leftOut: `${source.label}: left out, expired ${source.expiredAt}` });
  const text = source.localDir
    ? await readInputText(join(source.localDir, 'manifest.json'), source.label)
    : await fetchRemote(source.publicManifestUrl);
  if (!text.ok) return text;
  const parsed = parseManifest(text.value, { baseUrl: source.publicManifestUrl });
  if (!parsed.ok) {
    return fail([`${source.label}: invalid manifest (run space-replay validate for details)`, ...parsed.errors.slice(0, 5).map((e) => `  ${formatIssue(e)}`)].join('\n'));
  }
  const manifest = parsed.manifest;
  if (isExpired(manifest, options.now)) return ok({ leftOut: `${source.label}: left out, expired ${manifest.retention!.expiresAt}` });
  const refusing = manifest.participants.find((p) => p.consent.record && p.consent.download === false);
  if (refusing) return ok({ leftOut: `${source.label}: left out, ${refusing.name} (${refusing.id}) did not consent to downloads, and podcast apps download the audio` });
  const progressive = manifest.audio.find((a) => a.type !== HLS_TYPE);
  if (!progressive) return ok({ leftOut: `${source.label}: left out, no progressive audio file (podcast apps cannot download HLS)` });

  const folderUrl = new URL('.', source.publicManifestUrl).href;
  const local = (url: string): string | undefined => {
    if (!source.localDir || !url.startsWith(folderUrl)) return undefined;
    return join(source.localDir, decodeURIComponent(url.slice(folderUrl.length).split(/[?#]/)[0]!));
  };
  const length = await byteLength(progressive.url, local(progressive.url), source.label);
  if (!length.ok) return length;

  const alternates: RssEpisode['alternates'] = [];
  for (const hls of manifest.audio.filter((a) => a.type === HLS_TYPE)) {
    const size = await hlsByteLength(hls.url, local(hls.url), source.label);
    if (!size.ok) return size;
    alternates.push({ url: hls.url, type: hls.type, length: size.value });
  }

  const transcripts: RssTranscript[] = [];
  for (const ref of manifest.transcripts ?? []) {
    if (ref.url === undefined) {
      options.notice(`${source.label}: an inline transcript is not linked (a feed links files; host it as a file)`);
      continue;
    }
    const language = ref.language ?? manifest.language;
    const base = { url: ref.url, ...(language ? { language } : {}) };
    if (ref.type === 'text/vtt' || ref.type === 'application/x-subrip') {
      transcripts.push({ ...base, type: ref.type, captions: true });
      continue;
    }
    const form = await jsonTranscriptForm(ref.url, local(ref.url));
    if (!form.ok) return fail(`${source.label}: ${form.message}`);
    if (form.value === 'normalized') {
      options.notice(`${source.label}: ${ref.url} is space-replay's normalized JSON, which podcast apps do not read; not linked`);
      continue;
    }
    transcripts.push({ ...base, type: 'application/json', captions: true });
  }
  if (manifest.chapters?.data) options.notice(`${source.label}: inline chapters are not linked (host them as a file)`);

  const link = options.itemLink
    ? options.itemLink.replaceAll('{id}', encodeURIComponent(manifest.id)).replaceAll('{manifest}', encodeURIComponent(source.publicManifestUrl)).replaceAll('{folder}', folderUrl)
    : folderUrl;
  return ok({
    episode: {
      manifest,
      link,
      enclosure: { url: progressive.url, type: progressive.type, length: length.value },
      alternates,
      transcripts,
      ...(manifest.chapters?.url ? { chapters: manifest.chapters.url } : {}),
    } satisfies RssEpisode & { manifest: Manifest },
  });
}

async function fetchRemote(url: string): Promise<Outcome<string>> {
  const fetched = await fetchText(url, 'application/json');
  return fetched.ok ? ok(fetched.value.text) : fetched;
}

/** The size of the enclosure: from the file system for a local file, else from a HEAD request's Content-Length. */
async function byteLength(url: string, path: string | undefined, label: string): Promise<Outcome<number>> {
  if (path) {
    try {
      const info = await stat(path);
      if (!info.isFile()) return fail(`${path}: not a file (the enclosure of ${label})`);
      return ok(info.size);
    } catch (error) {
      return fail(`${path}: cannot read the enclosure of ${label} (${describeFsError(error)})`);
    }
  }
  try {
    const response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(30_000) });
    const length = Number(response.headers.get('content-length'));
    if (!response.ok) return fail(`${url}: HTTP ${response.status} (the enclosure of ${label})`);
    if (!Number.isSafeInteger(length) || length <= 0) return fail(`${url}: the server gives no Content-Length (the enclosure of ${label} needs its size)`);
    return ok(length);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return fail(`${url}: cannot reach it for the enclosure's size (${cause?.code ?? (error as Error).message})`);
  }
}

/**
 * The size of an HLS rendition: for a local playlist, the bytes of its init segment and media
 * segments (what a player downloads); for a remote one, the playlist's own size.
 */
async function hlsByteLength(url: string, path: string | undefined, label: string): Promise<Outcome<number>> {
  if (!path) return byteLength(url, undefined, label);
  const text = await readInputText(path, path);
  if (!text.ok) return text;
  const parsed = parseMediaPlaylist(text.value);
  if (!parsed.ok) return fail(`${path}: ${parsed.error}`);
  const files = [...(parsed.playlist.map ? [parsed.playlist.map] : []), ...parsed.playlist.segments.map((s) => s.uri)];
  let total = 0;
  for (const file of files) {
    if (isUrlLike(file)) continue;
    const size = await byteLength(file, join(dirname(path), decodeURIComponent(file.split(/[?#]/)[0]!)), label);
    if (!size.ok) return size;
    total += size.value;
  }
  return ok(total);
}

/** Whether a JSON transcript is the normalized form (`"format": "space-replay-transcript"`) or Podcasting 2.0 JSON. */
async function jsonTranscriptForm(url: string, path: string | undefined): Promise<Outcome<'normalized' | 'podcast'>> {
  let head: string;
  if (path) {
    // The writer puts `format` first; 4 KiB is plenty and a 60,000-word transcript is never read whole.
    try {
      const file = await open(path, 'r');
      try {
        const buffer = Buffer.alloc(4096);
        const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
        head = buffer.subarray(0, bytesRead).toString('utf8');
      } finally {
        await file.close();
      }
    } catch (error) {
      return fail(`${path}: cannot read (${describeFsError(error)})`);
    }
  } else {
    const fetched = await fetchText(url, 'application/json');
    if (!fetched.ok) return fetched;
    head = fetched.value.text;
  }
  return ok(new RegExp(`"format"\\s*:\\s*"${NORMALIZED_TRANSCRIPT_FORMAT}"`).test(head) ? 'normalized' : 'podcast');
}
