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
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/executor.ts';
import { deleteDocument, ingestDocuments, ingestPaths, ingestText } from '../../src/pipeline/index.ts';
import { apiOnTestGraph } from '../support/api-on-graph.ts';
import { documentsIn, pictureOf } from '../support/ingest-snapshot.ts';

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
  const api = apiOnTestGraph({
    token: TOKEN,
    load: async (graph) => {
      expect(await ingestPaths(graph, ['ingest'], {})).toMatchObject({ new: 2, failed: [] });
    },
  });
  const { ok } = api;

  const ids = async () => {
    const data = await ok(`{ m: organization(name: "${MINISTRY}") { id } d: organization(name: "DAAD") { id } }`);
    return [data.m.id, data.d.id];
  };

  it('makes two organisations one at once, keeps them one through re-extraction and a delete and re-ingest, and a revert gives the graph back', async () => {
    const before = await derived(api.graph);
    const [ministry, daad] = await ids();
    expect(ministry).not.toBe(daad);

    const { mergeEntities } = await ok(`mutation { mergeEntities(names: ["${MINISTRY}", "DAAD"], author: "Bo", reason: "test") { id kind applied } }`);
    expect(mergeEntities).toMatchObject({ kind: 'MERGE', applied: true });
    const [m1, d1] = await ids();
    expect(m1).toBe(d1);
    const one = await derived(api.graph);
    expect(one).not.toEqual(before);

    // Extracted again: the same one node, the same graph.
    expect(await ingestPaths(api.graph, ['ingest'], { reextract: true })).toMatchObject({ updated: 2, failed: [] });
    expect(await derived(api.graph)).toEqual(one);

    // The document naming DAAD deleted and ingested anew: DAAD joins the ministry again.
    expect((await deleteDocument(api.graph, LEIBNIZ_DOC)).deleted).toBe(true);
    await ingestText(api.graph, { text: readFileSync(path.join(ROOT, 'ingest', `${LEIBNIZ_DOC}.txt`), 'utf8'), id: LEIBNIZ_DOC });
    expect(await ids()).toEqual([m1, d1]);

    // Every document deleted and the graph rebuilt in the other order, one at a time: the same one node.
    const docs = documentsIn('ingest');
    for (const d of docs) expect((await deleteDocument(api.graph, d.id)).deleted).toBe(true);
    expect(await ingestDocuments(api.graph, [...docs].reverse(), { batchSize: 1 })).toMatchObject({ new: 2, failed: [] });
    expect(await ids()).toEqual([m1, d1]);
    expect(await derived(api.graph)).toEqual(one);

    const { revertJudgement } = await ok(`mutation { revertJudgement(id: "${mergeEntities.id}", author: "Bo", reason: "test") { applied reverted } }`);
    expect(revertJudgement).toEqual({ applied: false, reverted: true });
    expect(await ids()).toEqual([ministry, daad]);
    expect(await derived(api.graph)).toEqual(before);
  });
});
