import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Graph } from '../../src/graph/executor.ts';
import { connectTestGraph } from '../support/graph.ts';
import { loadSavedQueries } from '../support/saved-queries.ts';

const queries = loadSavedQueries(loadConfig().rootDir);

interface NeoDashReport {
  title: string;
  type: string;
  query: string;
}
const neodash = JSON.parse(readFileSync(path.join(loadConfig().rootDir, 'cypher', 'neodash-dashboard.json'), 'utf8')) as {
  pages: { title: string; reports: NeoDashReport[] }[];
};
const neodashReports = neodash.pages.flatMap((page) =>
  page.reports.filter((report) => report.type !== 'select').map((report) => [`${page.title} / ${report.title}`, report] as const),
);
const run = `sq-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

// A small graph in the documented model (cypher/schema.cypher), every node
// tagged with `testRun` so that it can be removed. Names match the `:param`
// lines of the saved queries. Alias nodes use keys unique to this run so
// that they never collide with another test's aliases.
const CREATE_GRAPH = `
CREATE (icesco:Organization {id: $run + '-icesco', name: 'ICESCO', aliases: ['Islamic World Educational, Scientific and Cultural Organization'], testRun: $run})
CREATE (leibniz:Organization {id: $run + '-leibniz', name: 'Leibniz Association', aliases: ['Leibniz Association Germany'], testRun: $run})
CREATE (ministry:Organization {id: $run + '-ministry', name: 'Ministry of Science and Higher Education of the Republic of Kazakhstan', aliases: [], testRun: $run})
CREATE (institute:Organization {id: $run + '-institute', name: 'Leibniz Institute for Catalysis', aliases: ['LIKAT'], testRun: $run})
CREATE (aliased:Organization {id: $run + '-aliased', name: 'Université de Test ' + $run, aliases: [], testRun: $run})
CREATE (alias:Alias {key: 'Organization|universite test ' + $run, testRun: $run})-[:ALIAS_OF]->(aliased)
CREATE (morocco:Country {id: $run + '-morocco', name: 'Morocco', aliases: [], testRun: $run})
CREATE (germany:Country {id: $run + '-germany', name: 'Germany', aliases: [], testRun: $run})
CREATE (kazakhstan:Country {id: $run + '-kazakhstan', name: 'Kazakhstan', aliases: [], testRun: $run})
CREATE (rabat:Place {id: $run + '-rabat', name: 'Rabat', aliases: [], testRun: $run})-[:LOCATED_IN]->(morocco)
CREATE (icesco)-[:BASED_IN]->(rabat)
CREATE (ministry)-[:BASED_IN]->(kazakhstan)
CREATE (institute)-[:PART_OF]->(leibniz)
CREATE (malik:Person {id: $run + '-malik', name: 'Salim M. Al Malik', aliases: ['AlMalik'], testRun: $run})-[:HOLDS_ROLE {title: 'Director-General', firstSeen: '2021-01-22', lastSeen: '2022-09-13', documentCount: 2}]->(icesco)
CREATE (kleiner:Person {id: $run + '-kleiner', name: 'Matthias Kleiner', aliases: [], testRun: $run})-[:HOLDS_ROLE {title: 'President', firstSeen: '2021-01-22', lastSeen: '2021-01-22', documentCount: 1}]->(leibniz)
CREATE (icesco)-[:PARTNERS_WITH {key: $run + '|icesco|leibniz', kinds: ['discussion'], status: 'active', firstSeen: '2021-01-21', lastSeen: '2021-01-21', documentCount: 1}]->(leibniz)
CREATE (icesco)-[:PARTNERS_WITH {key: $run + '|icesco|ministry', kinds: ['meeting', 'discussion'], status: 'active', firstSeen: '2022-09-13', lastSeen: '2022-09-13', documentCount: 1}]->(ministry)
CREATE (icesco)-[:PARTNERS_WITH {key: $run + '|icesco|aliased', kinds: ['mou'], status: 'active', firstSeen: '2023-03-01', lastSeen: '2023-03-01', documentCount: 1}]->(aliased)
CREATE (d1:Document {id: $run + '-d1', title: 'ICESCO and Leibniz Association Germany Discuss Cooperation Opportunities', publishedAt: '2021-01-22', testRun: $run})
CREATE (d2:Document {id: $run + '-d2', title: 'ICESCO and Kazakhstan Agree on Enhancing Cooperation in Science and Technology', publishedAt: '2022-09-13', testRun: $run})
CREATE (science:Topic {id: $run + '-science', name: 'science', aliases: [], testRun: $run})
CREATE (education:Topic {id: $run + '-education', name: 'education', aliases: [], testRun: $run})
CREATE (:Alias {key: 'Topic|science ' + $run, testRun: $run})-[:ALIAS_OF {identity: true}]->(science)
CREATE (:Alias {key: 'Topic|education ' + $run, testRun: $run})-[:ALIAS_OF {identity: true}]->(education)
// d1 mentions science too, but none of its sentences names it as an area of a partnership.
CREATE (d1)-[:MENTIONS]->(icesco), (d1)-[:MENTIONS]->(leibniz), (d1)-[:MENTIONS]->(education), (d1)-[:MENTIONS]->(science)
CREATE (d2)-[:MENTIONS]->(icesco), (d2)-[:MENTIONS]->(ministry), (d2)-[:MENTIONS]->(science)
CREATE (:Statement {id: $run + '-s1', factKey: $run + '|icesco|leibniz', type: 'PARTNERS_WITH', sourceId: icesco.id, targetId: leibniz.id, kind: 'discussion', date: '2021-01-21', start: 10, end: 120,
        text: 'ICESCO and the Leibniz Association Germany held a virtual working session to explore cooperation opportunities in education.',
        areas: ['education'], areaKeys: ['Topic|education ' + $run], documentId: d1.id, testRun: $run})-[:STATED_IN]->(d1)
CREATE (:Statement {id: $run + '-s2', factKey: $run + '|icesco|ministry', type: 'PARTNERS_WITH', sourceId: icesco.id, targetId: ministry.id, kind: 'meeting', date: '2022-09-13', start: 0, end: 90,
        text: 'The two parties reviewed the cooperation developments in the fields of science and technology.',
        areas: ['science'], areaKeys: ['Topic|science ' + $run], documentId: d2.id, testRun: $run})-[:STATED_IN]->(d2)
CREATE (:Statement {id: $run + '-s3', factKey: $run + '|icesco|aliased', type: 'PARTNERS_WITH', sourceId: icesco.id, targetId: aliased.id, kind: 'mou', date: '2023-03-01', start: 0, end: 40,
        text: 'ICESCO signed a memorandum of understanding.', documentId: d1.id, testRun: $run})-[:STATED_IN]->(d1)
CREATE (mou:Agreement {id: $run + '-mou', name: 'ICESCO-Leibniz memorandum of understanding', aliases: [], status: 'signed', date: '2021-01-21', testRun: $run})
CREATE (icesco)-[:PARTY_TO {status: 'signed'}]->(mou), (leibniz)-[:PARTY_TO {status: 'signed'}]->(mou)
CREATE (mou)-[:CONCERNS]->(education)
`;

describe('saved Cypher queries on a real Neo4j', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await connectTestGraph();
    await graph.writeRows({ cypher: CREATE_GRAPH, params: { run } });
  });
  afterAll(async () => {
    await graph.writeRows({ cypher: 'MATCH (n {testRun: $run}) DETACH DELETE n', params: { run } });
    await graph.close();
  });

  it.each(queries.map((q) => [q.file, q] as const))('%s runs with its :param values and returns rows', async (_file, query) => {
    const rows = await graph.readRows({ cypher: query.cypher, params: query.params });
    expect(rows.length).toBeGreaterThan(0);
  });

  it('finds the shortest chain from the Leibniz institute to the ministry through its parent and ICESCO', async () => {
    const query = queries.find((q) => q.file === '05-shortest-chain.cypher');
    const rows = await graph.readRows<{ hops: number; names: string[] }>({ cypher: query!.cypher, params: query!.params });
    // Other data with the same names may exist in the database: look for this run's chain among the rows.
    expect(rows).toContainEqual(expect.objectContaining({
      hops: 3,
      names: ['Leibniz Institute for Catalysis', 'Leibniz Association', 'ICESCO', 'Ministry of Science and Higher Education of the Republic of Kazakhstan'],
      relations: ['PART_OF', 'PARTNERS_WITH', 'PARTNERS_WITH'],
    }));
  });

  it('returns the evidence sentence of a partnership, naming the organisation by an alias', async () => {
    const query = queries.find((q) => q.file === '08-partnership-evidence.cypher');
    const rows = await graph.readRows<{ sentence: string }>({
      cypher: query!.cypher,
      params: { a: 'islamic world educational, scientific and cultural organization', b: 'Leibniz Association Germany' },
    });
    expect(rows).toContainEqual(
      expect.objectContaining({
        sentence: 'ICESCO and the Leibniz Association Germany held a virtual working session to explore cooperation opportunities in education.',
        areas: ['education'],
      }),
    );
  });

  it('resolves a name through its Alias node (normalised key)', async () => {
    const query = queries.find((q) => q.file === '08-partnership-evidence.cypher');
    const rows = await graph.readRows<{ partner: string; kind: string }>({ cypher: query!.cypher, params: { a: 'ICESCO', b: `universite test ${run}` } });
    expect(rows).toEqual([expect.objectContaining({ partner: `Université de Test ${run}`, kind: 'mou' })]);
  });

  it('counts organisations per country through places or names, and partnerships per area', async () => {
    const perCountry = queries.find((q) => q.file === '06-organizations-per-country.cypher');
    const countries = await graph.readRows<{ country: string; names: string[]; basis: string[] }>({ cypher: perCountry!.cypher, params: {} });
    const byCountry = new Map(countries.map((r) => [r.country, r]));
    expect(byCountry.get('Morocco')).toMatchObject({ names: expect.arrayContaining(['ICESCO']), basis: expect.arrayContaining(['based in']) });
    // No BASED_IN for the Leibniz Association: its alias "Leibniz Association Germany" names the country.
    expect(byCountry.get('Germany')).toMatchObject({ names: expect.arrayContaining(['Leibniz Association']), basis: expect.arrayContaining(['named']) });
    const perArea = queries.find((q) => q.file === '07-partnerships-per-area.cypher');
    const areas = await graph.readRows<{ area: string; examples: string[][] }>({ cypher: perArea!.cypher, params: {} });
    expect(areas.map((r) => r.area)).toEqual(expect.arrayContaining(['science', 'education']));
    // An area counts for the partnerships whose sentences name it, not for every partnership of a document that mentions it.
    const science = areas.find((r) => r.area === 'science')!.examples.map((pair) => [...pair].sort());
    expect(science).toContainEqual(['ICESCO', 'Ministry of Science and Higher Education of the Republic of Kazakhstan']);
    expect(science.flat()).not.toContain(`Université de Test ${run}`);
  });

  it.each(neodashReports)('NeoDash report "%s" runs and returns rows', async (_title, report) => {
    const rows = await graph.readRows({ cypher: report.query, params: { neodash_organization_name: 'ICESCO', neodash_search: 'Leibniz' } });
    expect(rows.length).toBeGreaterThan(0);
  });
});
