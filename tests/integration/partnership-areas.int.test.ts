/**
 * Cooperation areas belong to the sentence that states a partnership, not to
 * the document: in the Leibniz article "direct cooperation in smart
 * agriculture, climate change research and heritage preservation" is said of
 * ICESCO and the Leibniz Association only, so the ICESCO–DAAD scholarship
 * sentence gives DAAD's partnerships no area. Checked over HTTP (Partnership.areas,
 * the `area` filter, Organization.areas, stats) after ingesting the real text.
 * This file owns the database while it runs: it wipes it first and last.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gql } from 'graphql-tag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApiServer } from '../../src/api/server.ts';
import type { ApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import type { Graph } from '../../src/graph/executor.ts';
import { ingestText } from '../../src/pipeline/index.ts';
import { aliasKey } from '../../src/resolve/normalize.ts';
import { connectTestGraph } from '../support/graph.ts';
import { documentText } from '../support/graphql.ts';
import { wipe } from '../support/ingest-snapshot.ts';

const TOKEN = 'test-token-0123456789abcdef';
const LEIBNIZ = 'icesco-leibniz-2021-01-22';
const ROOT = path.resolve(import.meta.dirname, '../..');
/** Named by one sentence, of ICESCO and the Leibniz Association. */
const SESSION_AREAS = ['climate change research', 'heritage preservation', 'smart agriculture'];

const AREAS = gql`query Areas {
  daad: partnership(a: "ICESCO", b: "DAAD") { areas { __typename id name } }
  leibnizDaad: partnership(a: "Leibniz Association", b: "DAAD") { areas { name } }
  leibniz: partnership(a: "ICESCO", b: "Leibniz Association") { areas { __typename id name } }
  likat: partnership(a: "ICESCO", b: "LIKAT") { areas { name } }
  organization(name: "DAAD") { areas { name } }
  heritage: partners(of: "ICESCO", area: "heritage") { edges { node { partner { name } } } }
  stats { partnershipsPerArea { area count } }
}`;

interface Topic {
  __typename?: string;
  id?: string;
  name: string;
}

describe('cooperation areas per statement (real Neo4j)', () => {
  let graph: Graph;
  let server: ApiServer;
  const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), API_TOKEN: TOKEN, PORT: '0', NODE_ENV: 'test' });

  async function areas(): Promise<any> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query: documentText(AREAS) }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  }
  const names = (topics: Topic[]) => topics.map((t) => t.name);

  beforeAll(async () => {
    graph = await connectTestGraph();
    await wipe(graph);
    await ingestText(graph, { text: readFileSync(path.join(ROOT, 'ingest', `${LEIBNIZ}.txt`), 'utf8'), id: LEIBNIZ });
    server = await createApiServer(config, graph);
  });

  afterAll(async () => {
    await server?.stop();
    if (graph) await wipe(graph);
    await graph?.close();
  });

  it("gives DAAD's partnerships none of the areas another sentence names", async () => {
    const data = await areas();
    expect(data.daad.areas).toEqual([]);
    expect(data.leibnizDaad.areas).toEqual([]);
    expect(names(data.likat.areas)).not.toContain('heritage preservation');
    expect(names(data.organization.areas)).not.toContain('heritage preservation');
  });

  it('gives ICESCO–Leibniz Association the areas of its own sentence, as the Topic nodes ingestion made (distinct, by name)', async () => {
    const data = await areas();
    const topics = data.leibniz.areas as Topic[];
    expect(names(topics)).toEqual(expect.arrayContaining(SESSION_AREAS));
    expect(names(topics)).toEqual([...new Set(names(topics))].sort());
    const stored = await graph.readRows<{ id: string; name: string }>({
      cypher: 'UNWIND $keys AS key MATCH (:Alias {key: key})-[:ALIAS_OF]->(t:Topic) RETURN t.id AS id, t.name AS name ORDER BY name',
      params: { keys: SESSION_AREAS.map((area) => aliasKey('Topic', area)) },
    });
    expect(stored).toHaveLength(3);
    for (const topic of stored) expect(topics).toContainEqual({ __typename: 'Topic', id: topic.id, name: topic.name });
  });

  it('filters partners by an area of their own statements, and counts each area once per partnership that states it', async () => {
    const data = await areas();
    expect(data.heritage.edges.map((e: any) => e.node.partner.name)).toEqual(['Leibniz Association']);
    const perArea = new Map((data.stats.partnershipsPerArea as Array<{ area: string; count: number }>).map((a) => [a.area, a.count]));
    for (const area of SESSION_AREAS) expect(perArea.get(area), area).toBe(1);
  });

  it('stores the areas as a list property of each partnership statement', async () => {
    const rows = await graph.readRows<{ areas: string[] }>({
      cypher: "MATCH (s:Statement {type: 'PARTNERS_WITH'})-[:STATED_IN]->(:Document {id: $id}) RETURN s.areas AS areas ORDER BY s.id",
      params: { id: LEIBNIZ },
    });
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(Array.isArray(row.areas)).toBe(true);
    expect(rows.filter((r) => r.areas.includes('smart agriculture'))).not.toHaveLength(0);
    expect(rows.filter((r) => r.areas.length === 0)).not.toHaveLength(0);
  });

  it('reads statements stored before areas were as having none', async () => {
    await graph.writeRows({ cypher: "MATCH (s:Statement {type: 'PARTNERS_WITH'}) REMOVE s.areas, s.areaKeys", params: {} });
    const data = await areas();
    expect(data.leibniz.areas).toEqual([]);
    expect(data.daad.areas).toEqual([]);
    expect(data.heritage.edges).toEqual([]);
  });
});
