/**
 * The GraphQL API over HTTP against a real Neo4j, after ingesting the two
 * real example texts in ingest/ through the ingestion pipeline.
 * This file owns the database while it runs: it wipes it first and last.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { DocumentNode } from 'graphql';
import { gql } from 'graphql-tag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApiServer } from '../../src/api/server.ts';
import type { ApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import { Graph } from '../../src/graph/executor.ts';
import type { CypherQuery, RunOptions, Work } from '../../src/graph/executor.ts';
import { ingestText } from '../../src/pipeline/index.ts';
import { connectTestGraph } from '../support/graph.ts';
import { documentText } from '../support/graphql.ts';

const TOKEN = 'test-token-0123456789abcdef';
const ROOT = path.resolve(import.meta.dirname, '../..');
const KZ = 'icesco-kazakhstan-2022-09-13';
const LEIBNIZ = 'icesco-leibniz-2021-01-22';
const ICESCO = 'Islamic World Educational, Scientific, and Cultural Organization';
const MINISTRY = 'Ministry of Science and Higher Education of the Republic of Kazakhstan';

/** Deletes everything, in batches so that a large leftover graph does not exhaust the heap. */
async function wipe(graph: Graph): Promise<void> {
  for (;;) {
    const [row] = await graph.writeRows<{ n: number }>({ cypher: 'MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n', params: {} });
    if ((row?.n ?? 0) === 0) return;
  }
}

/** A Graph that counts its queries: one per round trip made by the API. */
class CountingGraph extends Graph {
  reads = 0;
  override read<T>(work: Work<T>, options?: RunOptions): Promise<T> {
    this.reads += 1;
    return super.read(work, options);
  }
  override readRows<T = Record<string, unknown>>(query: CypherQuery, options?: RunOptions): Promise<T[]> {
    this.reads += 1;
    return super.readRows<T>(query, options);
  }
}

interface GqlResponse {
  status: number;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions: { code: string; stacktrace?: unknown } }> };
}

/** Sends a document; a string only for those the limits must refuse (too deep, too many tokens, too large). */
async function post(server: ApiServer, document: DocumentNode | string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResponse> {
  const query = typeof document === 'string' ? document : documentText(document);
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GqlResponse['body'] };
}

function codes(response: GqlResponse): string[] {
  return (response.body.errors ?? []).map((e) => e.extensions.code);
}

/** A GET without URL normalisation (fetch would resolve "..", we want to send it). */
function rawGet(server: ApiServer, rawPath: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const PARTNERS = gql`query Partners($of: String!, $units: Boolean, $first: Int) {
  partners(of: $of, includeUnits: $units, first: $first) {
    totalCount
    edges { node {
      organization { name }
      partner { name partnerCount }
      viaUnit { name }
      kinds status firstSeen
      areas { name }
      evidence(first: 3) { text start end document { id title publishedAt } }
    } }
  }
}`;

describe('GraphQL API over HTTP on a real Neo4j', () => {
  let graph: CountingGraph;
  let server: ApiServer;
  let staticDir: string;
  const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), API_TOKEN: TOKEN, PORT: '0', NODE_ENV: 'test', GRAPHQL_MAX_REQUEST_BYTES: '16384' });

  beforeAll(async () => {
    const setup = await connectTestGraph();
    await wipe(setup);
    for (const id of [KZ, LEIBNIZ]) {
      await ingestText(setup, { text: readFileSync(path.join(ROOT, 'ingest', `${id}.txt`), 'utf8'), id });
    }
    await setup.close();
    staticDir = mkdtempSync(path.join(os.tmpdir(), 'api-static-'));
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>dashboard</title>');
    writeFileSync(path.join(staticDir, 'app.js'), 'export {};');
    graph = new CountingGraph(config.neo4j, inject('neo4jUri'));
    server = await createApiServer(config, graph, { staticRoutes: [{ prefix: '/dashboard', dir: staticDir }] });
  });

  afterAll(async () => {
    await server?.stop();
    if (graph) await wipe(graph);
    await graph?.close();
    if (staticDir) rmSync(staticDir, { recursive: true, force: true });
  });

  it('lists the partners of ICESCO from both documents, each with evidence from the document that states it', async () => {
    const response = await post(server, PARTNERS, { of: 'ICESCO' });
    expect(response.body.errors).toBeUndefined();
    const nodes = response.body.data!.partners.edges.map((e: any) => e.node);
    const byPartner = new Map<string, any>(nodes.map((n: any) => [n.partner.name, n]));
    expect([...byPartner.keys()].sort()).toEqual(['DAAD', 'Leibniz Association', 'Leibniz Institute for Catalysis', MINISTRY]);
    expect(response.body.data!.partners.totalCount).toBe(4);
    const expected: Array<[string, string, RegExp]> = [
      [MINISTRY, KZ, /Ministry/],
      ['Leibniz Association', LEIBNIZ, /Leibniz Association/],
      ['Leibniz Institute for Catalysis', LEIBNIZ, /LIKAT/],
      ['DAAD', LEIBNIZ, /DAAD/],
    ];
    for (const [partner, documentId, sentence] of expected) {
      const node = byPartner.get(partner);
      expect(node.organization.name).toBe(ICESCO);
      expect(node.evidence.length).toBeGreaterThan(0);
      for (const evidence of node.evidence) expect(evidence.document.id).toBe(documentId);
      expect(node.evidence.some((e: any) => sentence.test(e.text))).toBe(true);
      // Offsets point into the stored document text.
      const text = readFileSync(path.join(ROOT, 'ingest', `${documentId}.txt`), 'utf8');
      for (const evidence of node.evidence) expect(text.slice(evidence.start, evidence.end)).toBe(evidence.text);
    }
    // Most recent first: the 2022 meeting with the ministry leads.
    expect(nodes[0].partner.name).toBe(MINISTRY);
  });

  it('rolls up the partnerships of LIKAT into the Leibniz Association with includeUnits', async () => {
    const without = await post(server, PARTNERS, { of: 'Leibniz Association' });
    expect(without.body.data!.partners.edges.every((e: any) => e.node.viaUnit === null)).toBe(true);
    const withUnits = await post(server, PARTNERS, { of: 'Leibniz Association', units: true });
    const viaLikat = withUnits.body.data!.partners.edges.map((e: any) => e.node).filter((n: any) => n.viaUnit?.name === 'Leibniz Institute for Catalysis');
    expect(viaLikat.map((n: any) => n.partner.name)).toEqual([ICESCO]);
    expect(viaLikat[0].evidence.some((e: any) => /LIKAT/.test(e.text))).toBe(true);
    expect(withUnits.body.data!.partners.totalCount).toBe(without.body.data!.partners.totalCount + 1);
  });

  it('finds the chain from Sayasat Nurbek to Matthias Kleiner through ICESCO, with evidence per hop', async () => {
    const response = await post(
      server,
      gql`{ connection(from: "Sayasat Nurbek", to: "Matthias Kleiner") { length steps { from { __typename name } to { __typename name } relation label evidence(first: 1) { text } } } }`,
    );
    expect(response.body.errors).toBeUndefined();
    const [path0] = response.body.data!.connection;
    expect(path0.length).toBe(4);
    const names = [path0.steps[0].from.name, ...path0.steps.map((s: any) => s.to.name)];
    expect(names).toEqual(['Sayasat Nurbek', MINISTRY, ICESCO, 'Leibniz Association', 'Matthias Kleiner']);
    expect(path0.steps.map((s: any) => s.relation)).toEqual(['HOLDS_ROLE', 'PARTNERS_WITH', 'PARTNERS_WITH', 'HOLDS_ROLE']);
    expect(path0.steps[3].label).toBe('President');
    for (const step of path0.steps) expect(step.evidence).toHaveLength(1);
  });

  it('resolves an organisation by alias, case- and accent-insensitively, and NOT_FOUND when unknown without nulling the others', async () => {
    const response = await post(
      server,
      gql`{ a: organization(name: "icesco") { name aliases partnerCount units { name } people { title person { name } } }
         b: organization(name: "ISLAMIC WORLD EDUCATIONAL SCIENTIFIC AND CULTURAL ORGANISATION") { name }
         c: organization(name: "Léibniz Institute for Catalysis") { name parent { name } }
         d: organization(name: "No Such Organisation") { name } }`,
    );
    expect(codes(response)).toEqual(['NOT_FOUND']);
    const data = response.body.data!;
    expect(data.a.name).toBe(ICESCO);
    expect(data.a.aliases).toContain('ICESCO');
    expect(data.a.partnerCount).toBe(4);
    expect(data.a.people.map((r: any) => r.title)).toContain('Director-General');
    expect(data.b.name).toBe(ICESCO);
    expect(data.c.parent.name).toBe('Leibniz Association');
    expect(data.d).toBeNull();
  });

  it('answers search, stats, documents and partnership', async () => {
    const response = await post(
      server,
      gql`{ search(text: "leibniz") { type entity { name } score }
         stats { labels { label count } topOrganizations { organization { name } partnerCount } partnershipsPerYear { year count } agreementsByStatus { status count } }
         documents { totalCount edges { node { id publishedAt } } }
         partnership(a: "LIKAT", b: "icesco") { kinds evidence { document { id } } } }`,
    );
    expect(response.body.errors).toBeUndefined();
    const data = response.body.data!;
    expect(data.search.map((h: any) => h.entity.name)).toContain('Leibniz Association');
    expect(data.stats.topOrganizations[0]).toEqual({ organization: { name: ICESCO }, partnerCount: 4 });
    expect(data.stats.labels.find((l: any) => l.label === 'Document').count).toBe(2);
    expect(data.documents.edges.map((e: any) => e.node.id)).toEqual([KZ, LEIBNIZ]);
    expect(data.partnership.kinds).toContain('MOU');
    expect(data.partnership.evidence[0].document.id).toBe(LEIBNIZ);
  });

  it('gives the same whole-graph figures beside the network (read once for both) as alone', async () => {
    const figures = 'labels { label count } topOrganizations { organization { name } partnerCount } partnershipsPerYear { year count } partnershipsPerArea { area count } agreementsByStatus { status count }';
    const alone = await post(server, `{ stats { ${figures} } }`);
    const beside = await post(server, `{ network { totalOrganizations } stats { ${figures} } }`);
    expect(alone.body.errors).toBeUndefined();
    expect(beside.body.errors).toBeUndefined();
    expect(beside.body.data!.stats.topOrganizations.length).toBeGreaterThan(0);
    expect(beside.body.data!.stats.partnershipsPerYear.length).toBeGreaterThan(0);
    expect(beside.body.data!.stats).toEqual(alone.body.data!.stats);
  });

  it('serves a document with its text, and the status history of agreements with sentences at their offsets', async () => {
    const response = await post(
      server,
      gql`query ($id: ID!) {
         document(id: $id) { id title text }
         missing: document(id: "no-such-document") { id }
         agreements(first: 10) { edges { node { name status statusHistory { status date evidence { text start end document { id text } } } } } }
       }`,
      { id: LEIBNIZ },
    );
    expect(response.body.errors).toBeUndefined();
    const data = response.body.data!;
    expect(data.document.id).toBe(LEIBNIZ);
    expect(data.document.text).toContain('Leibniz');
    expect(data.missing).toBeNull();
    const histories = data.agreements.edges.map((e: any) => e.node);
    expect(histories.some((a: any) => a.statusHistory.length > 0)).toBe(true);
    for (const agreement of histories) {
      const dates = agreement.statusHistory.map((c: any) => c.date);
      expect([...dates].sort()).toEqual(dates);
      if (agreement.statusHistory.length > 0) expect(agreement.statusHistory.map((c: any) => c.status)).toContain(agreement.status);
      for (const change of agreement.statusHistory) {
        expect(['PROPOSED', 'DRAFTED', 'SIGNED', 'ENDED']).toContain(change.status);
        expect(change.evidence.document.text.slice(change.evidence.start, change.evidence.end)).toBe(change.evidence.text);
      }
    }
    const tooLong = await post(server, `{ document(id: "${'x'.repeat(257)}") { id } }`);
    expect(codes(tooLong)).toEqual(['BAD_USER_INPUT']);
  });

  it('serves agreements with their parties and evidence, people with their roles, and events with participants', async () => {
    const before = graph.reads;
    const response = await post(
      server,
      gql`{ agreements(party: "icesco", status: PROPOSED) { totalCount edges { node { name status parties { name } evidence(first: 1) { document { id } } } } }
         person(name: "matthias kleiner") { name roles { title organization { name } evidence(first: 1) { text } } documents { id } }
         organization(name: "Leibniz Association") { events { name } agreements { name } units { name partnerCount } documents { id } } }`,
    );
    expect(response.body.errors).toBeUndefined();
    const data = response.body.data!;
    expect(data.agreements.totalCount).toBe(2);
    for (const { node } of data.agreements.edges) {
      expect(node.status).toBe('PROPOSED');
      expect(node.parties.map((p: any) => p.name)).toContain(ICESCO);
      expect(node.evidence[0].document.id).toBe(LEIBNIZ);
    }
    expect(data.person.roles).toEqual([{ title: 'President', organization: { name: 'Leibniz Association' }, evidence: [{ text: expect.stringContaining('Kleiner') }] }]);
    expect(data.person.documents).toEqual([{ id: LEIBNIZ }]);
    expect(data.organization.events.map((e: any) => e.name)).toContain('ICESCO Forum on Scientific Paper and Patent Writing');
    expect(data.organization.units).toEqual([{ name: 'Leibniz Institute for Catalysis', partnerCount: 1 }]);
    // 3 top-level fields + the lookup of agreements' party + one batch per nested field (10 here), whatever the number of items.
    expect(graph.reads - before).toBe(14);
  });

  it('makes the same number of database round trips for one partner as for four (no N+1)', async () => {
    const count = async (first: number) => {
      const before = graph.reads;
      const response = await post(server, PARTNERS, { of: 'ICESCO', first });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.partners.edges).toHaveLength(first);
      return graph.reads - before;
    };
    const one = await count(1);
    const four = await count(4);
    expect(four).toBe(one);
    // The name lookup + partners (with evidence) + one batch for partnerCount + one for areas.
    expect(one).toBe(4);
  });

  it('refuses bad arguments with BAD_USER_INPUT', async () => {
    const cases = [
      gql`{ partners(of: "ICESCO", first: 10000) { totalCount } }`,
      gql`{ partners(of: "ICESCO", first: 101) { totalCount } }`,
      gql`{ partners(of: "ICESCO", first: -1) { totalCount } }`,
      gql`{ partners(of: "") { totalCount } }`,
      gql`{ organization(name: "   ") { name } }`,
      gql`{ partners(of: "ICESCO", since: "2021-02-30") { totalCount } }`,
      gql`{ partners(of: "ICESCO", since: "21 January 2021") { totalCount } }`,
      gql`{ partners(of: "ICESCO", after: "not-a-cursor") { totalCount } }`,
      gql`{ connection(from: "ICESCO", to: "DAAD", maxHops: 99) { length } }`,
    ];
    for (const query of cases) {
      const response = await post(server, query);
      expect(codes(response), documentText(query)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors![0]!.extensions.stacktrace, documentText(query)).toBeUndefined();
    }
    const variable = await post(server, gql`query($d: Date) { partners(of: "ICESCO", since: $d) { totalCount } }`, { d: '2021-13-01' });
    expect(codes(variable)).toEqual(['BAD_USER_INPUT']);
    const unknown = await post(server, gql`{ partners(of: "Nobody Known") { totalCount } }`);
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
  });

  it('refuses a query nested 20 levels deep before running it', async () => {
    const before = graph.reads;
    const deep = `{ organization(name: "ICESCO") { ${'units { '.repeat(19)}name${' }'.repeat(19)} } }`;
    const response = await post(server, deep);
    expect(response.status).toBe(400);
    expect(response.body.errors!.some((e) => /depth limit of 10/.test(e.message))).toBe(true);
    expect(graph.reads).toBe(before);
  });

  it('refuses too many aliases, too high a cost and too many tokens before running anything', async () => {
    const before = graph.reads;
    const aliases = await post(server, `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: organization(name: "ICESCO") { name }`).join(' ')} }`);
    expect(aliases.status).toBe(400);
    expect(aliases.body.errors![0]!.message).toMatch(/Aliases limit of 15/);
    const cost = await post(server, gql`{ partners(of: "ICESCO", first: 100) { edges { node { evidence(first: 50) { document { id } } } } } }`);
    expect(cost.status).toBe(400);
    expect(cost.body.errors![0]!.message).toMatch(/Cost limit of 5000/);
    const tokens = await post(server, `{ organization(name: "ICESCO") { ${'name '.repeat(2100)} } }`);
    expect(tokens.status).toBe(400);
    expect(codes(tokens)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(graph.reads).toBe(before);
  });

  it('refuses a request body over GRAPHQL_MAX_REQUEST_BYTES with 413', async () => {
    const response = await post(server, `{ search(text: "${'x'.repeat(20_000)}") { score } }`);
    expect(response.status).toBe(413);
  });

  it('refuses mutations without the bearer token, ingests and deletes with it', async () => {
    const text = readFileSync(path.join(ROOT, 'tests/fixtures/dev/docs/dev01-sfax-laval-mou.txt'), 'utf8');
    const mutation = gql`mutation($input: IngestDocumentInput!) { ingestDocument(input: $input) {
      outcome document { id title publishedAt } organizations { name } people { name } partnerships { partner { name } kinds }
      entityCount relationCount nodesCreated relationshipsCreated } }`;
    const input = { text, id: 'api-test-sfax' };
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: TOKEN }];
    for (const headers of attempts) {
      const refused = await post(server, mutation, { input }, headers);
      expect(refused.status).toBe(401);
      expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
    }
    expect((await post(server, gql`{ organization(name: "University of Sfax") { name } }`)).body.data!.organization).toBeNull();

    const auth = { authorization: `Bearer ${TOKEN}` };
    const ingested = await post(server, mutation, { input }, auth);
    expect(ingested.body.errors).toBeUndefined();
    const result = ingested.body.data!.ingestDocument;
    expect(result.outcome).toBe('NEW');
    expect(result.document.id).toBe('api-test-sfax');
    expect(result.organizations.map((o: any) => o.name)).toEqual(expect.arrayContaining(['University of Sfax']));
    expect(result.nodesCreated).toBeGreaterThan(0);
    expect(result.entityCount).toBeGreaterThan(0);
    const partners = await post(server, gql`{ partners(of: "University of Sfax") { edges { node { partner { name } evidence { document { id } } } } } }`);
    expect(partners.body.errors).toBeUndefined();
    expect(partners.body.data!.partners.edges.length).toBeGreaterThan(0);
    expect(partners.body.data!.partners.edges[0].node.evidence[0].document.id).toBe('api-test-sfax');

    const again = await post(server, mutation, { input }, auth);
    expect(again.body.data!.ingestDocument.outcome).toBe('UNCHANGED');

    const deleteMutation = gql`mutation($id: ID!) { deleteDocument(id: $id) { id deleted nodesDeleted relationshipsDeleted } }`;
    expect(codes(await post(server, deleteMutation, { id: 'api-test-sfax' }))).toEqual(['UNAUTHENTICATED']);
    const deleted = await post(server, deleteMutation, { id: 'api-test-sfax' }, auth);
    expect(deleted.body.errors).toBeUndefined();
    expect(deleted.body.data!.deleteDocument).toMatchObject({ id: 'api-test-sfax', deleted: true });
    expect(deleted.body.data!.deleteDocument.nodesDeleted).toBeGreaterThan(0);
    expect((await post(server, gql`{ organization(name: "University of Sfax") { name } }`)).body.data!.organization).toBeNull();
    const documents = await post(server, gql`{ documents { totalCount } }`);
    expect(documents.body.data!.documents.totalCount).toBe(2);
  });

  it('refuses every mutation when no API_TOKEN is configured, saying how to enable them', async () => {
    const open = await createApiServer(loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), API_TOKEN: '', PORT: '0', NODE_ENV: 'test' }), graph);
    try {
      const response = await post(open, gql`mutation { deleteDocument(id: "x") { deleted } }`, {}, { authorization: 'Bearer anything-at-all-here' });
      expect(codes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.body.errors![0]!.message).toMatch(/set API_TOKEN/);
    } finally {
      await open.stop();
    }
  });

  it('answers /healthz and /readyz, and serves static routes without leaving their folder', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/dashboard/');
    const index = await rawGet(server, '/dashboard/');
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(index.body).toContain('<title>dashboard</title>');
    expect(await rawGet(server, '/dashboard/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    for (const attempt of ['/dashboard/../package.json', '/dashboard/%2e%2e/package.json', '/dashboard/..%2fpackage.json', '/dashboard/missing.js']) {
      const response = await rawGet(server, attempt);
      expect(response.status, attempt).toBe(404);
      expect(response.body, attempt).not.toContain('"name"');
    }
  });

  it('reports 503 on /readyz and SERVICE_UNAVAILABLE for queries when Neo4j is unreachable', async () => {
    const downConfig = loadConfig({ ...process.env, NEO4J_URI: 'bolt://127.0.0.1:9', PORT: '0', NODE_ENV: 'test', QUERY_TIMEOUT_MS: '1000' });
    const down = new Graph(downConfig.neo4j, 'bolt://127.0.0.1:9');
    const unreachable = await createApiServer(downConfig, down);
    try {
      expect((await fetch(`${unreachable.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${unreachable.url}/readyz`)).status).toBe(503);
      const started = Date.now();
      const response = await post(unreachable, gql`{ partners(of: "ICESCO") { totalCount } }`);
      expect(codes(response)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await unreachable.stop();
      await down.close();
    }
  });
});
