/** URLs of the fault-injecting test routes (test/server/faults.js) and what the server saw of them. */
import { executeServerCommand } from '@web/test-runner-commands';

/** One request the server logged under a key. */
export interface LoggedRequest {
  /** The path under test/fixtures. */
  file: string;
  /** The Referer header, or null. */
  referer: string | null;
  /** The server's clock (Date.now()) when it came. */
  at: number;
}

let counter = 0;

/** A key no other test (in either browser, in this run or another) uses. */
export function faultKey(name: string): string {
  return `${name}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}${counter++}`;
}

/**
 * The URL of fixture `path` (under test/fixtures) served through `/__fail__/`: with `fault`
 * (`'503x2'`, `'hangxall'`, `'corruptx1'`, `'truncatex1'`) applied to the file named `file`, or
 * only logged without one.
 */
export function faultUrl(key: string, path: string, fault?: string, file?: string): string {
  return new URL(`/__fail__/${key}${fault ? `-${fault}-${file}` : ''}/${path}`, location.href).href;
}

/** What the server logged under `key`, in order. */
export async function requestsFor(key: string): Promise<LoggedRequest[]> {
  return (await executeServerCommand<LoggedRequest[], { key: string }>('fault-requests', { key })) ?? [];
}

/** The server's clock now (for "no request after this moment"), read through the log of a fresh key. */
export async function serverNow(): Promise<number> {
  const key = faultKey('now');
  await fetch(faultUrl(key, 'talk/manifest.json'), { cache: 'no-store' });
  const [seen] = await requestsFor(key);
  return seen!.at;
}

/** Ends the faults of `key`: its files are served as they are from now on. */
export async function clearFaults(key: string): Promise<void> {
  await executeServerCommand('fault-clear', { key });
}

/** Resolves with the log of `key` once `seen(log)` holds (polled every 50 ms), rejects after `timeout` ms. */
export async function untilRequests(key: string, seen: (log: LoggedRequest[]) => boolean, message: string, timeout = 10_000): Promise<LoggedRequest[]> {
  const started = performance.now();
  for (;;) {
    const log = await requestsFor(key);
    if (seen(log)) return log;
    if (performance.now() - started > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${message} (saw ${JSON.stringify(log.map((r) => r.file))})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
