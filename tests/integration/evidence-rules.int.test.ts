/**
 * "Explain this edge": the ids of the extraction rules that stated a fact are
 * stored with each statement and served as `Evidence.rules { id reason }`,
 * over HTTP against a real Neo4j. Statements stored before rules were (no
 * property) read as no rules; ids the catalogue no longer has read as
 * "unknown rule". This file owns the database while it runs: it wipes it first and last.
 */
import { gql } from 'graphql-tag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApiServer } from '../../src/api/server.ts';
import type { ApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import { ruleById } from '../../src/extract/index.ts';
import { Graph } from '../../src/graph/executor.ts';
import { ingestText } from '../../src/pipeline/index.ts';
import { connectTestGraph } from '../support/graph.ts';
import { documentText } from '../support/graphql.ts';
import { wipe } from '../support/ingest-snapshot.ts';

const TOKEN = 'test-token-0123456789abcdef';
const DOC = 'isdb-lisbon-2023-05-03';
const TEXT = `Islamic Development Bank and University of Lisbon sign memorandum of understanding

Jeddah, 3 May 2023 - The Islamic Development Bank signed a memorandum of understanding with the University of Lisbon on 3 May 2023. Dr. Salim AlMalik, Director-General of the Islamic Development Bank, opened the meeting.
`;

const EXPLAIN = gql`query Explain {
  partnership(a: "Islamic Development Bank", b: "University of Lisbon") {
    evidence(first: 5) { text rules { id reason } }
  }
  person(name: "Salim AlMalik") {
    roles { title organization { name } evidence { text rules { id reason } } }
  }
}`;

interface Sentence {
  text: string;
  rules: Array<{ id: string; reason: string }>;
}

describe('rules behind each evidence sentence (real Neo4j)', () => {
  let graph: Graph;
  let server: ApiServer;
  const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), API_TOKEN: TOKEN, PORT: '0', NODE_ENV: 'test' });

  async function explain(): Promise<{ partnership: Sentence[]; role: Sentence[] }> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: documentText(EXPLAIN) }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    const roles = body.data.person.roles as Array<{ organization: { name: string }; evidence: Sentence[] }>;
    expect(roles.map((r) => r.organization.name)).toEqual(['Islamic Development Bank']);
    return { partnership: body.data.partnership.evidence as Sentence[], role: roles[0]!.evidence };
  }

  beforeAll(async () => {
    graph = await connectTestGraph();
    await wipe(graph);
    await ingestText(graph, { text: TEXT, id: DOC });
    server = await createApiServer(config, graph);
  });

  afterAll(async () => {
    await server?.stop();
    if (graph) await wipe(graph);
    await graph?.close();
  });

  it("shows the rule ids and reasons of a partnership's and a role's sentences", async () => {
    const { partnership, role } = await explain();
    const rule = (id: string) => ({ id, reason: ruleById(id).reason });
    expect(partnership).toEqual([
      { text: 'Islamic Development Bank and University of Lisbon sign memorandum of understanding', rules: [rule('partner.coordinated-subject')] },
      {
        text: 'Jeddah, 3 May 2023 - The Islamic Development Bank signed a memorandum of understanding with the University of Lisbon on 3 May 2023.',
        rules: [rule('partner.with')],
      },
    ]);
    expect(role).toEqual([
      { text: 'Dr. Salim AlMalik, Director-General of the Islamic Development Bank, opened the meeting.', rules: [rule('role.apposition')] },
    ]);
  });

  it('stores the rule ids as a list property of each statement', async () => {
    const rows = await graph.readRows<{ type: string; rules: string[] }>({
      cypher: 'MATCH (s:Statement)-[:STATED_IN]->(:Document {id: $id}) RETURN s.type AS type, s.rules AS rules ORDER BY s.id',
      params: { id: DOC },
    });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.rules.length, row.type).toBeGreaterThan(0);
  });

  it('reads an id the catalogue no longer has as "unknown rule", and statements without rules as none', async () => {
    await graph.writeRows({
      cypher: "MATCH (s:Statement {type: 'HOLDS_ROLE'}) SET s.rules = ['role.retired-pattern']",
      params: {},
    });
    await graph.writeRows({ cypher: "MATCH (s:Statement {type: 'PARTNERS_WITH'}) REMOVE s.rules", params: {} });
    const { partnership, role } = await explain();
    expect(partnership.map((e) => e.rules)).toEqual([[], []]);
    expect(role.map((e) => e.rules)).toEqual([[{ id: 'role.retired-pattern', reason: 'unknown rule' }]]);
  });
});
