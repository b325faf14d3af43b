import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveNetwork } from '../../src/api/network.ts';
import type { Graph } from '../../src/graph/executor.ts';
import { connectTestGraph } from '../support/graph.ts';

const run = `net-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

describe('Query.network on a real Neo4j', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await connectTestGraph();
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
               CREATE (b)-[:PARTNERS_WITH {key: 'reverse', kinds: ['mou'], documentCount: 3}]->(a)`,
      params: { a: `${run}-1`, b: `${run}-2` },
    });
  });
  afterAll(async () => {
    await graph.writeRows({ cypher: 'MATCH (n:Organization {testRun: $run}) DETACH DELETE n', params: { run } });
    await graph.close();
  });

  it('returns the top organisations by partner count and says it truncated', async () => {
    const network = await resolveNetwork(graph, { limit: 300 });
    expect(network.nodes).toHaveLength(300);
    expect(network.totalOrganizations).toBeGreaterThanOrEqual(350);
    expect(network.truncated).toBe(true);
    expect(network.nodes[0]).toEqual({ id: `${run}-hub`, name: `Hub ${run}`, aliases: [], partnerCount: 349 });
    const ids = new Set(network.nodes.map((n) => n.id));
    for (const edge of network.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    }
  });

  it('merges both directions of a pair into one edge with the kinds as enum values', async () => {
    const network = await resolveNetwork(graph, { limit: 2000 });
    const pair = network.edges.filter((e) => [e.source, e.target].sort().join() === [`${run}-1`, `${run}-2`].sort().join());
    expect(pair).toHaveLength(1);
    expect(pair[0]!.kinds.sort()).toEqual(['JOINT_EVENT', 'MOU']);
    expect(pair[0]!.documentCount).toBe(3);
  });

  it('refuses a limit out of range with BAD_USER_INPUT', async () => {
    await expect(resolveNetwork(graph, { limit: 0 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
