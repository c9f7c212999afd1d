// Preloaded into the app process by the soak bench (NODE_OPTIONS=--import … --expose-gc): one JSON line on stdout with the
// process's memory every XN_MEMORY_SAMPLE_MS, so the bench reads RSS and heap without touching the app's code.
import process from 'node:process';
import { setInterval } from 'node:timers';

const every = Number(process.env.XN_MEMORY_SAMPLE_MS ?? 10000);
setInterval(() => {
  // With --expose-gc (the soak passes it) the sample is the live heap after a full collection, not wherever
  // the collector happened to be: growth between samples is then retained memory.
  if (typeof globalThis.gc === 'function') globalThis.gc();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ msg: 'memory sample', at: Date.now(), rss, heapUsed, heapTotal, external })}\n`);
}, every).unref();
