/**
 * Applies cypher/schema.cypher (constraints and indexes) idempotently.
 * Constraints must exist before any MERGE: without them MERGE scans labels.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Graph } from './executor.ts';
import { ensureVersionQuery } from './version.ts';

/** Splits a .cypher file into statements, dropping `//` comment lines. */
export function parseCypherStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

export function schemaStatements(rootDir: string): string[] {
  return parseCypherStatements(readFileSync(path.join(rootDir, 'cypher', 'schema.cypher'), 'utf8'));
}

/** Creates missing constraints and indexes, waits until indexes are online, and creates the graph's version node if missing. */
export async function applySchema(graph: Graph, rootDir: string): Promise<void> {
  await graph.runSchema([...schemaStatements(rootDir), 'CALL db.awaitIndexes(60)']);
  await graph.writeRows(ensureVersionQuery(), { purpose: 'graph-version' });
}
