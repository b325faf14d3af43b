/** Ingestion pipeline: read -> extract (worker pool) -> resolve -> write; delete. */
export {
  applyJudgedKeys,
  checkText,
  contentHash,
  defaultDocumentId,
  deleteDocument,
  ingestDocuments,
  ingestPaths,
  ingestText,
} from './ingest.ts';
export type {
  IngestDocumentsOptions,
  IngestFailure,
  IngestInput,
  IngestOutcome,
  IngestProgress,
  IngestResult,
  IngestSummary,
  IngestTextInput,
  IngestTextOptions,
} from './ingest.ts';
export { ExtractPool, defaultWorkerCount } from './extract-pool.ts';
