/** Loading a manifest's text for `validate` and `inspect`: from a file, a recording folder, or an http(s) URL. */
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { readInputText } from './input-file.js';
import { fail, ok, type Outcome } from './outcome.js';

/** A manifest's text and where it came from. */
export interface ManifestSource {
  text: string;
  /** How to name it in messages: the path or URL as given (a folder gets `/manifest.json`). */
  label: string;
  /** The folder relative URLs resolve against, for local manifests. */
  dir?: string;
  /** The URL, for remote manifests. */
  url?: string;
}

/** The file a manifest's relative URL points at, inside the manifest's folder (query and fragment dropped). */
export function localFileOf(dir: string, url: string): string {
  return join(dir, decodeURIComponent(url.split(/[?#]/)[0]!));
}

/** Whether a manifest URL names a file inside the manifest's folder: no scheme, not rooted at `/`. */
export function isInFolder(url: string): boolean {
  return !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) && !url.startsWith('/');
}

/**
 * What a manifest reference (`waveform`, a transcript, `chapters`) holds: its inline `data`, or the
 * text of its file in `dir`. Undefined when it names a file outside the folder, which is not read;
 * a failure when its file cannot be read.
 */
export async function referencedContent(ref: { data?: unknown; url?: string | undefined }, dir: string): Promise<Outcome<unknown> | undefined> {
  if (ref.url === undefined) return ok(ref.data);
  if (!isInFolder(ref.url)) return undefined;
  return readInputText(localFileOf(dir, ref.url), ref.url);
}

/** Whether `target` looks like a URL rather than a path. */
export function isUrlLike(target: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(target);
}

/** Reads a manifest from a file, a folder holding manifest.json, or (when `allowUrl`) an http(s) URL. */
export async function loadManifestSource(target: string, cwd: string, allowUrl: boolean): Promise<Outcome<ManifestSource>> {
  if (isUrlLike(target)) {
    if (!allowUrl) return fail(`${target}: give a folder or a manifest.json path, not a URL`);
    return fetchManifest(target);
  }
  let path = resolve(cwd, target);
  let label = target;
  try {
    if ((await stat(path)).isDirectory()) {
      path = join(path, 'manifest.json');
      label = join(target, 'manifest.json');
    }
  } catch {
    // A missing path is reported by the read below, with its reason.
  }
  const text = await readInputText(path, label);
  return text.ok ? ok({ text: text.value, label, dir: dirname(path) }) : text;
}

async function fetchManifest(target: string): Promise<Outcome<ManifestSource>> {
  const fetched = await fetchText(target, 'application/json');
  return fetched.ok ? ok({ text: fetched.value.text, label: target, url: fetched.value.url }) : fetched;
}

/** Most bytes {@link fetchText} reads: a 4-hour transcript is about 2 MB. */
export const MAX_FETCH_BYTES = 64 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;

/**
 * GETs an http(s) URL as text: `{text, url}` (the URL after redirects), or a message that names the
 * URL and says what went wrong (not a URL, another scheme, an HTTP status, a network error, a
 * timeout after 30 s, or a body over {@link MAX_FETCH_BYTES}).
 */
export async function fetchText(target: string, accept: string): Promise<Outcome<{ text: string; url: string }>> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return fail(`${target}: not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(`${target}: only http and https URLs can be fetched`);
  try {
    const response = await fetch(url, { headers: { accept }, redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) return fail(`${target}: HTTP ${response.status} ${response.statusText}`.trimEnd());
    const declared = Number(response.headers.get('content-length'));
    if (declared > MAX_FETCH_BYTES) return fail(`${target}: ${declared} bytes, more than the ${MAX_FETCH_BYTES} read`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    for (let part = await reader?.read(); reader && part && !part.done; part = await reader.read()) {
      size += part.value.byteLength;
      if (size > MAX_FETCH_BYTES) {
        await reader.cancel();
        return fail(`${target}: more than the ${MAX_FETCH_BYTES} bytes read`);
      }
      chunks.push(part.value);
    }
    return ok({ text: Buffer.concat(chunks).toString('utf8'), url: response.url || url.href });
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return fail(`${target}: no answer within ${FETCH_TIMEOUT_MS / 1000} s`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return fail(`${target}: cannot fetch (${cause?.code ?? cause?.message ?? (error as Error).message})`);
  }
}
