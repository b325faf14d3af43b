/**
 * Curation judgements over HTTP against a real Neo4j holding the two example
 * texts of ingest/: reject, confirm and rename change answers at once and
 * after re-ingestion; revert takes them back; the log pages by keyset;
 * a merge is applied (and taken back on revert), and so is distinct.
 * This file owns the database while it runs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiServer } from '../../src/api/server.ts';
import type { ApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import type { Graph } from '../../src/graph/executor.ts';
import { deleteDocument, ingestText } from '../../src/pipeline/index.ts';
import { connectTestGraph } from '../support/graph.ts';
import { postGraphql } from '../support/graphql.ts';
import { wipe } from '../support/ingest-snapshot.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOKEN = 'curation-token-0123456789abcdef';
const LEIBNIZ_DOC = 'icesco-leibniz-2021-01-22';
const leibnizText = () => readFileSync(path.join(ROOT, 'ingest', `${LEIBNIZ_DOC}.txt`), 'utf8');


describe('curation judgements over HTTP on a real Neo4j', () => {
  let graph: Graph;
  let server: ApiServer;
  const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), API_TOKEN: TOKEN, PORT: '0', NODE_ENV: 'test' });

  const gql = (query: string, variables: Record<string, unknown> = {}, token: string | null = TOKEN) => postGraphql(server.url, token, query, variables);

  async function ok(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
    const body = await gql(query, variables);
    expect(body.errors, query).toBeUndefined();
    return body.data!;
  }

  const partnersOfIcesco = async (extra = '') =>
    (await ok(`{ partners(of: "ICESCO"${extra}) { totalCount edges { node { partner { name } rejected judged evidenceCount } } } }`)).partners;

  beforeAll(async () => {
    graph = await connectTestGraph();
    await wipe(graph);
    for (const id of ['icesco-kazakhstan-2022-09-13', LEIBNIZ_DOC]) {
      await ingestText(graph, { text: readFileSync(path.join(ROOT, 'ingest', `${id}.txt`), 'utf8'), id });
    }
    server = await createApiServer(config, graph, { warmUp: false });
  });

  afterAll(async () => {
    await server?.stop();
    if (graph) await wipe(graph);
    await graph?.close();
  });

  const REJECT = `mutation($from: String!, $to: String!) {
    rejectRelation(input: {relation: PARTNERS_WITH, from: $from, to: $to}, author: "Ada", reason: "DAAD funds the scholarship; it is no partner") {
      id kind author reason applied reverted relation names entities { name }
    }
  }`;

  it('refuses judgements without the bearer token', async () => {
    const body = await gql(REJECT, { from: 'ICESCO', to: 'DAAD' }, null);
    expect(body.errors?.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    expect((await partnersOfIcesco()).totalCount).toBe(4);
  });

  let rejectId = '';

  it('leaves a rejected partnership out of default answers, keeps its statements, and keeps it rejected after re-ingestion', async () => {
    const before = await partnersOfIcesco();
    expect(before.edges.map((e: any) => e.node.partner.name)).toContain('DAAD');

    const { rejectRelation } = await ok(REJECT, { from: 'icesco', to: 'daad' });
    rejectId = rejectRelation.id;
    expect(rejectRelation).toMatchObject({ kind: 'REJECT', author: 'Ada', applied: true, reverted: false, relation: 'PARTNERS_WITH', names: ['icesco', 'daad'] });
    expect(rejectRelation.entities.map((e: any) => e.name).sort()).toEqual(['DAAD', 'Islamic World Educational, Scientific, and Cultural Organization']);

    const check = async () => {
      const after = await partnersOfIcesco();
      expect(after.totalCount).toBe(3);
      expect(after.edges.map((e: any) => e.node.partner.name)).not.toContain('DAAD');
      const all = await partnersOfIcesco(', includeRejected: true');
      const daad = all.edges.find((e: any) => e.node.partner.name === 'DAAD').node;
      expect(daad).toMatchObject({ rejected: true, judged: true });
      // The statements stay.
      expect(daad.evidenceCount).toBeGreaterThan(0);
      const data = await ok(`{ organization(name: "ICESCO") { partnerCount } partnership(a: "ICESCO", b: "DAAD") { status } d: organization(name: "DAAD") { judged } }`);
      expect(data).toEqual({ organization: { partnerCount: 3 }, partnership: null, d: { judged: true } });
    };
    await check();

    // Re-ingest the document: a changed version (retracted and written again), then deleted and ingested anew.
    const updated = await ingestText(graph, { text: `${leibnizText()}\nThe parties will meet again next year.\n`, id: LEIBNIZ_DOC });
    expect(updated.outcome).toBe('updated');
    await check();
    expect((await deleteDocument(graph, LEIBNIZ_DOC)).deleted).toBe(true);
    expect((await ingestText(graph, { text: leibnizText(), id: LEIBNIZ_DOC })).outcome).toBe('new');
    await check();
  });

  it('marks a confirmed role and shows a renamed organisation under its new name, also after re-ingestion, and finds it by that name', async () => {
    const { confirmRelation } = await ok(`mutation {
      confirmRelation(input: {relation: HOLDS_ROLE, from: "Prof. Matthias Kleiner", to: "Leibniz Association"}, author: "Ada", reason: "checked on leibniz-gemeinschaft.de") { kind applied title }
    }`);
    expect(confirmRelation).toEqual({ kind: 'CONFIRM', applied: true, title: null });
    const { renameEntity } = await ok(`mutation {
      renameEntity(name: "Leibniz Association", to: "Leibniz-Gemeinschaft", author: "Ada", reason: "its own name") { kind name applied }
    }`);
    expect(renameEntity).toEqual({ kind: 'RENAME', name: 'Leibniz-Gemeinschaft', applied: true });

    const check = async () => {
      const data = await ok(`{
        person(name: "Matthias Kleiner") { judged roles { title confirmed judged organization { name } } }
        organization(name: "Leibniz-Gemeinschaft") { name judged }
        old: organization(name: "Leibniz Association") { name }
        partners(of: "ICESCO") { edges { node { partner { name } } } }
      }`);
      expect(data.person.roles).toEqual([{ title: 'President', confirmed: true, judged: true, organization: { name: 'Leibniz-Gemeinschaft' } }]);
      expect(data.person.judged).toBe(true);
      expect(data.organization).toEqual({ name: 'Leibniz-Gemeinschaft', judged: true });
      expect(data.old).toEqual({ name: 'Leibniz-Gemeinschaft' });
      expect(data.partners.edges.map((e: any) => e.node.partner.name)).toContain('Leibniz-Gemeinschaft');
    };
    await check();
    const updated = await ingestText(graph, { text: `${leibnizText()}\nBoth sides praised the results.\n`, id: LEIBNIZ_DOC });
    expect(updated.outcome).toBe('updated');
    await check();
  });

  it('applies a merge at once and takes it back on revert; applies distinct', async () => {
    const MINISTRY = 'Ministry of Science and Higher Education of the Republic of Kazakhstan';
    const ministryId = (await ok(`{ organization(name: "${MINISTRY}") { id } }`)).organization.id;
    expect(ministryId).not.toBe('org-daad');
    const data = await ok(`mutation {
      m: mergeEntities(names: ["${MINISTRY}", "DAAD"], author: "Bo", reason: "test merge") { id kind applied }
      d: markDistinct(a: "Dr. Salim M. Al Malik", b: "Matthias Kleiner", type: PERSON, author: "Bo", reason: "two people") { kind applied names entities { name } }
    }`);
    expect(data.m).toMatchObject({ kind: 'MERGE', applied: true });
    const both = await ok(`{ a: organization(name: "${MINISTRY}") { id } b: organization(name: "DAAD") { id } }`);
    expect(both).toEqual({ a: { id: 'org-daad' }, b: { id: 'org-daad' } });
    // Two nodes today: kept apart, naming both.
    expect(data.d).toMatchObject({ kind: 'DISTINCT', applied: true, names: ['Dr. Salim M. Al Malik', 'Matthias Kleiner'] });
    expect(data.d.entities.map((e: any) => e.name).sort()).toEqual(['Matthias Kleiner', 'Salim M. Al Malik']);

    const { revertJudgement } = await ok(`mutation { revertJudgement(id: "${data.m.id}", author: "Bo", reason: "two bodies") { applied } }`);
    expect(revertJudgement).toEqual({ applied: false });
    const apart = await ok(`{ a: organization(name: "${MINISTRY}") { id name } b: organization(name: "DAAD") { id } }`);
    expect(apart).toEqual({ a: { id: ministryId, name: MINISTRY }, b: { id: 'org-daad' } });
  });

  it('pages the log newest first by keyset, filters it by entity, and reverts a reject', async () => {
    const seen: Array<{ id: string; kind: string; at: string }> = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const data = await ok('query($after: String) { judgements(first: 2, after: $after) { edges { node { id kind at } } pageInfo { hasNextPage endCursor } } }', { after });
      expect(data.judgements.edges.length).toBeLessThanOrEqual(2);
      seen.push(...data.judgements.edges.map((e: any) => e.node));
      if (!data.judgements.pageInfo.hasNextPage) break;
      after = data.judgements.pageInfo.endCursor;
    }
    // Every judgement once, newest first.
    expect(seen.map((j) => j.kind).sort()).toEqual(['CONFIRM', 'DISTINCT', 'MERGE', 'REJECT', 'RENAME']);
    expect(new Set(seen.map((j) => j.id)).size).toBe(5);
    expect(seen.map((j) => j.at)).toEqual(seen.map((j) => j.at).sort().reverse());
    expect(seen[seen.length - 1]!.kind).toBe('REJECT');

    const daad = await ok('{ judgements(entity: "daad") { edges { node { id kind } } } }');
    expect(daad.judgements.edges.map((e: any) => e.node.kind)).toEqual(['MERGE', 'REJECT']);
    expect(daad.judgements.edges[1].node.id).toBe(rejectId);

    const { revertJudgement } = await ok('mutation($id: ID!) { revertJudgement(id: $id, author: "Ada", reason: "DAAD co-signs after all") { reverted applied revertedBy } }', { id: rejectId });
    expect(revertJudgement).toEqual({ reverted: true, applied: false, revertedBy: 'Ada' });
    const after4 = await partnersOfIcesco();
    expect(after4.totalCount).toBe(4);
    expect(after4.edges.find((e: any) => e.node.partner.name === 'DAAD').node).toMatchObject({ rejected: false, judged: true });

    const unknown = await gql('mutation { revertJudgement(id: "judgement-nope", author: "Ada") { id } }');
    expect(unknown.errors?.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    const badCursor = await gql('{ judgements(after: "bm90LWEtY3Vyc29y") { edges { cursor } } }');
    expect(badCursor.errors?.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
  });
});
