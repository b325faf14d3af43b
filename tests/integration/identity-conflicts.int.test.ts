/**
 * Cross-document identity keeps apart what only looks alike: two universities
 * that share an acronym, two people with one surname at one organisation;
 * and deleting the one document that linked two names splits them again.
 * Each case ingests small documents in several orders and batch sizes and
 * compares the whole graph (every node and relationship, property for
 * property). This file owns the database while it runs: it wipes it first
 * and last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/executor.ts';
import { deleteDocument, ingestDocuments } from '../../src/pipeline/index.ts';
import { connectTestGraph } from '../support/graph.ts';
import type { GraphPicture } from '../support/ingest-snapshot.ts';
import { documentsIn, pictureOf, wipe } from '../support/ingest-snapshot.ts';

const byFile = (folder: string, ...names: string[]) => {
  const docs = documentsIn(folder);
  return names.map((name) => docs.find((d) => d.id === name)!);
};

describe('identity of organisations sharing an acronym and of people sharing a surname', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await connectTestGraph();
    await wipe(graph);
  });
  afterAll(async () => {
    await wipe(graph);
    await graph.close();
  });

  async function organizations(): Promise<Array<{ id: string; name: string; aliases: string[] }>> {
    return graph.readRows({
      cypher: "MATCH (o:Organization) WHERE o.name STARTS WITH 'Polytechnic' RETURN o.id AS id, o.name AS name, o.aliases AS aliases ORDER BY id",
      params: {},
    });
  }

  it('keeps the Polytechnic Universities of Accra and Abuja apart although both are "PUA", in either order', async () => {
    const [accra, abuja] = byFile('tests/fixtures/identity', 'id4-accra', 'id5-abuja');
    await ingestDocuments(graph, [accra!, abuja!], { batchSize: 1 });
    const forward = await organizations();
    expect(forward).toEqual([
      { id: 'org-polytechnic-university-of-abuja', name: 'Polytechnic University of Abuja', aliases: ['PUA'] },
      { id: 'org-polytechnic-university-of-accra', name: 'Polytechnic University of Accra', aliases: ['PUA'] },
    ]);
    const picture = await pictureOf(graph);
    await wipe(graph);
    await ingestDocuments(graph, [abuja!, accra!], { batchSize: 1 });
    expect(await organizations()).toEqual(forward);
    expect(await pictureOf(graph)).toEqual(picture);
    // Each vice-chancellor stays with their own university.
    const roles = await graph.readRows<{ person: string; org: string }>({
      cypher: 'MATCH (p:Person)-[:HOLDS_ROLE]->(o:Organization) RETURN p.name AS person, o.id AS org ORDER BY person',
      params: {},
    });
    expect(roles).toEqual([
      { person: 'Kofi Mensah', org: 'org-polytechnic-university-of-accra' },
      { person: 'Ngozi Okafor', org: 'org-polytechnic-university-of-abuja' },
    ]);
    await wipe(graph);
  });

  it('keeps Zainab Ndiaye and Daniel Ndiaye of one institute two people, in either order', async () => {
    const docs = byFile('tests/fixtures/identity-conflicts', 'ndiaye-1', 'ndiaye-2');
    const people = () =>
      graph.readRows<{ id: string; name: string; titles: string[] }>({
        cypher:
          "MATCH (p:Person)-[r:HOLDS_ROLE]->(:Organization {name: 'Dakar Institute of Technology'}) RETURN p.id AS id, p.name AS name, collect(r.title) AS titles ORDER BY id",
        params: {},
      });
    await ingestDocuments(graph, docs, { batchSize: 1 });
    const forward = await people();
    expect(forward).toEqual([
      { id: 'person-daniel-ndiaye', name: 'Daniel Ndiaye', titles: ['Deputy Director'] },
      { id: 'person-zainab-ndiaye', name: 'Zainab Ndiaye', titles: ['Director'] },
    ]);
    await wipe(graph);
    await ingestDocuments(graph, [...docs].reverse(), { batchSize: 2 });
    expect(await people()).toEqual(forward);
    await wipe(graph);
  });

  it('keeps "PUA" alone apart from both universities that spell it out, with one graph in every order and batch size', async () => {
    const [accra, abuja] = byFile('tests/fixtures/identity', 'id4-accra', 'id5-abuja');
    const [bare] = byFile('tests/fixtures/identity-conflicts', 'pua-alone');
    const docs = [accra!, abuja!, bare!];
    const orders = [
      { order: [0, 1, 2], batchSize: 1 },
      { order: [2, 0, 1], batchSize: 1 },
      { order: [0, 2, 1], batchSize: 1 },
      { order: [1, 2, 0], batchSize: 3 },
    ];
    const pictures: GraphPicture[] = [];
    for (const { order, batchSize } of orders) {
      await wipe(graph);
      await ingestDocuments(graph, order.map((i) => docs[i]!), { batchSize });
      pictures.push(await pictureOf(graph));
    }
    for (const picture of pictures.slice(1)) expect(picture).toEqual(pictures[0]);
    const pua = await graph.readRows<{ id: string; name: string; nova: boolean }>({
      cypher:
        "MATCH (o:Organization) WHERE o.name STARTS WITH 'Polytechnic' OR o.name = 'PUA' RETURN o.id AS id, o.name AS name, EXISTS { (o)-[:PARTNERS_WITH]-(:Organization {name: 'Nova Energy Ltd'}) } AS nova ORDER BY id",
      params: {},
    });
    expect(pua).toEqual([
      { id: 'org-polytechnic-university-of-abuja', name: 'Polytechnic University of Abuja', nova: false },
      { id: 'org-polytechnic-university-of-accra', name: 'Polytechnic University of Accra', nova: false },
      { id: 'org-pua', name: 'PUA', nova: true },
    ]);
    await wipe(graph);
  });

  it('splits, on deleting the one document that linked "University of Porto" and "UP", into what a fresh ingest of the rest gives', async () => {
    const [withoutAcronym, linking, acronymOnly] = byFile('tests/fixtures/identity', 'id1-porto-nova', 'id2-porto-atlas', 'id3-up-nova');
    await ingestDocuments(graph, [withoutAcronym!, linking!, acronymOnly!], { batchSize: 1 });
    const joined = await graph.readRows<{ id: string }>({ cypher: "MATCH (o:Organization) WHERE o.name IN ['University of Porto', 'UP'] RETURN o.id AS id", params: {} });
    expect(joined).toEqual([{ id: 'org-up' }]);
    expect((await deleteDocument(graph, linking!.id)).deleted).toBe(true);
    const afterDelete = await pictureOf(graph);

    await wipe(graph);
    await ingestDocuments(graph, [withoutAcronym!, acronymOnly!], { batchSize: 2 });
    const fresh = await pictureOf(graph);
    expect(afterDelete.nodeLines).toEqual(fresh.nodeLines);
    expect(afterDelete.relationshipLines).toEqual(fresh.relationshipLines);
    const split = await graph.readRows<{ id: string; name: string }>({
      cypher: "MATCH (o:Organization) WHERE o.name IN ['University of Porto', 'UP'] RETURN o.id AS id, o.name AS name ORDER BY id",
      params: {},
    });
    expect(split).toEqual([
      { id: 'org-university-of-porto', name: 'University of Porto' },
      { id: 'org-up', name: 'UP' },
    ]);
    await wipe(graph);
  });
});
