/**
 * Extraction in worker threads (piscina), so extraction uses every core while
 * the main thread writes to Neo4j. Compiled (dist/), a worker loads
 * extract-worker.js; from the TypeScript sources (tsx, vitest) it loads
 * extract-worker-tsx.mjs, which registers tsx (a development dependency)
 * through its public API first.
 */
import os from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '../errors.ts';
import type { ExtractOptions, ExtractionResult } from '../model/types.ts';
import type { ExtractReply, ExtractTask } from './extract-worker.ts';

/** Number of extraction workers by default: one per core. */
export function defaultWorkerCount(): number {
  return Math.max(1, os.availableParallelism());
}

/** The worker entry next to this module: compiled JavaScript, or the tsx bootstrap for the TypeScript sources. */
function workerEntry(): string {
  const compiled = import.meta.url.endsWith('.js');
  return new URL(compiled ? './extract-worker.js' : './extract-worker-tsx.mjs', import.meta.url).href;
}

export class ExtractPool {
  private readonly pool: Piscina<ExtractTask, ExtractReply>;
  private closed = false;

  constructor(size = defaultWorkerCount()) {
    const threads = Math.max(1, size);
    this.pool = new Piscina<ExtractTask, ExtractReply>({
      filename: workerEntry(),
      minThreads: threads,
      maxThreads: threads,
      // Workers live as long as the pool (loading compromise costs seconds); idle ones do not hold the process.
      idleTimeout: Number.POSITIVE_INFINITY,
      // The parent's loader flags (tsx's CLI, vitest) are not for workers.
      execArgv: [],
    });
  }

  get size(): number {
    return this.pool.maxThreads;
  }

  /**
   * Extracts one text in a worker (first come, first served). A failure of
   * extraction rejects with its code; a worker that dies rejects with
   * "extraction worker crashed" (the pipeline stops on that).
   */
  async extract(text: string, options: ExtractOptions): Promise<ExtractionResult> {
    if (this.closed) throw new Error('the extraction pool is closed');
    let reply: ExtractReply;
    try {
      reply = await this.pool.run({ text, options });
    } catch (error) {
      if (this.closed) throw new Error('the extraction pool was closed');
      throw new AppError('INTERNAL_SERVER_ERROR', `extraction worker crashed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (reply.ok) return reply.result;
    throw new AppError(reply.code, `extraction failed: ${reply.message}`);
  }

  /** Stops the workers; extractions not finished are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool.destroy();
  }
}
