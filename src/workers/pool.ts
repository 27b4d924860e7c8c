import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PROJECT_ROOT } from '../config/paths.ts';
import { AppError } from '../domain/errors.ts';
import type { JobInput, JobKind, JobOutput } from './jobs.ts';
import { fromWire, type JobMessage, type ResultMessage } from './wire.ts';

/** Set by scripts/server-bundle.mjs (esbuild `define`): the bundled worker's path below PROJECT_ROOT. */
declare const __GONGKAI_WORKER_ENTRY__: string | undefined;

export interface PoolOptions {
  /** Worker threads, started on demand, at most this many at once. */
  size: number;
  /** V8 heap of each worker (resourceLimits); a job that needs more is ended and answered in Chinese. */
  maxOldGenerationMb: number;
  maxYoungGenerationMb: number;
  /** Jobs waiting for a worker; more are refused (429) rather than held in memory. */
  maxQueue: number;
  /** A worker idle this long is ended, giving its memory back; the next job starts a new one. */
  idleMs: number;
}

/**
 * 1 GB of heap per worker: far above what the capped inputs need (XLSX_LIMITS, MAX_REPORT_BYTES, DOCX_LIMITS),
 * so that the limit stops runaway growth of many small objects — which Node ends cleanly. A single allocation
 * past the limit by more than Node's 16 MB allowance is a fatal V8 error for the whole process instead: the caps
 * on the inputs, not this limit, keep large allocations small.
 */
export const DEFAULT_POOL: PoolOptions = {
  size: 2,
  maxOldGenerationMb: 1024,
  maxYoungGenerationMb: 64,
  maxQueue: 64,
  idleMs: 30_000,
};

interface Job {
  id: number;
  kind: JobKind;
  input: unknown;
  transfer: ArrayBuffer[];
  timeoutMs: number;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker | null;
  /** The worker has loaded its entry (its first message): a failure after this is the job's, not the install's. */
  ready: boolean;
  job: Job | null;
  timer?: NodeJS.Timeout;
  idle?: NodeJS.Timeout;
}

/** The worker's code: the bundle's sibling when running from dist/, else the TypeScript entry through tsx. */
let source: { code: string; eval: boolean } | undefined;
function workerSource(): { code: string; eval: boolean } {
  if (source) return source;
  const bundled = typeof __GONGKAI_WORKER_ENTRY__ === 'string' ? __GONGKAI_WORKER_ENTRY__ : undefined;
  if (bundled) {
    source = { code: join(PROJECT_ROOT, bundled), eval: false };
    return source;
  }
  // Node 20 applies no --import hooks to a worker's entry module: register tsx in the worker, then load the entry.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = pathToFileURL(join(PROJECT_ROOT, 'src/workers/entry.ts')).href;
  source = {
    code: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`,
    eval: true,
  };
  return source;
}

const seconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} 秒` : `${ms} 毫秒`);

/**
 * A fixed set of worker threads for heavy parsing (XLSX, DOCX, PDF, HTML files), so that no upload blocks the
 * server's event loop. Jobs queue for a free worker; each has a time limit and each worker a memory limit
 * (resourceLimits). A job past either is ended with its worker — answered 400 in Chinese — and the worker
 * replaced by a new one on the next job. Idle workers hold no reference on the process (a CLI run exits).
 */
export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private seq = 0;

  constructor(readonly options: PoolOptions = DEFAULT_POOL) {
    this.slots = Array.from({ length: options.size }, () => ({ worker: null, ready: false, job: null }));
  }

  run<K extends JobKind>(
    kind: K,
    input: JobInput<K>,
    opts: { timeoutMs: number; transfer?: ArrayBuffer[] },
  ): Promise<JobOutput<K>> {
    if (this.queue.length >= this.options.maxQueue)
      return Promise.reject(new AppError('rate_limited', '文件处理任务过多，请稍后重试'));
    return new Promise((resolve, reject) => {
      this.queue.push({
        id: ++this.seq,
        kind,
        input,
        transfer: opts.transfer ?? [],
        timeoutMs: opts.timeoutMs,
        resolve: resolve as (v: unknown) => void,
        reject,
      });
      this.pump();
    });
  }

  /** Ends every worker (a job still running is refused). */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new Error('worker pool closed'));
    await Promise.all(this.slots.map((s) => this.end(s, new Error('worker pool closed'))));
  }

  /** Threads alive now (for tests and diagnostics). */
  get threads(): number[] {
    return this.slots.flatMap((s) => (s.worker ? [s.worker.threadId] : []));
  }

  private pump() {
    for (const slot of this.slots) {
      if (slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      this.start(slot, job);
    }
  }

  private start(slot: Slot, job: Job) {
    clearTimeout(slot.idle);
    const worker = slot.worker ?? this.spawn(slot);
    worker.ref();
    slot.job = job;
    slot.timer = setTimeout(() => {
      void this.end(
        slot,
        new AppError('invalid', `文件处理超时（超过 ${seconds(job.timeoutMs)}），已中止，请检查文件后重试`),
      );
    }, job.timeoutMs);
    const message: JobMessage = { id: job.id, kind: job.kind, input: job.input };
    worker.postMessage(message, job.transfer);
  }

  private spawn(slot: Slot): Worker {
    const src = workerSource();
    const worker = new Worker(src.code, {
      eval: src.eval,
      execArgv: [],
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.maxOldGenerationMb,
        maxYoungGenerationSizeMb: this.options.maxYoungGenerationMb,
      },
    });
    slot.worker = worker;
    slot.ready = false;
    worker.on('message', (m: ResultMessage | 'ready') => {
      if (m === 'ready') {
        if (slot.worker === worker) slot.ready = true;
        return;
      }
      const job = slot.job;
      if (slot.worker !== worker || !job || m.id !== job.id) return;
      this.settle(slot);
      if (m.ok) job.resolve(m.output);
      else job.reject(fromWire(m.error));
      worker.unref();
      slot.idle = setTimeout(() => void this.end(slot, null), this.options.idleMs).unref();
      this.pump();
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (slot.worker !== worker) return;
      const failure =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AppError(
              'invalid',
              `文件处理所需内存超过上限（${this.options.maxOldGenerationMb} MB），已中止，请拆分或简化文件后重试`,
            )
          : slot.ready
            ? Object.assign(new AppError('invalid', '文件处理失败（解析程序异常退出），请检查文件后重试'), {
                cause: err,
              })
            : err; // the worker could not load its code: a broken installation, not a bad file (500, logged)
      void this.end(slot, failure);
    });
    worker.on('exit', () => {
      if (slot.worker !== worker) return;
      void this.end(slot, new AppError('invalid', '文件处理失败（解析程序异常退出），请检查文件后重试'));
    });
    return worker;
  }

  private settle(slot: Slot): Job | null {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = null;
    return job;
  }

  /** Ends a slot's worker; its job, if any, is refused with `failure`. The next job starts a fresh worker. */
  private async end(slot: Slot, failure: Error | null) {
    clearTimeout(slot.idle);
    const worker = slot.worker;
    const job = this.settle(slot);
    slot.worker = null;
    slot.ready = false;
    if (job) job.reject(failure ?? new Error('worker ended'));
    this.pump();
    if (worker) await worker.terminate();
  }
}

let shared: WorkerPool | undefined;

/** The process's pool, created on first use. */
export function workerPool(): WorkerPool {
  shared ??= new WorkerPool();
  return shared;
}

/** Bytes to send to a worker: a copy of exactly the view's bytes, whose buffer is moved, not cloned, across. */
export function transferable(data: Uint8Array): { bytes: Uint8Array; transfer: ArrayBuffer[] } {
  const bytes = new Uint8Array(data);
  return { bytes, transfer: [bytes.buffer as ArrayBuffer] };
}
