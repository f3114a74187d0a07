#!/usr/bin/env node
// `npm start`: serves the demo on localhost (PORT, default 8000) straight from the TypeScript
// sources, so no build step is needed to look at it.
import { readFile } from 'node:fs/promises';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const port = Number(process.env.PORT ?? 8000);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`PORT must be a port number (got "${process.env.PORT}")`);
  process.exit(2);
}

const server = await startDevServer({
  config: {
    rootDir: '.',
    hostname: 'localhost',
    port,
    nodeResolve: true,
    appIndex: undefined,
    // Only TypeScript sources are compiled; recordings (HLS segments) are served as they are.
    plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json', exclude: ['demo/recordings/**', 'demo/live/**', 'test/fixtures/**'] })],
    middleware: [
      (ctx, next) => {
        if (ctx.path === '/' || ctx.path === '') ctx.redirect('/demo/');
        return next();
      },
      // The demo podcast feed is written for port 8000 (scripts/make-demo-feed.ts): serve it with this port's URLs.
      async (ctx, next) => {
        if (ctx.path !== '/demo/recordings/podcast.xml') return next();
        const xml = await readFile(new URL('../demo/recordings/podcast.xml', import.meta.url), 'utf8');
        ctx.type = 'application/rss+xml; charset=utf-8';
        ctx.body = xml.replaceAll('http://localhost:8000/', `http://localhost:${port}/`);
      },
      // A live room (npm run demo:live) changes under the same names every few seconds.
      async (ctx, next) => {
        await next();
        if (ctx.path.startsWith('/demo/live/')) {
          ctx.set('Cache-Control', 'no-store');
          ctx.remove('ETag');
          ctx.remove('Last-Modified');
        }
      },
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
  autoExitProcess: true,
});

console.log(`space-replay demo: http://localhost:${server.config.port}/demo/`);
