/**
 * Cross-document identity does not depend on the order documents arrive in:
 * the dev corpus ingested forwards, backwards and in batches gives one graph.
 * This file owns the database while it runs.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/executor.ts';
import { deleteDocument, ingestDocuments } from '../../src/pipeline/index.ts';
import { connectTestGraph } from '../support/graph.ts';
import type { GraphPicture } from '../support/ingest-snapshot.ts';
import { countAll, documentsIn, pictureOf, wipe } from '../support/ingest-snapshot.ts';

const DEV = 'tests/fixtures/dev/docs';

describe('ingesting the dev corpus in different orders', () => {
  let graph: Graph;
  const docs = documentsIn(DEV);
  beforeAll(async () => {
    graph = await connectTestGraph();
    await wipe(graph);
  });
  afterAll(async () => {
    await wipe(graph);
    await graph.close();
  });

  let forward: GraphPicture;

  it('has the dev corpus', () => {
    expect(existsSync(DEV)).toBe(true);
    expect(docs.length).toBeGreaterThanOrEqual(26);
  });

  it('gives the same nodes and relationships forwards (one per transaction) and backwards (batched)', async () => {
    const first = await ingestDocuments(graph, docs, { batchSize: 1 });
    expect(first).toMatchObject({ new: docs.length, failed: [] });
    forward = await pictureOf(graph);
    const counts = await countAll(graph);
    expect(counts.nodes).toBe(forward.nodes);
    expect(first.nodesCreated).toBeGreaterThanOrEqual(counts.nodes);

    await wipe(graph);
    await ingestDocuments(graph, [...docs].reverse(), { batchSize: 7 });
    const backward = await pictureOf(graph);
    expect(backward.nodes).toBe(forward.nodes);
    expect(backward.relationships).toBe(forward.relationships);
    expect(backward.nodeLines).toEqual(forward.nodeLines);
    expect(backward.relationshipLines).toEqual(forward.relationshipLines);
  });

  it('gives the same graph in an interleaved order', async () => {
    await wipe(graph);
    const interleaved = [...docs.filter((_, i) => i % 2 === 1), ...docs.filter((_, i) => i % 2 === 0)];
    await ingestDocuments(graph, interleaved, { batchSize: 3 });
    const picture = await pictureOf(graph);
    expect(picture.nodeLines).toEqual(forward.nodeLines);
    expect(picture.relationshipLines).toEqual(forward.relationshipLines);
  });

  it('gives one graph in every order when documents link entities that were separate (merges)', async () => {
    // id1 names the University of Porto without acronym, id2 gives "UP", id3 only "UP";
    // id6 names two universities that id4 and id5 both abbreviate "PUA".
    const identity = documentsIn('tests/fixtures/identity');
    const orders = [identity, [...identity].reverse(), [identity[2]!, identity[5]!, identity[0]!, identity[4]!, identity[1]!, identity[3]!]];
    const pictures: GraphPicture[] = [];
    for (const [i, order] of orders.entries()) {
      await wipe(graph);
      await ingestDocuments(graph, order, { batchSize: i === 2 ? 6 : 1 });
      pictures.push(await pictureOf(graph));
    }
    expect(pictures[1]).toEqual(pictures[0]);
    expect(pictures[2]).toEqual(pictures[0]);
    const porto = await graph.readRows<{ id: string; aliases: string[] }>({
      cypher: "MATCH (o:Organization {name: 'University of Porto'}) RETURN o.id AS id, o.aliases AS aliases",
      params: {},
    });
    expect(porto).toEqual([{ id: 'org-up', aliases: ['UP'] }]);
    await wipe(graph);
  });

  it('leaves nothing behind once every document is deleted', async () => {
    await ingestDocuments(graph, docs, { batchSize: 10 });
    for (const doc of docs) expect((await deleteDocument(graph, doc.id)).deleted).toBe(true);
    expect(await countAll(graph)).toEqual({ nodes: 0, relationships: 0 });
  });
});
