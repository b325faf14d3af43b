/** The real ingestion pipeline, the mutations' default. */
import { applyJudgedKeys, deleteDocument, ingestText } from '../pipeline/index.ts';
import type { PipelinePort } from './pipeline-port.ts';

export const defaultPipeline: PipelinePort = { ingestText, deleteDocument, applyJudgedKeys };
