import { parentPort } from 'node:worker_threads';
import { type JobKind, jobs } from './jobs.ts';
import { type JobMessage, type ResultMessage, toWire } from './wire.ts';

// A worker thread of the pool (pool.ts): runs one job at a time and answers it. Started from the TypeScript
// sources through tsx, or as the bundle's sibling dist/server/gongkai-worker.mjs (scripts/server-bundle.mjs).
const port = parentPort;
if (!port) throw new Error('src/workers/entry.ts runs only as a worker thread');

port.on('message', async (m: JobMessage) => {
  let answer: ResultMessage;
  try {
    const run = jobs[m.kind as JobKind] as (input: unknown) => unknown;
    if (!run) throw new Error(`unknown job kind ${m.kind}`);
    answer = { id: m.id, ok: true, output: await run(m.input) };
  } catch (err) {
    answer = { id: m.id, ok: false, error: toWire(err) };
  }
  port.postMessage(answer);
});
port.postMessage('ready');
