/**
 * A distinct judgement changes the graph at once and holds on every later
 * ingest. Marking two names of one node distinct splits it: "PUA", written
 * alone, is taken for the Polytechnic University of Accra until an analyst
 * says the PUA of the heritage programme is another organisation. Marking two
 * nodes distinct keeps them apart when a document would link them. Both hold
 * when the same documents are ingested again or extracted again, when new
 * documents name either side, when documents are deleted, and when the graph
 * is rebuilt in the other order one document at a time; reverting gives back
 * the graph of before, property for property.
 * This file owns the database while it runs.
 */
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/executor.ts';
import { deleteDocument, ingestDocuments } from '../../src/pipeline/index.ts';
import type { RawDocument } from '../../src/ingest/read-documents.ts';
import { apiOnTestGraph } from '../support/api-on-graph.ts';
import { documentsIn, pictureOf, wipe } from '../support/ingest-snapshot.ts';

const TOKEN = 'curation-distinct-token-0123456789';
const docs = documentsIn('tests/fixtures/curation-distinct');
const doc = (id: string): RawDocument => docs.find((d) => d.id === id)!;

/** The graph without the curation layer (judgements and what they link): what ingestion derives. */
async function derived(graph: Graph): Promise<string[]> {
  const picture = await pictureOf(graph);
  return [...picture.nodeLines, ...picture.relationshipLines].filter((l) => !/Judge|UNITES|SEPARATES|JUDGES/.test(l));
}

describe('distinct judgements applied by ingestion on a real Neo4j', () => {
  const api = apiOnTestGraph({ token: TOKEN });
  const { ok, post } = api;

  /** Each Accra/PUA organisation: id, name and the partners it has. */
  async function organisations(): Promise<Array<{ id: string; name: string; partners: string[] }>> {
    return api.graph.readRows({
      cypher: `MATCH (o:Organization) WHERE o.name STARTS WITH 'Polytechnic' OR o.name = 'PUA'
OPTIONAL MATCH (o)-[:PARTNERS_WITH]-(p:Organization)
WITH o, p ORDER BY p.name
RETURN o.id AS id, o.name AS name, collect(p.name) AS partners ORDER BY id`,
      params: {},
    });
  }

  async function ingest(...ids: string[]): Promise<void> {
    expect(await ingestDocuments(api.graph, ids.map(doc), { batchSize: 1 })).toMatchObject({ failed: [] });
  }

  it('splits one node in two at once, keeps the split through every later ingest, and a revert gives the graph back', async () => {
    await wipe(api.graph);
    await ingest('accra-with-pua', 'pua-unesco');
    // "PUA" alone is taken for the university: one node with both partners.
    const joined = await organisations();
    expect(joined).toEqual([{ id: 'org-pua', name: 'Polytechnic University of Accra', partners: ['Islamic World Educational, Scientific and Cultural Organization', 'UNESCO'] }]);
    const before = await derived(api.graph);

    const { markDistinct } = await ok(`mutation { markDistinct(a: "Polytechnic University of Accra", b: "PUA", author: "Ama", reason: "the heritage PUA is an architects' union") { id kind applied entities { id } } }`);
    expect(markDistinct).toMatchObject({ kind: 'DISTINCT', applied: true });
    const split = [
      { id: 'org-polytechnic-university-of-accra', name: 'Polytechnic University of Accra', partners: ['Islamic World Educational, Scientific and Cultural Organization'] },
      { id: 'org-pua', name: 'PUA', partners: ['UNESCO'] },
    ];
    expect(await organisations()).toEqual(split);
    expect(markDistinct.entities.map((e: any) => e.id).sort()).toEqual(split.map((o) => o.id));
    const after = await derived(api.graph);

    // (a) the same documents again, (d) extracted again: the same split graph.
    expect(await ingestDocuments(api.graph, [doc('accra-with-pua'), doc('pua-unesco')], {})).toMatchObject({ unchanged: 2, failed: [] });
    expect(await ingestDocuments(api.graph, [doc('accra-with-pua'), doc('pua-unesco')], { reextract: true })).toMatchObject({ updated: 2, failed: [] });
    expect(await derived(api.graph)).toEqual(after);

    // (b) new documents name each side: "PUA" alone joins the union, the full name the university.
    await ingest('pua-afdb', 'accra-kumasi');
    expect(await organisations()).toEqual([
      { id: 'org-polytechnic-university-of-accra', name: 'Polytechnic University of Accra', partners: ['Islamic World Educational, Scientific and Cultural Organization', 'Kumasi Technical Institute'] },
      { id: 'org-pua', name: 'PUA', partners: ['African Development Bank', 'UNESCO'] },
    ]);
    // (c) deleted again: the split graph of before.
    for (const id of ['pua-afdb', 'accra-kumasi']) expect((await deleteDocument(api.graph, id)).deleted).toBe(true);
    expect(await derived(api.graph)).toEqual(after);

    // (e) every document deleted and the graph rebuilt in the other order, one at a time.
    for (const id of ['accra-with-pua', 'pua-unesco']) expect((await deleteDocument(api.graph, id)).deleted).toBe(true);
    await ingest('pua-unesco', 'accra-with-pua');
    expect(await derived(api.graph)).toEqual(after);

    // A merge of the two sides contradicts the judgement.
    const refused = await post(`mutation { mergeEntities(names: ["Polytechnic University of Accra", "PUA"], author: "Ama", reason: "x") { id } }`);
    expect(refused.errors?.[0]?.extensions, JSON.stringify(refused.errors)).toMatchObject({ code: 'BAD_USER_INPUT', judgement: markDistinct.id });

    const { revertJudgement } = await ok(`mutation { revertJudgement(id: "${markDistinct.id}", author: "Ama", reason: "undo") { applied reverted } }`);
    expect(revertJudgement).toEqual({ applied: false, reverted: true });
    expect(await organisations()).toEqual(joined);
    expect(await derived(api.graph)).toEqual(before);
  });

  it('keeps two nodes apart when a document would link them, in either order, and a revert lets it link them', async () => {
    await wipe(api.graph);
    await ingest('accra-kumasi', 'pua-afdb');
    expect((await organisations()).map((o) => o.id)).toEqual(['org-polytechnic-university-of-accra', 'org-pua']);
    const { markDistinct } = await ok(`mutation { markDistinct(a: "Polytechnic University of Accra", b: "PUA", author: "Ama", reason: "two organisations") { id applied } }`);
    expect(markDistinct.applied).toBe(true);

    // "Polytechnic University of Accra (PUA)" would make one node of the two; it joins the university only.
    await ingest('accra-with-pua');
    const apart = await organisations();
    expect(apart).toEqual([
      { id: 'org-polytechnic-university-of-accra', name: 'Polytechnic University of Accra', partners: ['Islamic World Educational, Scientific and Cultural Organization', 'Kumasi Technical Institute'] },
      { id: 'org-pua', name: 'PUA', partners: ['African Development Bank'] },
    ]);
    const picture = await derived(api.graph);
    for (const id of ['accra-kumasi', 'pua-afdb', 'accra-with-pua']) expect((await deleteDocument(api.graph, id)).deleted).toBe(true);
    await ingest('accra-with-pua', 'pua-afdb', 'accra-kumasi');
    expect(await derived(api.graph)).toEqual(picture);

    await ok(`mutation { revertJudgement(id: "${markDistinct.id}", author: "Ama", reason: "undo") { reverted } }`);
    expect((await organisations()).map((o) => o.id)).toEqual(['org-pua']);
  });

  it('refuses, with the reason, names that nothing tells apart and a distinct that contradicts a merge in force', async () => {
    await wipe(api.graph);
    await ingest('accra-with-pua', 'accra-kumasi');
    // Every document that writes "PUA" writes the full name beside it.
    const inseparable = await post(`mutation { markDistinct(a: "Polytechnic University of Accra", b: "PUA", author: "Ama", reason: "x") { id } }`);
    expect(inseparable.errors?.[0]).toMatchObject({ message: expect.stringContaining('without the other name'), extensions: { code: 'BAD_USER_INPUT', details: { argument: 'b' } } });
    const unknown = await post(`mutation { markDistinct(a: "PUA", b: "Polytechnic University of Ghana", author: "Ama", reason: "x") { id } }`);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });

    const { mergeEntities } = await ok(`mutation { mergeEntities(names: ["Polytechnic University of Accra", "Kumasi Technical Institute"], author: "Ama", reason: "one campus") { id } }`);
    const contradicts = await post(`mutation { markDistinct(a: "Polytechnic University of Accra", b: "Kumasi Technical Institute", author: "Ama", reason: "x") { id } }`);
    expect(contradicts.errors?.[0]?.extensions, JSON.stringify(contradicts.errors)).toMatchObject({ code: 'BAD_USER_INPUT', judgement: mergeEntities.id });
    expect(await ok('{ judgements(first: 10) { edges { node { kind } } } }')).toEqual({ judgements: { edges: [{ node: { kind: 'MERGE' } }] } });
  });

  it('splits a renamed node by the name the rename gave it', async () => {
    await wipe(api.graph);
    await ingest('accra-with-pua', 'pua-unesco');
    await ok(`mutation { renameEntity(name: "Polytechnic University of Accra", to: "Accra Polytechnic", author: "Ama", reason: "its own name") { id } }`);
    const { markDistinct } = await ok(`mutation { markDistinct(a: "Accra Polytechnic", b: "PUA", author: "Ama", reason: "two organisations") { applied entities { id } } }`);
    expect(markDistinct.entities.map((e: any) => e.id).sort()).toEqual(['org-polytechnic-university-of-accra', 'org-pua']);
    expect((await organisations()).map((o) => [o.id, o.partners])).toEqual([
      ['org-polytechnic-university-of-accra', ['Islamic World Educational, Scientific and Cultural Organization']],
      ['org-pua', ['UNESCO']],
    ]);
  });
});
