/**
 * Name normalisation shared by cross-document identity (ingestion) and name
 * lookup (API): now in src/model/names.ts, re-exported here.
 */
export { aliasKey, normalizeKey } from '../model/names.ts';
