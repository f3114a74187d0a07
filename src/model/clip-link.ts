/**
 * Clip links: the W3C Media Fragments URI 1.0 temporal dimension (`#t=90,120`), plus `?t=` in the
 * query, YouTube-like times (`t=1m30s`) and an `id=` key naming one recording on pages with several
 * players. Pure; the public `space-replay/clip` entry. Grammar and rules: docs/clip-links.md.
 */
import { formatFragmentTime, parseTime } from './time.js';

/** A temporal range from a `t=` value, in seconds; `end` is absent for "from `start` on". */
export interface TemporalRange {
  /** Where playback starts, seconds (>= 0). */
  start: number;
  /** Where playback stops, seconds; always > `start` when present. */
  end?: number;
}

/** Where a clip link points: a range and, on multi-player pages, the recording it is for. */
export interface ClipLinkTarget extends TemporalRange {
  /** The recording named by the link's `id=` key, when it has one. */
  id?: string;
}

/** Options of {@link parseClipLink}. */
export interface ParseClipLinkOptions {
  /** Duration of the recording, seconds: the range is clamped to it. */
  duration?: number;
  /** This player's recording id: a link naming another recording is ignored. */
  id?: string;
}

interface Pair {
  name: string;
  value: string | undefined;
  raw: string;
}

function decode(component: string): string | undefined {
  try {
    return decodeURIComponent(component);
  } catch {
    return undefined;
  }
}

/** Splits `a=1&b=2` into pairs as Media Fragments §5.1.1 does: on `&`, then on the first `=`, then percent-decoding. */
function splitPairs(text: string): Pair[] {
  const pairs: Pair[] = [];
  for (const raw of text.split('&')) {
    if (raw === '') continue;
    const eq = raw.indexOf('=');
    const name = decode(eq < 0 ? raw : raw.slice(0, eq));
    const value = eq < 0 ? undefined : decode(raw.slice(eq + 1));
    // A pair that does not percent-decode is dropped whole, as the spec says.
    if (name === undefined || (eq >= 0 && value === undefined)) continue;
    pairs.push({ name, value, raw });
  }
  return pairs;
}

function splitUrl(url: string | URL): { base: string; query: string; fragment: string | undefined } {
  const text = typeof url === 'string' ? url : url.href;
  const hash = text.indexOf('#');
  const beforeHash = hash < 0 ? text : text.slice(0, hash);
  const question = beforeHash.indexOf('?');
  return {
    base: beforeHash,
    query: question < 0 ? '' : beforeHash.slice(question + 1),
    fragment: hash < 0 ? undefined : text.slice(hash + 1),
  };
}

/**
 * Parses the (already percent-decoded) value of a `t=` key: `90`, `90,120`, `,120`,
 * `npt:1:30,2:00`, `1m30s`. Returns undefined when invalid: bad syntax, another time format
 * (`smpte:`, `clock:`), negative values. An end not after the start is dropped (not the whole range).
 */
export function parseTemporalFragment(value: string): TemporalRange | undefined {
  if (typeof value !== 'string') return undefined;
  let text = value;
  if (text.slice(0, 4).toLowerCase() === 'npt:') text = text.slice(4);
  const parts = text.split(',');
  if (parts.length > 2) return undefined;
  const [startText, endText] = parts as [string, string | undefined];
  // The prefix names the format of the whole range, once; a prefix on a part is another format.
  if (/^[a-z-]+:/i.test(startText) || (endText !== undefined && /^[a-z-]+:/i.test(endText))) return undefined;
  if (startText !== startText.trim() || (endText !== undefined && endText !== endText.trim())) return undefined;

  const start = startText === '' ? 0 : parseTime(startText);
  if (start === undefined) return undefined;
  if (endText === undefined) return startText === '' ? undefined : { start };
  const end = parseTime(endText);
  if (end === undefined) return undefined;
  return end > start ? { start, end } : { start };
}

/** The last valid `t=` among pairs (Media Fragments: only the last valid occurrence counts). */
function lastRange(pairs: Pair[]): TemporalRange | undefined {
  let range: TemporalRange | undefined;
  for (const pair of pairs) {
    if (pair.name !== 't' || pair.value === undefined) continue;
    range = parseTemporalFragment(pair.value) ?? range;
  }
  return range;
}

/**
 * Reads a clip link from a URL: the fragment's `t=` (last valid one wins), else the query's `t=`.
 * Returns undefined when there is no valid time, or when `options.id` is given and the fragment's
 * `id=` names another recording. With `options.duration` the range is clamped to the duration and
 * an end that is then not after the start is dropped. Never throws.
 */
export function parseClipLink(url: string | URL, options: ParseClipLinkOptions = {}): ClipLinkTarget | undefined {
  if (typeof url !== 'string' && !(url instanceof URL)) return undefined;
  const { query, fragment } = splitUrl(url);
  const fragmentPairs = fragment === undefined ? [] : splitPairs(fragment);

  let id: string | undefined;
  for (const pair of fragmentPairs) {
    if (pair.name === 'id' && pair.value) id = pair.value;
  }
  if (id !== undefined && options.id !== undefined && id !== options.id) return undefined;

  // The query's `id` is the site's own business (`article?id=42`): only the fragment names recordings.
  const range = lastRange(fragmentPairs) ?? lastRange(splitPairs(query));
  if (!range) return undefined;

  let { start, end } = range;
  const duration = options.duration;
  if (duration !== undefined && Number.isFinite(duration) && duration >= 0) {
    start = Math.min(start, duration);
    if (end !== undefined) end = Math.min(end, duration);
  }
  const target: ClipLinkTarget = { start };
  if (end !== undefined && end > start) target.end = end;
  if (id !== undefined) target.id = id;
  return target;
}

/**
 * Writes a clip link: `pageUrl` with its fragment's `t=` and `id=` replaced (`#t=90,120&id=rec`);
 * other `name=value` fragment pairs are kept after them, a plain `#anchor` is dropped. Times are
 * written with {@link formatFragmentTime}; an end not after the start is left out.
 */
export function formatClipLink(pageUrl: string | URL, target: ClipLinkTarget): string {
  const { base, fragment } = splitUrl(pageUrl);
  const start = formatFragmentTime(target.start);
  const end = target.end === undefined ? undefined : formatFragmentTime(target.end);
  const pairs = [end !== undefined && Number(end) > Number(start) ? `t=${start},${end}` : `t=${start}`];
  if (target.id) pairs.push(`id=${encodeURIComponent(target.id)}`);
  if (fragment !== undefined) {
    for (const pair of splitPairs(fragment)) {
      if (pair.value !== undefined && pair.name !== 't' && pair.name !== 'id') pairs.push(pair.raw);
    }
  }
  return `${base}#${pairs.join('&')}`;
}
