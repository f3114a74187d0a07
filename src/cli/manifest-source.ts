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
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return fail(`${target}: not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(`${target}: only http and https URLs can be fetched`);
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' }, redirect: 'follow' });
    if (!response.ok) return fail(`${target}: HTTP ${response.status} ${response.statusText}`.trimEnd());
    return ok({ text: await response.text(), label: target, url: response.url || url.href });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return fail(`${target}: cannot fetch (${cause?.code ?? cause?.message ?? (error as Error).message})`);
  }
}
