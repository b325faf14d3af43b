/**
 * A pool of worker threads running `extract()`, so extraction uses every core
 * while the main thread writes to Neo4j. Compiled (dist/), a worker runs
 * extract-worker.js directly; from the TypeScript sources (tsx, vitest) it
 * first registers tsx's ESM loader, a development dependency.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../errors.ts';
import { AppError } from '../errors.ts';
import type { ExtractOptions, ExtractionResult } from '../model/types.ts';

interface Pending {
  resolve: (result: ExtractionResult) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  busy: number | null;
}

// Eval'd CommonJS: registers tsx's ESM loader in the worker, then imports the TypeScript body.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((api) => { api.register(); return import(workerData.entry); });
`;

function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  return pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
}

/** Number of extraction workers by default: one per core. */
export function defaultWorkerCount(): number {
  return Math.max(1, os.availableParallelism());
}

export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Array<{ job: number; text: string; options: ExtractOptions }> = [];
  private readonly pending = new Map<number, Pending>();
  private nextJob = 1;
  private closed = false;
  private failure: unknown = null;

  constructor(size = defaultWorkerCount()) {
    const compiled = import.meta.url.endsWith('.js');
    const entry = new URL(compiled ? './extract-worker.js' : './extract-worker.ts', import.meta.url);
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = compiled
        ? new Worker(entry, { execArgv: [] })
        : new Worker(BOOTSTRAP, { eval: true, workerData: { tsxApi: tsxApiUrl(), entry: entry.href }, execArgv: [] });
      const slot: Slot = { worker, busy: null };
      worker.on('message', (message: { ready?: boolean; job?: number; ok?: boolean; result?: ExtractionResult; code?: ErrorCode; message?: string }) => {
        if (message.ready) {
          this.pump();
          return;
        }
        const job = message.job ?? -1;
        const pending = this.pending.get(job);
        this.pending.delete(job);
        slot.busy = null;
        if (pending !== undefined) {
          if (message.ok && message.result !== undefined) pending.resolve(message.result);
          else pending.reject(new AppError(message.code ?? 'INTERNAL_SERVER_ERROR', `extraction failed: ${message.message ?? 'unknown error'}`));
        }
        this.pump();
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (!this.closed && code !== 0) this.fail(new Error(`extraction worker exited with code ${code}`));
      });
      worker.unref();
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Extracts one text in a worker. */
  extract(text: string, options: ExtractOptions): Promise<ExtractionResult> {
    if (this.closed) return Promise.reject(new Error('the extraction pool is closed'));
    if (this.failure !== null) return Promise.reject(this.failure);
    const job = this.nextJob++;
    const promise = new Promise<ExtractionResult>((resolve, reject) => this.pending.set(job, { resolve, reject }));
    this.queue.push({ job, text, options });
    this.pump();
    return promise;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.pending.values()) p.reject(new Error('the extraction pool was closed'));
    this.pending.clear();
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy !== null) continue;
      const next = this.queue.shift();
      if (next === undefined) return;
      slot.busy = next.job;
      slot.worker.ref();
      slot.worker.postMessage(next);
    }
    for (const slot of this.slots) if (slot.busy === null) slot.worker.unref();
  }

  private fail(error: unknown): void {
    this.failure = new AppError('INTERNAL_SERVER_ERROR', `extraction worker crashed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }
}
