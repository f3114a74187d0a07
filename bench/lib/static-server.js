// A static file server for the benchmark: the built player (dist/cdn), the 4-hour recording
// (.cache/long) and the bench pages, with the content types browsers check, Range requests (media
// elements and hls.js read segments and progressive files by range), and gzip for text (scripts,
// JSON, playlists) as any production host sends it; media goes as it is. `no-store`: every run
// opens a fresh browser context anyway, so each run is a first visit.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m4s': 'video/iso.segment',
  '.mp4': 'audio/mp4',
  '.m4a': 'audio/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** Parses one `bytes=a-b` range against a file size: `{start, end}` (inclusive), null when unsatisfiable. */
export function parseRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start;
  let end;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : null;
}

const COMPRESSIBLE = new Set(['.html', '.js', '.json', '.m3u8', '.vtt', '.css', '.map']);
const gzipped = new Map();

/** The gzip (level 6, a host's usual setting) of `file`, computed once per version of the file. */
function gzipOf(file, stat) {
  const key = `${file}:${stat.mtimeMs}:${stat.size}`;
  let data = gzipped.get(key);
  if (!data) {
    data = gzipSync(readFileSync(file), { level: 6 });
    gzipped.set(key, data);
  }
  return data;
}

/**
 * Serves `mounts` (URL prefix → folder) on a free localhost port. Resolves to `{url, close}`.
 * A prefix never escapes its folder.
 */
export function startStaticServer(mounts) {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const mount = entries.find(([prefix]) => path.startsWith(prefix));
    if (!mount || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(mount ? 405 : 404).end();
      return;
    }
    const [prefix, folder] = mount;
    const file = normalize(join(folder, path.slice(prefix.length)));
    let stat;
    try {
      if (!file.startsWith(normalize(folder) + sep) && file !== normalize(folder)) throw new Error('outside');
      stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'accept-ranges': 'bytes',
      'cache-control': 'no-store',
    };
    const rangeHeader = request.headers.range;
    if (!rangeHeader && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      const body = gzipOf(file, stat);
      response.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding', 'content-length': body.length });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    if (rangeHeader) {
      const range = parseRange(rangeHeader, stat.size);
      if (!range) {
        response.writeHead(416, { ...headers, 'content-range': `bytes */${stat.size}` }).end();
        return;
      }
      response.writeHead(206, { ...headers, 'content-length': range.end - range.start + 1, 'content-range': `bytes ${range.start}-${range.end}/${stat.size}` });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file, range).pipe(response);
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': stat.size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}
