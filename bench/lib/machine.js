// What the figures were taken on: they mean little without the machine and how busy it was.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/** CPU model, cores, memory, Node; the browser version is added by the caller. */
export function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // Not Linux: os.cpus() said it.
  }
  return { cpu, cores: cpus().length, memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10, node: process.version, platform: `${process.platform} ${process.arch}` };
}

/** The 1, 5 and 15-minute load averages, rounded. */
export function load() {
  return loadavg().map((v) => Math.round(v * 100) / 100);
}
