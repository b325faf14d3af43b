import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveNetwork } from '../../src/api/network.ts';
import type { NetworkFilterArgs, RowReader } from '../../src/api/network.ts';
import type { Graph } from '../../src/graph/executor.ts';
import { aliasKey } from '../../src/resolve/normalize.ts';
import { connectTestGraph } from '../support/graph.ts';

const run = `net-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

describe('Query.network on a real Neo4j', () => {
  let graph: Graph;
  let reader: RowReader;
  beforeAll(async () => {
    graph = await connectTestGraph();
    reader = { rows: (query) => graph.readRows(query) };
    // A hub with 349 partners, a ring among them, and one pair stored in both directions.
    await graph.writeRows({
      cypher: `
CREATE (hub:Organization {id: $run + '-hub', name: 'Hub ' + $run, aliases: [], testRun: $run})
WITH hub
UNWIND range(1, 349) AS i
CREATE (o:Organization {id: $run + '-' + i, name: 'Org ' + i + ' ' + $run, aliases: [], testRun: $run})
CREATE (hub)-[:PARTNERS_WITH {key: $run + '|' + i, kinds: ['meeting'], documentCount: 1}]->(o)
WITH collect(o) AS orgs
UNWIND range(0, size(orgs) - 2) AS i
WITH orgs[i] AS a, orgs[i + 1] AS b
CREATE (a)-[:PARTNERS_WITH {key: a.id + '|' + b.id, kinds: ['joint-event'], documentCount: 2}]->(b)`,
      params: { run },
    });
    await graph.writeRows({
      cypher: `MATCH (a:Organization {id: $a}), (b:Organization {id: $b})
               CREATE (b)-[:PARTNERS_WITH {key: 'reverse-' + $run, kinds: ['mou'], documentCount: 3}]->(a)`,
      params: { a: `${run}-1`, b: `${run}-2`, run },
    });
  });
  afterAll(async () => {
    await graph.writeRows({ cypher: 'MATCH (n {testRun: $run}) DETACH DELETE n', params: { run } });
    await graph.close();
  });

  it('returns the top organisations by partner count and says it truncated', async () => {
    const network = await resolveNetwork(reader, { limit: 300 });
    expect(network.nodes).toHaveLength(300);
    expect(network.totalOrganizations).toBeGreaterThanOrEqual(350);
    expect(network.truncated).toBe(true);
    expect(network.nodes[0]).toEqual({ id: `${run}-hub`, name: `Hub ${run}`, aliases: [], country: null, type: 'OTHER', partnerCount: 349 });
    const ids = new Set(network.nodes.map((n) => n.id));
    for (const edge of network.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    }
  });

  it('merges both directions of a pair into one edge with the kinds as enum values', async () => {
    const network = await resolveNetwork(reader, { limit: 2000 });
    const pair = network.edges.filter((e) => [e.source, e.target].sort().join() === [`${run}-1`, `${run}-2`].sort().join());
    expect(pair).toHaveLength(1);
    expect(pair[0]!.kinds.sort()).toEqual(['JOINT_EVENT', 'MOU']);
    expect(pair[0]!.documentCount).toBe(3);
  });

  it('refuses a limit out of range with BAD_USER_INPUT', async () => {
    await expect(resolveNetwork(reader, { limit: 0 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('Query.network filtered on the server', () => {
  let graph: Graph;
  let reader: RowReader;
  const id = (name: string) => `${run}-f-${name}`;
  const acronym = `UOR${run.replace(/[^a-z0-9]/gi, '').toUpperCase()}`;
  beforeAll(async () => {
    graph = await connectTestGraph();
    reader = { rows: (query) => graph.readRows(query) };
    // uni (Morocco) -mou 2021, 2 docs- ministry -meeting 2019- institute -programme 2023- foundation; docs mention topics.
    await graph.writeRows({
      cypher: `
CREATE (ma:Country {id: $p + 'ma', name: 'Moroccoland ' + $run, testRun: $run})
CREATE (city:Place {id: $p + 'city', name: 'Rabatville', testRun: $run})-[:LOCATED_IN]->(ma)
CREATE (uni:Organization {id: $p + 'uni', name: 'University of Rabatville ' + $run, aliases: [$acronym], testRun: $run})-[:BASED_IN]->(city)
CREATE (min:Organization {id: $p + 'min', name: 'Ministry of Tests ' + $run, aliases: [], testRun: $run})-[:BASED_IN]->(ma)
CREATE (ins:Organization {id: $p + 'ins', name: 'Institute of Filters ' + $run, aliases: [], testRun: $run})
CREATE (fdn:Organization {id: $p + 'fdn', name: 'Foundation for Hops ' + $run, aliases: [], testRun: $run})
CREATE (:Alias {key: $uniKey, testRun: $run})-[:ALIAS_OF {identity: true}]->(uni)
CREATE (:Alias {key: $acronymKey, testRun: $run})-[:ALIAS_OF {identity: true}]->(uni)
CREATE (:Alias {key: $minKey, testRun: $run})-[:ALIAS_OF {identity: true}]->(min)
CREATE (:Alias {key: $insKey, testRun: $run})-[:ALIAS_OF {identity: true}]->(ins)
CREATE (uni)-[:PARTNERS_WITH {key: $p + 'k1', kinds: ['mou'], documentCount: 2, firstSeen: '2021-03-01', lastSeen: '2021-06-01'}]->(min)
CREATE (min)-[:PARTNERS_WITH {key: $p + 'k2', kinds: ['meeting'], documentCount: 1, firstSeen: '2019-05-05', lastSeen: '2019-05-05'}]->(ins)
CREATE (ins)-[:PARTNERS_WITH {key: $p + 'k3', kinds: ['programme', 'meeting'], documentCount: 1, firstSeen: '2023-01-01', lastSeen: '2023-02-01'}]->(fdn)
CREATE (d:Document {id: $p + 'doc', testRun: $run})-[:MENTIONS]->(topic:Topic {id: $p + 'topic', name: 'Marine Filtering ' + $run, testRun: $run})
CREATE (:Alias {key: $topicKey, testRun: $run})-[:ALIAS_OF {identity: true}]->(topic)
CREATE (:Statement {id: $p + 's1', factKey: $p + 'k2', areas: ['marine filtering ' + $run], areaKeys: [$topicKey], testRun: $run})-[:STATED_IN]->(d)
CREATE (:Statement {id: $p + 's2', factKey: $p + 'k1', areas: [], areaKeys: [], testRun: $run})-[:STATED_IN]->(d)`,
      params: {
        run,
        p: `${run}-f-`,
        acronym: acronym,
        uniKey: aliasKey('Organization', `University of Rabatville ${run}`),
        acronymKey: aliasKey('Organization', acronym),
        minKey: aliasKey('Organization', `Ministry of Tests ${run}`),
        insKey: aliasKey('Organization', `Institute of Filters ${run}`),
        topicKey: aliasKey('Topic', `marine filtering ${run}`),
      },
    });
  });
  afterAll(async () => {
    await graph.writeRows({ cypher: 'MATCH (n {testRun: $run}) DETACH DELETE n', params: { run } });
    await graph.close();
  });

  async function pairs(filter: NetworkFilterArgs): Promise<string[]> {
    const network = await resolveNetwork(reader, { limit: 2000, filter });
    const mine = network.edges.filter((e) => e.source.startsWith(`${run}-f-`));
    return mine.map((e) => [e.source, e.target].map((x) => x.slice(`${run}-f-`.length)).sort().join('-')).sort();
  }

  it.each([
    [{ kinds: ['MOU'] }, ['min-uni']],
    [{ kinds: ['PROGRAMME', 'MOU'] }, ['fdn-ins', 'min-uni']],
    [{ since: '2021-01-01' }, ['fdn-ins', 'min-uni']],
    [{ until: '2020-12-31' }, ['ins-min']],
    [{ since: '2021-04-01', until: '2021-04-30' }, ['min-uni']],
    [{ minDocuments: 2 }, ['min-uni']],
    [{ organizationType: 'RESEARCH' }, ['fdn-ins', 'ins-min']],
    [{ organizationType: 'UNIVERSITY' }, ['min-uni']],
  ])('keeps exactly the partnerships that pass %j', async (filter, expected) => {
    expect(await pairs(filter as NetworkFilterArgs)).toEqual(expected);
  });

  it('keeps the neighbourhood of an organisation, by any of its names, within n steps of the filtered partnerships', async () => {
    expect(await pairs({ around: acronym, hops: 1 })).toEqual(['min-uni']);
    expect(await pairs({ around: `University of Rabatville ${run}`, hops: 2 })).toEqual(['ins-min', 'min-uni']);
    expect(await pairs({ around: `Ministry of Tests ${run}`, hops: 1, kinds: ['MEETING'] })).toEqual(['ins-min']);
  });

  it('filters by the country an end is based in, directly or through a city', async () => {
    expect(await pairs({ country: `moroccoland ${run}` })).toEqual(['ins-min', 'min-uni']);
    const network = await resolveNetwork(reader, { limit: 10, filter: { country: `Moroccoland ${run}` } });
    expect(network.nodes.find((n) => n.id === id('uni'))).toMatchObject({ country: `Moroccoland ${run}`, type: 'UNIVERSITY', partnerCount: 1 });
  });

  it('filters by an area named by a supporting sentence', async () => {
    expect(await pairs({ area: `marine filtering ${run}` })).toEqual(['ins-min']);
  });

  it('puts the centre of a neighbourhood first and names it', async () => {
    const network = await resolveNetwork(reader, { limit: 1, filter: { around: `Institute of Filters ${run}`, hops: 1 } });
    expect(network.nodes.map((n) => n.id)).toEqual([id('ins')]);
    expect(network.totalOrganizations).toBe(3);
    expect(network.center?.id).toBe(id('ins'));
  });

  it('answers NOT_FOUND for a neighbourhood of an unknown organisation', async () => {
    await expect(resolveNetwork(reader, { filter: { around: `Nobody ${run}` } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
