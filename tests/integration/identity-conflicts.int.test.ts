/**
 * Cross-document identity keeps apart what only looks alike: two universities
 * that share an acronym, two people with one surname at one organisation.
 * Each case ingests two small documents in both orders and reads the graph.
 * This file owns the database while it runs: it wipes it first and last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/executor.ts';
import { ingestDocuments } from '../../src/pipeline/index.ts';
import { connectTestGraph } from '../support/graph.ts';
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
});
