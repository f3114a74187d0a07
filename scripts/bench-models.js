#!/usr/bin/env node
// `npm run bench:models`: the pure models' speed in headless Chromium, against their targets.
import { mkdirSync, writeFileSync } from 'node:fs';
import { benchInChromium, printFigures } from './bench-in-chromium.js';

const figures = await benchInChromium('bench/models.bench.ts');
printFigures('Models (Chromium, median of runs)', figures);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/models.json', JSON.stringify({ date: new Date().toISOString(), figures }, null, 2) + '\n');
const over = figures.filter((f) => f.target !== undefined && f.value > f.target);
if (process.argv.includes('--check') && over.length > 0) {
  console.error(`${over.length} figure(s) over target: ${over.map((f) => f.name).join(', ')}`);
  process.exit(1);
}
