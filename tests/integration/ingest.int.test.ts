/**
 * Ingestion against a real Neo4j: the two real ICESCO articles, idempotence,
 * deletion with shared facts, replacement of a changed document, failures.
 * This file owns the database while it runs (the tier runs files one at a time).
 */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/executor.ts';
import { deleteDocument, ingestDocuments, ingestPaths, ingestText } from '../../src/pipeline/index.ts';
import { connectTestGraph } from '../support/graph.ts';
import { countAll, pictureOf, wipe } from '../support/ingest-snapshot.ts';

const KAZ = 'ingest/icesco-kazakhstan-2022-09-13.txt';
const LEIBNIZ = 'ingest/icesco-leibniz-2021-01-22.txt';
const KAZ_ID = 'icesco-kazakhstan-2022-09-13';
const LEIBNIZ_ID = 'icesco-leibniz-2021-01-22';

describe('ingesting the two real ICESCO articles', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await connectTestGraph();
  });
  beforeEach(async () => {
    await wipe(graph);
  });
  afterAll(async () => {
    await wipe(graph);
    await graph.close();
  });

  const rows = <T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}) => graph.readRows<T>({ cypher, params });

  it('builds one graph: one ICESCO with its aliases, AlMalik as Director-General, both partners, LIKAT part of Leibniz', async () => {
    const summary = await ingestPaths(graph, [KAZ, LEIBNIZ], { workers: 2 });
    expect(summary).toMatchObject({ new: 2, unchanged: 0, updated: 0, failed: [], documents: 2 });
    expect(summary.nodesCreated).toBeGreaterThan(0);

    const icesco = await rows<{ id: string; name: string; aliases: string[] }>(
      "MATCH (:Alias {key: 'Organization|icesco'})-[:ALIAS_OF]->(o:Organization) RETURN o.id AS id, o.name AS name, o.aliases AS aliases",
    );
    expect(icesco).toHaveLength(1);
    expect(icesco[0]!.name).toBe('Islamic World Educational, Scientific, and Cultural Organization');
    expect(icesco[0]!.aliases).toContain('ICESCO');
    const icescoId = icesco[0]!.id;
    // Found by its full name too, and mentioned by both documents.
    expect(
      await rows("MATCH (:Alias {key: 'Organization|islamic world educational scientific and cultural organization'})-[:ALIAS_OF]->(o {id: $id}) RETURN o", { id: icescoId }),
    ).toHaveLength(1);
    expect(await rows('MATCH (d:Document)-[:MENTIONS]->(:Organization {id: $id}) RETURN d.id AS id ORDER BY id', { id: icescoId })).toEqual([{ id: KAZ_ID }, { id: LEIBNIZ_ID }]);

    const almalik = await rows<{ id: string; title: string; documentCount: number }>(
      `MATCH (p:Person)-[r:HOLDS_ROLE]->(:Organization {id: $id})
       WHERE any(a IN p.aliases + [p.name] WHERE toLower(a) CONTAINS 'malik')
       RETURN p.id AS id, r.title AS title, r.documentCount AS documentCount`,
      { id: icescoId },
    );
    expect(almalik).toEqual([{ id: expect.any(String), title: 'Director-General', documentCount: 2 }]);
    expect(await rows("MATCH (p:Person) WHERE toLower(p.name) CONTAINS 'malik' RETURN p")).toHaveLength(1);

    const partners = await rows<{ name: string; kinds: string[]; status: string }>(
      `MATCH (o:Organization {id: $id})-[r:PARTNERS_WITH]-(p:Organization) RETURN p.name AS name, r.kinds AS kinds, r.status AS status ORDER BY name`,
      { id: icescoId },
    );
    const names = partners.map((p) => p.name);
    expect(names).toContain('Leibniz Association');
    expect(names.some((n) => /Ministry of Science and Higher Education/.test(n))).toBe(true);
    for (const p of partners) expect(p.status).toBe('active');
    // One edge per unordered pair, directed from the smaller id.
    const directions = await rows<{ a: string; b: string }>('MATCH (a)-[:PARTNERS_WITH]->(b) RETURN a.id AS a, b.id AS b');
    for (const d of directions) expect(d.a < d.b).toBe(true);
    expect(new Set(directions.map((d) => `${d.a}|${d.b}`)).size).toBe(directions.length);

    expect(
      await rows("MATCH (:Organization {name: 'Leibniz Institute for Catalysis'})-[:PART_OF]->(:Organization {name: 'Leibniz Association'}) RETURN 1 AS one"),
    ).toEqual([{ one: 1 }]);

    // Every aggregated edge has statements with evidence, reachable through its key.
    const unsupported = await rows(
      'MATCH ()-[r]->() WHERE type(r) IN $types AND NOT EXISTS { MATCH (s:Statement {factKey: r.key})-[:STATED_IN]->(:Document) } RETURN r',
      { types: ['PARTNERS_WITH', 'HOLDS_ROLE', 'PART_OF', 'PARTY_TO', 'PARTICIPATED_IN', 'BASED_IN', 'LOCATED_IN', 'CONCERNS'] },
    );
    expect(unsupported).toEqual([]);
    const [evidence] = await rows<{ text: string; start: number; end: number; documentText: string }>(
      `MATCH (:Organization {id: $id})-[r:PARTNERS_WITH]-(:Organization {name: 'Leibniz Association'})
       MATCH (s:Statement {factKey: r.key})-[:STATED_IN]->(d:Document)
       RETURN s.text AS text, s.start AS start, s.end AS end, d.text AS documentText LIMIT 1`,
      { id: icescoId },
    );
    expect(evidence!.documentText.slice(evidence!.start, evidence!.end)).toBe(evidence!.text);
  });

  it('creates nothing on a second ingest of the same files', async () => {
    await ingestPaths(graph, [KAZ, LEIBNIZ]);
    const before = await pictureOf(graph);
    const again = await ingestPaths(graph, [KAZ, LEIBNIZ]);
    expect(again).toMatchObject({ new: 0, unchanged: 2, updated: 0, nodesCreated: 0, relationshipsCreated: 0 });
    const text = await ingestText(graph, { text: readFileSync(KAZ, 'utf8'), id: KAZ_ID });
    expect(text).toMatchObject({ outcome: 'unchanged', nodesCreated: 0, relationshipsCreated: 0 });
    expect(Object.values(text.entityIds).length).toBe(text.extraction.entities.length);
    expect(await pictureOf(graph)).toEqual(before);
  });

  it('deleting one document removes its exclusive facts and keeps the shared ones', async () => {
    await ingestPaths(graph, [KAZ]);
    const kazakhstanAlone = await pictureOf(graph);
    await ingestPaths(graph, [LEIBNIZ]);

    const result = await deleteDocument(graph, LEIBNIZ_ID);
    expect(result).toMatchObject({ id: LEIBNIZ_ID, deleted: true });
    expect(result.nodesDeleted).toBeGreaterThan(0);

    expect(await rows("MATCH (:Alias {key: 'Organization|icesco'})-[:ALIAS_OF]->(o) RETURN o.id AS id")).toHaveLength(1);
    expect(await rows("MATCH (o:Organization) WHERE o.name STARTS WITH 'Leibniz' RETURN o")).toEqual([]);
    expect(await rows("MATCH (a:Alias) WHERE a.key IN ['Organization|likat', 'Organization|leibniz association'] RETURN a")).toEqual([]);
    const roleEvidence = await rows<{ documentId: string }>(
      `MATCH (:Person)-[r:HOLDS_ROLE]->(:Organization)<-[:ALIAS_OF]-(:Alias {key: 'Organization|icesco'})
       MATCH (s:Statement {factKey: r.key})-[:STATED_IN]->(d:Document) RETURN DISTINCT d.id AS documentId`,
    );
    expect(roleEvidence).toEqual([{ documentId: KAZ_ID }]);
    // What is left is exactly what the other document alone gives.
    expect(await pictureOf(graph)).toEqual(kazakhstanAlone);

    expect(await deleteDocument(graph, LEIBNIZ_ID)).toEqual({ id: LEIBNIZ_ID, deleted: false, nodesDeleted: 0, relationshipsDeleted: 0 });
    await deleteDocument(graph, KAZ_ID);
    expect(await countAll(graph)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('replaces the facts of a document whose text changed', async () => {
    const first = await ingestText(graph, { id: 'changing', text: readFileSync(LEIBNIZ, 'utf8') });
    expect(first.outcome).toBe('new');
    expect(first.nodesCreated).toBeGreaterThan(0);
    expect(Object.values(first.entityIds)).toContain('org-likat');

    const second = await ingestText(graph, { id: 'changing', text: readFileSync(KAZ, 'utf8') });
    expect(second.outcome).toBe('updated');
    const replaced = await pictureOf(graph);
    expect(await rows("MATCH (o:Organization) WHERE o.name STARTS WITH 'Leibniz' RETURN o")).toEqual([]);
    expect(await rows('MATCH (d:Document) RETURN d.id AS id')).toEqual([{ id: 'changing' }]);

    // The same graph as ingesting the new text alone.
    await wipe(graph);
    await ingestText(graph, { id: 'changing', text: readFileSync(KAZ, 'utf8') });
    const fresh = await pictureOf(graph);
    expect(replaced.nodeLines).toEqual(fresh.nodeLines);
    expect(replaced.relationshipLines).toEqual(fresh.relationshipLines);
  });

  it('reports a failing document (empty, binary) and ingests the others', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ingest-test-'));
    try {
      writeFileSync(path.join(dir, 'a-empty.txt'), '   \n');
      writeFileSync(path.join(dir, 'b-binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
      writeFileSync(path.join(dir, 'c-good.txt'), readFileSync(LEIBNIZ));
      const summary = await ingestPaths(graph, [dir]);
      expect(summary.new).toBe(1);
      expect(summary.failed.map((f) => [path.basename(f.source), f.code])).toEqual([
        ['a-empty.txt', 'EMPTY_DOCUMENT'],
        ['b-binary.txt', 'NOT_TEXT'],
      ]);
      expect(await rows('MATCH (d:Document) RETURN d.id AS id')).toEqual([{ id: 'c-good' }]);
      await expect(ingestText(graph, { text: '' })).rejects.toMatchObject({ code: 'EMPTY_DOCUMENT' });
      await expect(ingestText(graph, { text: 'a\u0000b' })).rejects.toMatchObject({ code: 'NOT_TEXT' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops on a database outage with SERVICE_UNAVAILABLE, and a re-run completes the work without duplicates', async () => {
    const docs = [KAZ, LEIBNIZ].map((file) => ({
      kind: 'document' as const,
      id: path.basename(file, '.txt'),
      text: readFileSync(file, 'utf8'),
      sourcePath: file,
    }));
    await ingestDocuments(graph, docs, { batchSize: 1 });
    const expected = await pictureOf(graph);
    await wipe(graph);

    // The database goes away after the first document's transaction.
    let writes = 0;
    const realWrite = graph.write.bind(graph);
    const { AppError } = await import('../../src/errors.ts');
    graph.write = (async (work: never, options: never) => {
      writes += 1;
      if (writes > 1) throw new AppError('SERVICE_UNAVAILABLE', 'The graph database is not reachable; try again shortly.');
      return realWrite(work, options);
    }) as typeof graph.write;
    try {
      await expect(ingestDocuments(graph, docs, { batchSize: 1 })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    } finally {
      graph.write = realWrite;
    }
    expect(await rows('MATCH (d:Document) RETURN count(d) AS n')).toEqual([{ n: 1 }]);

    const rerun = await ingestDocuments(graph, docs, { batchSize: 1 });
    expect(rerun).toMatchObject({ new: 1, unchanged: 1, failed: [] });
    expect(await pictureOf(graph)).toEqual(expected);
  });
});
