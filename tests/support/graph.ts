/**
 * Test helpers for the database tiers (never imported by production code).
 */
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { Graph } from '../../src/graph/executor.ts';
import { applySchema } from '../../src/graph/schema.ts';

/** A Graph on the tier's Neo4j with the schema applied; close it in afterAll. */
export async function connectTestGraph(): Promise<Graph> {
  const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri') });
  const graph = new Graph(config.neo4j, inject('neo4jUri'));
  await graph.verify();
  await applySchema(graph, config.rootDir);
  return graph;
}
