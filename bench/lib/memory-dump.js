// Chromium's own memory accounting of a renderer (memory-infra, the data behind chrome://tracing's
// memory tracks and the Task Manager's "memory footprint"): the private footprint of the process,
// and how much each allocator holds (malloc, partition_alloc, v8, blink_gc, cc tiles, canvas…).

/**
 * Takes a detailed memory dump and returns `{footprint, allocators}` for renderer `pid`: bytes of
 * private footprint, and MB by top-level allocator. Traces through `cdp` (the page's session).
 */
export async function memoryDump(cdp, pid) {
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  try {
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], excludedCategories: ['*'], memoryDumpConfig: { triggers: [] } },
    });
    await cdp.send('Tracing.requestMemoryDump', { deterministic: true, levelOfDetail: 'detailed' });
    await cdp.send('Tracing.end');
    await complete;
  } finally {
    cdp.off('Tracing.dataCollected', collect);
  }
  const dumps = events.filter((e) => e.pid === pid && e.args?.dumps);
  let footprint = NaN;
  const allocators = {};
  for (const d of dumps) {
    const totals = d.args.dumps.process_totals;
    if (totals?.private_footprint_bytes) footprint = parseInt(totals.private_footprint_bytes, 16);
    for (const [name, dump] of Object.entries(d.args.dumps.allocators ?? {})) {
      if (name.includes('/')) continue;
      const size = dump.attrs?.size?.value ?? dump.attrs?.effective_size?.value;
      if (size) allocators[name] = Math.round((parseInt(size, 16) / 2 ** 20) * 10) / 10;
    }
  }
  return { footprint, allocators };
}
