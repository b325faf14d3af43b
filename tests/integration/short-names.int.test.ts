/**
 * Organisations carry a short name (the Neo4j Browser's caption): set by the
 * step that follows each ingestion write, single text or batch, and by the
 * start-up refresh for graphs written before the property existed.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Graph } from '../../src/graph/executor.ts';
import { refreshShortNames } from '../../src/graph/short-names.ts';
import { deleteDocument, ingestPaths, ingestText } from '../../src/pipeline/index.ts';
import { connectTestGraph } from '../support/graph.ts';

const ROOT = loadConfig().rootDir;
const run = `sn-${Date.now().toString(36)}`;

describe('Organization.shortName (real Neo4j)', () => {
  let graph: Graph;
  let folder: string;
  const documents: string[] = [];

  const icesco = async () =>
    (
      await graph.readRows<{ name: string; shortName: string | null }>({
        cypher: "MATCH (o:Organization) WHERE 'ICESCO' IN o.aliases RETURN o.name AS name, o.shortName AS shortName",
        params: {},
      })
    )[0];
  const forget = () => graph.writeRows({ cypher: "MATCH (o:Organization) WHERE 'ICESCO' IN o.aliases REMOVE o.shortName", params: {} });

  beforeAll(async () => {
    graph = await connectTestGraph();
    folder = mkdtempSync(path.join(os.tmpdir(), 'short-names-'));
  });

  afterAll(async () => {
    for (const id of documents) await deleteDocument(graph, id);
    rmSync(folder, { recursive: true, force: true });
    await graph?.close();
  });

  it('gives ICESCO its acronym when a text is ingested, and keeps short names as they are', async () => {
    const id = `${run}-text`;
    documents.push(id);
    await ingestText(graph, { id, text: readFileSync(path.join(ROOT, 'ingest', 'icesco-leibniz-2021-01-22.txt'), 'utf8') });
    expect(await icesco()).toEqual({ name: expect.stringMatching(/^Islamic World Educational/), shortName: 'ICESCO' });
    const [leibniz] = await graph.readRows<{ shortName: string }>({ cypher: "MATCH (o:Organization {name: 'Leibniz Association'}) RETURN o.shortName AS shortName", params: {} });
    expect(leibniz?.shortName).toBe('Leibniz Association');
  });

  it('sets it again when a batch of files mentioning the organisation is ingested', async () => {
    await forget();
    expect((await icesco())?.shortName).toBeNull();
    const file = path.join(folder, `${run}-kazakhstan.txt`);
    copyFileSync(path.join(ROOT, 'ingest', 'icesco-kazakhstan-2022-09-13.txt'), file);
    const summary = await ingestPaths(graph, [folder]);
    expect(summary.failed).toEqual([]);
    expect(summary.new + summary.updated).toBe(1);
    const [written] = await graph.readRows<{ id: string }>({
      cypher: 'MATCH (d:Document) WHERE d.id CONTAINS $run RETURN d.id AS id ORDER BY d.ingestedAt DESC LIMIT 1',
      params: { run: `${run}-kazakhstan` },
    });
    if (written) documents.push(written.id);
    expect((await icesco())?.shortName).toBe('ICESCO');
  });

  it('fills in missing short names of the whole graph at start, and then has nothing left to write', async () => {
    await forget();
    expect(await refreshShortNames(graph, null)).toBeGreaterThanOrEqual(1);
    expect((await icesco())?.shortName).toBe('ICESCO');
    expect(await refreshShortNames(graph, null)).toBe(0);
  });
});
