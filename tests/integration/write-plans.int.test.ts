/**
 * The write path keeps its first plan (`CYPHER replan=skip`), which may have
 * been made on a young database, where the planner finds an index scan as
 * cheap as a seek (it then stays a scan while the graph grows: a batch of
 * 100 documents took 0.5 s instead of 0.05 s). Every write-path MATCH names
 * its index with `USING INDEX SEEK`, and MERGEs rely on uniqueness
 * constraints; checked here with EXPLAIN on the real server, for every query
 * builder of ingest-queries.ts and several list sizes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/executor.ts';
import type { CypherQuery } from '../../src/graph/executor.ts';
import * as queries from '../../src/graph/ingest-queries.ts';
import { WRITE_PATH_PLAN_OPTIONS } from '../../src/graph/ingest-transaction.ts';
import { ingestPaths } from '../../src/pipeline/index.ts';
import { connectTestGraph } from '../support/graph.ts';

const props = { name: 'x', names: ['x'], lookupKeys: ['k'], identityKeys: ['k'], candidateId: 'c', status: null, date: null };
const profile = { id: 'o1', name: 'x', aliases: ['x'], searchText: 'x', props: {}, aliasKeys: [{ key: 'k', identity: true }], removedKeys: ['j'] };

/** `n` distinct values with a prefix. */
const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/**
 * One sample call per builder, for a batch of `n` rows: Neo4j plans a query
 * once per size class of its list parameters (1, 2-10, 11-100, 101-1000 ...).
 */
const samples: Record<string, (n: number) => CypherQuery> = {
  documentHashesQuery: (n) => queries.documentHashesQuery(many('d', n)),
  acquireIngestLockQuery: () => queries.acquireIngestLockQuery(),
  releaseIngestLockQuery: () => queries.releaseIngestLockQuery(),
  identityLookupQuery: (n) => queries.identityLookupQuery(many('Organization|a', n)),
  storedDocumentsQuery: (n) => queries.storedDocumentsQuery(many('d', n)),
  retractDocumentQuery: () => queries.retractDocumentQuery('d1', true),
  upsertDocumentsQuery: (n) =>
    queries.upsertDocumentsQuery(many('d', n).map((id) => ({ id, title: null, url: null, publishedAt: null, contentHash: 'h', ingestedAt: '2026-01-01T00:00:00Z', text: 't' }))),
  mergeEntitiesQuery: (n) => queries.mergeEntitiesQuery('Organization', many('o', n).map((id) => ({ id, name: id }))),
  mergeMentionsQuery: (n) => queries.mergeMentionsQuery('Organization', many('o', n).map((entityId) => ({ documentId: 'd1', entityId, props }))),
  createStatementsQuery: (n) => queries.createStatementsQuery(many('s', n).map((id) => ({ id, documentId: 'd1', factKey: 'k' }))),
  updateProfilesQuery: (n) => queries.updateProfilesQuery('Organization', many('o', n).map((id) => ({ ...profile, id }))),
  addToProfilesQuery: (n) => queries.addToProfilesQuery('Organization', many('o', n).map((id) => ({ ...profile, id }))),
  deleteEntitiesQuery: (n) => queries.deleteEntitiesQuery('Organization', many('o', n)),
  deleteOrphanAliasesQuery: (n) => queries.deleteOrphanAliasesQuery(many('k', n)),
  factStatementsQuery: (n) => queries.factStatementsQuery(many('PARTNERS_WITH|o|', n)),
  mergeEdgesQuery: (n) =>
    queries.mergeEdgesQuery('PARTNERS_WITH', 'Organization', 'Organization', many('k', n).map((key, i) => ({ key, sourceId: `o${i}`, targetId: `o${i + 1}`, props: {} }))),
  deleteEdgesQuery: (n) => queries.deleteEdgesQuery('PARTNERS_WITH', many('k', n)),
  deleteStatementsQuery: (n) => queries.deleteStatementsQuery(many('s', n)),
  rewriteStatementsQuery: (n) => queries.rewriteStatementsQuery(many('s', n).map((id) => ({ id, sourceId: 'a', targetId: 'b', factKey: 'k' }))),
  entitySummariesByTypeQuery: (n) => queries.entitySummariesByTypeQuery([['Organization', many('o', n)], ['Person', many('p', n)]]),
  edgesByKeysQuery: (n) => queries.edgesByKeysQuery([['PARTNERS_WITH', many('k', n)], ['HOLDS_ROLE', many('h', n)]]),
  updateEdgesQuery: (n) => queries.updateEdgesQuery('PARTNERS_WITH', many('k', n).map((key) => ({ key, props: {} }))),
  mentionRowsOfEntitiesQuery: (n) => queries.mentionRowsOfEntitiesQuery([['Organization', many('o', n)]]),
  mergeTargetsQuery: (n) => queries.mergeTargetsQuery('Organization', many('o', n).map((id) => ({ id, name: id }))),
  moveMentionsToQuery: (n) => queries.moveMentionsToQuery('Organization', many('o', n).map((to) => ({ to, documentId: 'd1', props }))),
  judgedIdentitiesQuery: (n) => queries.judgedIdentitiesQuery(many('Organization|a', n)),
  carryJudgedFactsQuery: (n) => queries.carryJudgedFactsQuery(many('PARTNERS_WITH|o|', n).map((from, i) => ({ from, to: `PARTNERS_WITH|t|${i}` }))),
  rekeyJudgementsQuery: (n) => queries.rekeyJudgementsQuery('Organization', many('o', n).map((from, i) => ({ from, to: `t${i}` }))),
  detachMentionsQuery: (n) => queries.detachMentionsQuery('Organization', many('o', n).map((entityId) => ({ documentId: 'd1', entityId }))),
  statementsOfEntitiesQuery: (n) => queries.statementsOfEntitiesQuery(many('o', n)),
};

/** Operators that read a whole label, type or store: fine for a plan made on an empty graph, ruinous later. */
const SCAN = /Scan/;

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}

function operators(plan: PlanNode, out: string[] = []): string[] {
  out.push(plan.operatorType.replace(/@.*$/, ''));
  for (const child of plan.children) operators(child, out);
  return out;
}

describe('write-path plans made on a young database', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await connectTestGraph();
    for (;;) {
      const [row] = await graph.writeRows<{ n: number }>({ cypher: 'MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n', params: {} });
      if ((row?.n ?? 0) === 0) break;
    }
    // A young graph (the two sample texts): most labels and indexes hold a handful of entries or none,
    // where an index scan looks cheaper to the planner than a seek.
    await ingestPaths(graph, ['ingest'], {});
    await graph.writeRows({ cypher: 'CALL db.clearQueryCaches()', params: {} });
  });
  afterAll(async () => {
    await graph.writeRows({ cypher: 'MATCH (n) DETACH DELETE n', params: {} });
    await graph.close();
  });

  it('has a sample for every query builder of ingest-queries.ts', () => {
    const builders = Object.keys(queries).filter((name) => name.endsWith('Query'));
    expect(Object.keys(samples).sort()).toEqual(builders.sort());
  });

  const cases = Object.entries(samples).flatMap(([name, sample]) => [2, 50, 500].map((n) => [name, n, sample] as const));
  it.each(cases)('%s with %i rows starts from index seeks (no label, type or index scan)', async (_name, n, sample) => {
    const query = sample(n);
    const session = graph.driver.session({ database: graph.database });
    try {
      const result = await session.run(`EXPLAIN ${WRITE_PATH_PLAN_OPTIONS}\n${query.cypher}`, query.params);
      const plan = result.summary.plan;
      expect(plan).not.toBe(false);
      const ops = operators(plan as unknown as PlanNode);
      expect(ops.some((op) => /Seek/.test(op)), ops.join(' ')).toBe(true);
      expect(ops.filter((op) => SCAN.test(op)), ops.join(' ')).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
