/**
 * Loose name lookup on every field that takes a name, over HTTP against a
 * real Neo4j holding the two example texts of ingest/: honorific-free and
 * one-word forms, NOT_FOUND with suggestions, and sibling fields answered.
 * This file owns the database while it runs: it wipes it first and last.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiServer } from '../../src/api/server.ts';
import type { ApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import type { Graph } from '../../src/graph/executor.ts';
import { ingestText } from '../../src/pipeline/index.ts';
import { connectTestGraph } from '../support/graph.ts';
import { postGraphql } from '../support/graphql.ts';
import { wipe } from '../support/ingest-snapshot.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ICESCO = 'Islamic World Educational, Scientific, and Cultural Organization';

const gql = (server: ApiServer, query: string, variables: Record<string, unknown> = {}) => postGraphql(server.url, null, query, variables);

describe('loose name lookup over HTTP on a real Neo4j', () => {
  let graph: Graph;
  let server: ApiServer;
  const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), PORT: '0', NODE_ENV: 'test' });

  beforeAll(async () => {
    graph = await connectTestGraph();
    await wipe(graph);
    for (const id of ['icesco-kazakhstan-2022-09-13', 'icesco-leibniz-2021-01-22']) {
      await ingestText(graph, { text: readFileSync(path.join(ROOT, 'ingest', `${id}.txt`), 'utf8'), id });
    }
    server = await createApiServer(config, graph, { warmUp: false });
  });

  afterAll(async () => {
    await server?.stop();
    if (graph) await wipe(graph);
    await graph?.close();
  });

  it('finds an organisation by the one distinctive word of its name, in any case and with accents', async () => {
    const body = await gql(
      server,
      `{ a: organization(name: "leibniz") { name }
         b: organization(name: "LÉIBNIZ") { name }
         c: organization(name: "catalysis") { name } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ a: { name: 'Leibniz Association' }, b: { name: 'Leibniz Association' }, c: { name: 'Leibniz Institute for Catalysis' } });
  });

  it('takes the one-word form in partners, partnership, connection and agreements too', async () => {
    const body = await gql(
      server,
      `{ partners(of: "leibniz") { edges { node { organization { name } partner { name } } } }
         partnership(a: "leibniz", b: "icesco") { organization { name } partner { name } }
         connection(from: "nurbek", to: "Prof. Matthias Kleiner") { length }
         agreements(party: "catalysis") { totalCount } }`,
    );
    expect(body.errors).toBeUndefined();
    const data = body.data!;
    expect(data.partners.edges.map((e: any) => e.node.organization.name)).toContain('Leibniz Association');
    expect(data.partners.edges.map((e: any) => e.node.partner.name)).toContain(ICESCO);
    expect([data.partnership.organization.name, data.partnership.partner.name].sort()).toEqual([ICESCO, 'Leibniz Association'].sort());
    expect(data.connection[0].length).toBe(4);
    expect(data.agreements.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('finds a person with honorifics and with the surname written in two words', async () => {
    const body = await gql(
      server,
      `{ a: person(name: "Dr. Salim M. Al Malik") { id name }
         b: person(name: "H.E. Salim AlMalik") { id name }
         c: person(name: "Prof. Dr. Matthias Kleiner, PhD") { name } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.a.name).toMatch(/^Salim M\. Al ?Malik$/);
    expect(body.data!.b.id).toBe(body.data!.a.id);
    expect(body.data!.c.name).toBe('Matthias Kleiner');
  });

  it('answers NOT_FOUND with suggestions, best first, when a word fits several entities or none', async () => {
    const body = await gql(
      server,
      `{ a: person(name: "Matthias") { name }
         b: organization(name: "Leibnitz Associaton") { name }
         c: organization(name: "icesco") { name } }`,
    );
    const errors = (body.errors ?? []).sort((x, y) => String(x.path?.[0]).localeCompare(String(y.path?.[0])));
    expect(errors.map((e) => [e.path?.[0], e.extensions.code])).toEqual([
      ['a', 'NOT_FOUND'],
      ['b', 'NOT_FOUND'],
    ]);
    expect(errors[0]!.extensions.suggestions!.slice().sort()).toEqual(['Matthias Beller', 'Matthias Kleiner']);
    expect(errors[1]!.extensions.suggestions![0]).toBe('Leibniz Association');
    expect(errors[1]!.extensions.suggestions!.length).toBeLessThanOrEqual(5);
    expect(errors[1]!.message).toBe('No organisation is known by the name "Leibnitz Associaton".');
    // The sibling field is answered.
    expect(body.data!.c).toEqual({ name: ICESCO });
  });

  it('centres network(filter: {around}) on a one-word or honorific-free name, and answers NOT_FOUND with suggestions for an unknown one', async () => {
    const around = (name: string) =>
      gql(server, 'query($around: String) { network(filter: {around: $around}) { nodes { name } } documents { totalCount } }', { around: name });
    const exact = await around('Leibniz Association');
    expect(exact.errors).toBeUndefined();
    const names = exact.data!.network.nodes.map((n: any) => n.name);
    expect(names[0]).toBe('Leibniz Association');
    for (const name of ['leibniz', 'LÉIBNIZ', 'leibniz association']) {
      const loose = await around(name);
      expect(loose.errors).toBeUndefined();
      expect(loose.data!.network.nodes.map((n: any) => n.name)).toEqual(names);
    }
    const unknown = await around('Leibnitz Associaton');
    expect(unknown.errors!.map((e) => [e.path?.[0], e.extensions.code, e.extensions.details?.argument])).toEqual([['network', 'NOT_FOUND', 'filter.around']]);
    expect(unknown.errors![0]!.extensions.suggestions![0]).toBe('Leibniz Association');
    expect(unknown.errors![0]!.message).toBe('No organisation is known by the name "Leibnitz Associaton".');
    expect(unknown.data).toEqual({ network: null, documents: { totalCount: 2 } });
  });

  it('leaves sibling top-level fields answered when partners, connection or agreements name no one', async () => {
    const body = await gql(
      server,
      `{ partners(of: "Nobody Known") { totalCount }
         connection(from: "Nobody Known", to: "ICESCO") { length }
         agreements(party: "Nobody Known") { totalCount }
         partnership(a: "icesco", b: "Nobody Known") { status }
         documents { totalCount } }`,
    );
    // Errors come in the order the fields finish.
    const errors = (body.errors ?? []).map((e) => [e.path?.[0], e.extensions.code, e.extensions.details?.argument]);
    expect(errors.sort()).toEqual([
      ['agreements', 'NOT_FOUND', 'party'],
      ['connection', 'NOT_FOUND', 'from'],
      ['partners', 'NOT_FOUND', 'of'],
      ['partnership', 'NOT_FOUND', 'b'],
    ]);
    expect(body.data).toEqual({ partners: null, connection: null, agreements: null, partnership: null, documents: { totalCount: 2 } });
  });
});
