// Bytes of the CDN build a page loads: the main entry with every chunk it imports statically, the
// hls.js chunk, the other lazy chunks; each raw (minified), gzip -9 and brotli -11, as a static host
// would precompress them. Chunks are followed from the entry's imports, so stale files in the
// folder never count.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { figure } from '../lib/figure.js';

const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["'](\.\/[^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.\/[^"']+\.js)["']\s*\)/g;

function sizes(dir, files) {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const data = readFileSync(join(dir, file));
    raw += data.length;
    gzip += gzipSync(data, { level: 9 }).length;
    brotli += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }).length;
  }
  return { raw, gzip, brotli };
}

/** Files `entry` loads before it runs (itself and its static imports, transitively). */
function staticClosure(dir, entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(join(dir, entry), 'utf8');
  for (const [, spec] of code.matchAll(STATIC_IMPORT)) staticClosure(dir, spec.slice(2), seen);
  return seen;
}

/** Measures `dir` (dist/cdn) from `entry` (space-replay.js). */
export function measureBytes(dir, entry = 'space-replay.js') {
  const main = staticClosure(dir, entry);
  const lazy = new Map();
  const queue = [...main];
  while (queue.length) {
    const file = queue.pop();
    const code = readFileSync(join(dir, file), 'utf8');
    for (const [, spec] of code.matchAll(DYNAMIC_IMPORT)) {
      const chunk = spec.slice(2);
      if (main.has(chunk) || lazy.has(chunk)) continue;
      // A lazy chunk costs what it adds beyond the main entry.
      const files = [...staticClosure(dir, chunk)].filter((f) => !main.has(f));
      lazy.set(chunk, files);
      queue.push(...files);
    }
  }
  const kib = (n) => n / 1024;
  const m = sizes(dir, [...main]);
  const figures = [
    figure('bytes', 'bytes.main.raw', `main entry, minified (${[...main].join(' + ')})`, 'KiB', kib(m.raw)),
    figure('bytes', 'bytes.main.gzip', 'main entry, gzip', 'KiB', kib(m.gzip)),
    figure('bytes', 'bytes.main.brotli', 'main entry, brotli', 'KiB', kib(m.brotli)),
  ];
  // hls.js's own chunk is named for its module (hls.light-<hash>.js, hls-<hash>.js); the player's glue is not.
  const hls = [...lazy].find(([chunk]) => /^hls(\.light)?-[\w-]{8}\.js$|^hls\./.test(chunk));
  const lazyRows = [];
  for (const [chunk, files] of lazy) {
    const s = sizes(dir, files);
    lazyRows.push({ chunk, files, ...s });
  }
  if (hls) {
    const s = lazyRows.find((r) => r.chunk === hls[0]);
    figures.push(figure('bytes', 'bytes.hls.gzip', `hls.js chunk, gzip (${hls[0]}, ${kib(s.raw).toFixed(0)} KiB minified)`, 'KiB', kib(s.gzip), { brotli: kib(s.brotli) }));
  }
  const others = lazyRows.filter((r) => !hls || r.chunk !== hls[0]);
  const otherGzip = others.reduce((sum, r) => sum + r.gzip, 0);
  figures.push(
    figure('bytes', 'bytes.lazy.gzip', `other lazy chunks, gzip (${others.length}: ${others.map((r) => `${r.chunk.replace(/-[\w-]{8}\.js$/, '')} ${kib(r.gzip).toFixed(1)}`).join(', ')})`, 'KiB', kib(otherGzip)),
  );
  const css = readdirSync(dir).filter((f) => f.endsWith('.css'));
  figures.push(figure('bytes', 'bytes.css', css.length ? `CSS files (${css.join(', ')})` : 'CSS files (none: styles ship inside the JS)', 'KiB', kib(sizes(dir, css).gzip)));
  return { figures, detail: { main: [...main], lazy: lazyRows } };
}
