/**
 * The task piscina runs in each extraction worker thread: `extract()` on one
 * text. A failure is returned with its code (an Error's own properties do not
 * cross threads), so the pipeline reports it for that document and goes on.
 */
import type { ErrorCode } from '../errors.ts';
import { isAppError } from '../errors.ts';
import { extract } from '../extract/index.ts';
import type { ExtractOptions, ExtractionResult } from '../model/types.ts';

export interface ExtractTask {
  text: string;
  options: ExtractOptions;
}

export type ExtractReply = { ok: true; result: ExtractionResult } | { ok: false; code: ErrorCode; message: string };

export default function extractTask({ text, options }: ExtractTask): ExtractReply {
  try {
    return { ok: true, result: extract(text, options) };
  } catch (error) {
    return { ok: false, code: isAppError(error) ? error.code : 'INTERNAL_SERVER_ERROR', message: error instanceof Error ? error.message : String(error) };
  }
}
