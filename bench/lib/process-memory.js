// Processes from /proc (Linux): a process tree, its peak resident memory while a command runs,
// and its scheduling priority.
import { readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/** A `/proc/<pid>/status` field in bytes (`VmRSS`, `VmHWM`, …), or 0 when the process is gone. */
export function statusBytes(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** `pid` and all its live descendants. */
export function processTree(pid) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name may hold spaces and parentheses: the parent pid follows the last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // Gone between readdir and read.
    }
  }
  const out = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    out.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return out;
}

/**
 * Samples the resident memory of `pid`'s process tree every `everyMs` until stop() is called.
 * stop() returns `{peakTree, peakProcess}`: the largest sum of VmRSS over the tree's live
 * processes at one sample, and the largest VmHWM (the kernel's own peak) of any one process.
 */
export function sampleTreeMemory(pid, everyMs = 50) {
  let peakTree = 0;
  let peakProcess = 0;
  const sample = () => {
    let sum = 0;
    for (const p of processTree(pid)) {
      sum += statusBytes(p, 'VmRSS');
      peakProcess = Math.max(peakProcess, statusBytes(p, 'VmHWM'));
    }
    peakTree = Math.max(peakTree, sum);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakTree, peakProcess };
    },
    sample,
  };
}

/**
 * Raises the scheduling priority of `pid`'s process tree (nice `nice`), where permitted: on a
 * shared machine the browser then loses less time to other work, and the figures wobble less.
 */
export function raisePriority(pid, nice = -10) {
  for (const p of processTree(pid)) {
    let threads = [String(p)];
    try {
      // Linux schedules threads: each of a renderer's threads (main, compositor, media) gets it.
      threads = readdirSync(`/proc/${p}/task`);
    } catch {
      // Gone.
    }
    for (const tid of threads) {
      try {
        setPriority(Number(tid), nice);
      } catch {
        // Not permitted (not root) or gone: that thread stays at normal priority.
      }
    }
  }
}
