/**
 * A merge judgement changes the graph at once (the entities become one node)
 * and every later ingest keeps them one: the same documents extracted again,
 * a document deleted and ingested anew, every document deleted and ingested
 * again in the other order. Reverting it gives back the graph as
 * it was before, entity for entity and property for property.
 * This file owns the database while it runs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiServer } from '../../src/api/server.ts';
import type { ApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import type { Graph } from '../../src/graph/executor.ts';
import { deleteDocument, ingestDocuments, ingestPaths, ingestText } from '../../src/pipeline/index.ts';
import { connectTestGraph } from '../support/graph.ts';
import { postGraphql } from '../support/graphql.ts';
import { documentsIn, pictureOf, wipe } from '../support/ingest-snapshot.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOKEN = 'curation-merge-token-0123456789ab';
const LEIBNIZ_DOC = 'icesco-leibniz-2021-01-22';
const MINISTRY = 'Ministry of Science and Higher Education of the Republic of Kazakhstan';


/** The graph without the curation layer (judgements and what they link): what ingestion derives. */
async function derived(graph: Graph): Promise<string[]> {
  const picture = await pictureOf(graph);
  return [...picture.nodeLines, ...picture.relationshipLines].filter((l) => !/Judge|UNITES|JUDGES/.test(l));
}

describe('merge judgements applied by ingestion on a real Neo4j', () => {
  let graph: Graph;
  let server: ApiServer;
  const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), API_TOKEN: TOKEN, PORT: '0', NODE_ENV: 'test' });

  async function ok(query: string): Promise<Record<string, any>> {
    const body = await postGraphql(server.url, TOKEN, query);
    expect(body.errors, query).toBeUndefined();
    return body.data!;
  }

  const ids = async () => {
    const data = await ok(`{ m: organization(name: "${MINISTRY}") { id } d: organization(name: "DAAD") { id } }`);
    return [data.m.id, data.d.id];
  };

  beforeAll(async () => {
    graph = await connectTestGraph();
    await wipe(graph);
    expect(await ingestPaths(graph, ['ingest'], {})).toMatchObject({ new: 2, failed: [] });
    server = await createApiServer(config, graph, { warmUp: false });
  });

  afterAll(async () => {
    await server?.stop();
    if (graph) await wipe(graph);
    await graph?.close();
  });

  it('makes two organisations one at once, keeps them one through re-extraction and a delete and re-ingest, and a revert gives the graph back', async () => {
    const before = await derived(graph);
    const [ministry, daad] = await ids();
    expect(ministry).not.toBe(daad);

    const { mergeEntities } = await ok(`mutation { mergeEntities(names: ["${MINISTRY}", "DAAD"], author: "Bo", reason: "test") { id kind applied } }`);
    expect(mergeEntities).toMatchObject({ kind: 'MERGE', applied: true });
    const [m1, d1] = await ids();
    expect(m1).toBe(d1);
    const one = await derived(graph);
    expect(one).not.toEqual(before);

    // Extracted again: the same one node, the same graph.
    expect(await ingestPaths(graph, ['ingest'], { reextract: true })).toMatchObject({ updated: 2, failed: [] });
    expect(await derived(graph)).toEqual(one);

    // The document naming DAAD deleted and ingested anew: DAAD joins the ministry again.
    expect((await deleteDocument(graph, LEIBNIZ_DOC)).deleted).toBe(true);
    await ingestText(graph, { text: readFileSync(path.join(ROOT, 'ingest', `${LEIBNIZ_DOC}.txt`), 'utf8'), id: LEIBNIZ_DOC });
    expect(await ids()).toEqual([m1, d1]);

    // Every document deleted and the graph rebuilt in the other order, one at a time: the same one node.
    const docs = documentsIn('ingest');
    for (const d of docs) expect((await deleteDocument(graph, d.id)).deleted).toBe(true);
    expect(await ingestDocuments(graph, [...docs].reverse(), { batchSize: 1 })).toMatchObject({ new: 2, failed: [] });
    expect(await ids()).toEqual([m1, d1]);
    expect(await derived(graph)).toEqual(one);

    const { revertJudgement } = await ok(`mutation { revertJudgement(id: "${mergeEntities.id}", author: "Bo", reason: "test") { applied reverted } }`);
    expect(revertJudgement).toEqual({ applied: false, reverted: true });
    expect(await ids()).toEqual([ministry, daad]);
    expect(await derived(graph)).toEqual(before);
  });
});
