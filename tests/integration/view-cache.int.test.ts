/**
 * The server's cache of `network` and `stats` answers against a real Neo4j:
 * kept between requests, and never served after a write, whatever path the
 * write takes (a bare write through the Graph seam, ingestion, deletion, a
 * judgement). This file owns the database while it runs: it wipes it first
 * and last.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApiServer } from '../../src/api/server.ts';
import type { ApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import type { Graph } from '../../src/graph/executor.ts';
import { applySchema } from '../../src/graph/schema.ts';
import { deleteDocument, ingestText } from '../../src/pipeline/index.ts';
import { connectTestGraph } from '../support/graph.ts';
import { wipe } from '../support/ingest-snapshot.ts';

const TOKEN = 'test-token-0123456789abcdef';
const ROOT = path.resolve(import.meta.dirname, '../..');
const KZ = 'icesco-kazakhstan-2022-09-13';
const LEIBNIZ = 'icesco-leibniz-2021-01-22';

const COUNTS = '{ stats { labels { label count } } }';
const NETWORK = 'query($filter: NetworkFilter) { network(filter: $filter) { nodes { name } edges { source target } } }';

describe('the cache of network and stats answers on a real Neo4j', () => {
  let graph: Graph;
  let server: ApiServer;
  const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), API_TOKEN: TOKEN, PORT: '0', NODE_ENV: 'test' });

  async function gql(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  async function count(label: string): Promise<number> {
    const data = await gql(COUNTS);
    return data.stats.labels.find((l: { label: string }) => l.label === label).count as number;
  }

  /** A write that bypasses the Graph seam (and so the version): only a kept answer can hide it. */
  async function writeAroundTheSeam(cypher: string): Promise<void> {
    const session = graph.driver.session({ database: graph.database });
    try {
      await session.run(cypher);
    } finally {
      await session.close();
    }
  }

  beforeAll(async () => {
    graph = await connectTestGraph();
    await wipe(graph);
    // The wipe took the version node with it; the schema brings it back, under a new epoch.
    await applySchema(graph, config.rootDir);
    await ingestText(graph, { text: readFileSync(path.join(ROOT, 'ingest', `${LEIBNIZ}.txt`), 'utf8'), id: LEIBNIZ });
    server = await createApiServer(config, graph, { warmUp: false });
  });

  afterAll(async () => {
    await server?.stop();
    if (graph) await wipe(graph);
    await graph?.close();
  });

  it('serves an answer again until a write through the Graph seam, even one that changes nothing', async () => {
    const before = await count('Organization');
    const hits = server.viewCache.hits;
    await writeAroundTheSeam("CREATE (:Organization {id: 'unseen-by-the-version', name: 'Unseen'})");
    // Kept: the write above did not go through the seam.
    expect(await count('Organization')).toBe(before);
    expect(server.viewCache.hits).toBe(hits + 1);
    await graph.writeRows({ cypher: 'RETURN 1 AS nothing', params: {} });
    expect(await count('Organization')).toBe(before + 1);
    await writeAroundTheSeam("MATCH (o:Organization {id: 'unseen-by-the-version'}) DELETE o");
    await graph.writeRows({ cypher: 'RETURN 1 AS nothing', params: {} });
    expect(await count('Organization')).toBe(before);
  });

  it('shows an ingested document and a deleted one at once', async () => {
    const documents = await count('Document');
    const network = await gql(NETWORK);
    await ingestText(graph, { text: readFileSync(path.join(ROOT, 'ingest', `${KZ}.txt`), 'utf8'), id: KZ });
    expect(await count('Document')).toBe(documents + 1);
    const grown = await gql(NETWORK);
    expect(grown.network.nodes.map((n: { name: string }) => n.name)).toContain('Ministry of Science and Higher Education of the Republic of Kazakhstan');
    expect(grown.network.edges.length).toBeGreaterThan(network.network.edges.length);
    await deleteDocument(graph, KZ);
    expect(await count('Document')).toBe(documents);
    expect(await gql(NETWORK)).toEqual(network);
  });

  it('leaves out a partnership as soon as a judgement rejects it', async () => {
    const filter = { around: 'ICESCO' };
    const before = await gql(NETWORK, { filter });
    const names = (data: any) => data.network.nodes.map((n: { name: string }) => n.name);
    expect(names(before)).toContain('DAAD');
    expect(names(await gql(NETWORK, { filter }))).toContain('DAAD');
    await gql('mutation { rejectRelation(input: {relation: PARTNERS_WITH, from: "ICESCO", to: "DAAD"}, author: "Ada", reason: "a funder, not a partner") { id } }');
    expect(names(await gql(NETWORK, { filter }))).not.toContain('DAAD');
  });

  it('keeps nothing once the version node is gone (a graph wiped around the seam)', async () => {
    await writeAroundTheSeam("MATCH (v:GraphVersion) DELETE v");
    const misses = server.viewCache.misses;
    const hits = server.viewCache.hits;
    await count('Organization');
    await count('Organization');
    expect(server.viewCache.hits).toBe(hits);
    expect(server.viewCache.misses).toBe(misses);
    await applySchema(graph, config.rootDir);
    await count('Organization');
    await count('Organization');
    expect(server.viewCache.hits).toBe(hits + 1);
  });
});
