/**
 * What the mutations need from the ingestion pipeline (src/pipeline): the
 * same code path as the CLI, so a document ingested over HTTP is treated
 * exactly like one ingested from a file. Tests may pass another implementation.
 */
import type { applyJudgedKeys, deleteDocument, ingestText } from '../pipeline/index.ts';

export interface PipelinePort {
  ingestText: typeof ingestText;
  deleteDocument: typeof deleteDocument;
  /** Applies or takes back a merge or distinct judgement (the identity keys it unites or separates). */
  applyJudgedKeys: typeof applyJudgedKeys;
}
