/**
 * Worker thread body: runs `extract()` on the texts the pool sends.
 * Messages in: {job, text, options}; out: {job, ok, result} or {job, ok: false, code, message}.
 */
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../errors.ts';
import { extract } from '../extract/index.ts';
import type { ExtractOptions } from '../model/types.ts';

interface Job {
  job: number;
  text: string;
  options: ExtractOptions;
}

if (parentPort === null) throw new Error('extract-worker.ts must run in a worker thread');
const port = parentPort;
port.on('message', (message: Job) => {
  try {
    port.postMessage({ job: message.job, ok: true, result: extract(message.text, message.options) });
  } catch (error) {
    port.postMessage({
      job: message.job,
      ok: false,
      code: isAppError(error) ? error.code : 'INTERNAL_SERVER_ERROR',
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
port.postMessage({ ready: true });
