/**
 * Runs checks on worker threads with a budget: each post gets at most
 * `timeMs` and the worker at most `memoryMb` of heap. Past either, the
 * worker is killed and the post reported as too complex to check; the next
 * post gets a fresh worker. The event loop of the server or the CLI never
 * parses Markdown, so one pathological post cannot freeze other clients.
 *
 * A cold `recap check` of a big site gets one worker per core, leaving one
 * core to the main thread where there are four or more. On two cores it
 * gets two: the main thread only reads and hashes files (under a tenth of
 * the work; the Markdown parse is the rest), so with one worker a core sat
 * idle. Workers start only as posts queue up, so a warm run starts none.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckedPost, CheckFacts } from './check-bytes';
import { tooComplexToCheck } from './check-bytes';
import type { CheckWorkerMessage, CheckWorkerReply } from './check-worker';

export const CHECK_TIME_BUDGET_MS = 10_000;
export const CHECK_MEMORY_BUDGET_MB = 512;
const MIN_CORES_FOR_MANY = 4;

export interface CheckPoolOptions {
  size?: number;
  timeMs?: number;
  memoryMb?: number;
}

interface Slot {
  worker: Worker;
  /** Facts this worker has been sent. */
  known: WeakSet<CheckFacts>;
  busy: boolean;
  /** Resolves when the worker has loaded its code (see READY). */
  ready: Promise<void>;
}

interface Job {
  facts: CheckFacts;
  path: string;
  bytes?: Uint8Array;
  text?: string;
  resolve: (checked: CheckedPost) => void;
  reject: (error: Error) => void;
}

export class CheckPool {
  private readonly slots: Array<Slot | null>;
  private readonly queue: Job[] = [];
  private readonly factsIds = new WeakMap<CheckFacts, number>();
  private nextId = 1;
  private readonly timeMs: number;
  private readonly memoryMb: number;

  constructor(
    private readonly script: string,
    options: CheckPoolOptions = {},
  ) {
    const cores = availableParallelism();
    const size = options.size ?? (cores >= MIN_CORES_FOR_MANY ? Math.min(8, cores - 1) : cores);
    this.slots = new Array<Slot | null>(Math.max(1, size)).fill(null);
    this.timeMs = options.timeMs ?? CHECK_TIME_BUDGET_MS;
    this.memoryMb = options.memoryMb ?? CHECK_MEMORY_BUDGET_MB;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Checks a file's bytes (`recap check`) or an editor's text (the live check). */
  check(facts: CheckFacts, relative: string, input: { bytes: Uint8Array } | { text: string }): Promise<CheckedPost> {
    return new Promise((resolve, reject) => {
      this.queue.push({ facts, path: relative, ...input, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    const workers = this.slots.flatMap((slot) => (slot ? [slot.worker] : []));
    this.slots.fill(null);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private pump(): void {
    for (let i = 0; i < this.slots.length && this.queue.length > 0; i++) {
      const slot = (this.slots[i] ??= this.startWorker());
      if (!slot.busy) this.run(i, slot, this.queue.shift()!);
    }
  }

  private startWorker(): Slot {
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 8 } });
    worker.unref(); // an idle worker never keeps the CLI alive
    const ready = new Promise<void>((resolve) => {
      const onReady = (message: { ready?: boolean }) => {
        if (!message.ready) return;
        worker.off('message', onReady);
        resolve();
      };
      worker.on('message', onReady);
      worker.once('exit', () => resolve()); // a worker that died starting: the check's own exit handler reports it
    });
    return { worker, known: new WeakSet(), busy: false, ready };
  }

  private run(index: number, slot: Slot, job: Job): void {
    slot.busy = true;
    void slot.ready.then(() => this.send(index, slot, job));
  }

  private send(index: number, slot: Slot, job: Job): void {
    const { worker } = slot;
    if (!slot.known.has(job.facts)) {
      worker.postMessage({ type: 'facts', factsId: this.idOf(job.facts), site: job.facts.site, schema: job.facts.schema, files: [...job.facts.files] } satisfies CheckWorkerMessage);
      slot.known.add(job.facts);
    }
    const id = this.nextId++;
    let settled = false;
    const finish = (outcome: () => void, killed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (killed) {
        if (this.slots[index] === slot) this.slots[index] = null;
        void worker.terminate();
      } else {
        slot.busy = false;
        worker.unref(); // idle again: it does not keep the process alive
      }
      outcome();
      this.pump();
    };
    const tooComplex = () => job.resolve({ problems: [tooComplexToCheck()], lookups: [] });
    const onMessage = (reply: CheckWorkerReply) => {
      if (reply.id !== id) return;
      finish(() => (reply.ok ? job.resolve(reply.checked) : job.reject(new Error(reply.message))), false);
    };
    // ERR_WORKER_OUT_OF_MEMORY (the heap budget) or a crash: that post is what the worker could not take.
    const onError = () => finish(tooComplex, true);
    const onExit = () => finish(tooComplex, true);
    const timer = setTimeout(() => finish(tooComplex, true), this.timeMs);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.ref(); // a check in progress keeps the process alive
    worker.postMessage({ type: 'check', id, factsId: this.idOf(job.facts), path: job.path, ...(job.bytes ? { bytes: job.bytes } : { text: job.text ?? '' }) } satisfies CheckWorkerMessage);
  }

  private idOf(facts: CheckFacts): number {
    let id = this.factsIds.get(facts);
    if (id === undefined) {
      id = this.nextId++;
      this.factsIds.set(facts, id);
    }
    return id;
  }
}

/** The bundled check worker next to the code that runs this (out/cli, out/main), if built. */
export function bundledCheckWorker(): string | undefined {
  if (typeof __dirname === 'undefined') return undefined;
  const candidate = path.join(__dirname, '..', 'workers', 'check-worker.cjs');
  return existsSync(candidate) ? candidate : undefined;
}

/**
 * What identifies the rules that produced a cached result: the content hash
 * of the built check worker, which bundles every rule and the parser, so any
 * change to them (or to Recap's dependencies) makes old results miss.
 * Without a bundle (tests run the sources), a fixed key stands in.
 */
export function rulesKey(script: string | undefined): string {
  if (!script) return 'source';
  return createHash('sha256').update(readFileSync(script)).digest('hex');
}
