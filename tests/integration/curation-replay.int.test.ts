/**
 * Judgements applied when the graph is read (reject, confirm, rename) hold
 * when the same documents are ingested again, skipped as unchanged or
 * extracted again with `reextract` (what a changed extractor needs), when new
 * documents name the same entities, when documents are deleted, and when the
 * graph is rebuilt from its documents in another order; the re-extraction
 * leaves the whole graph as it was, property for property, and reverting the
 * three judgements gives back the graph and the answers of before.
 * This file owns the database while it runs.
 */
import { describe, expect, it } from 'vitest';
import { deleteDocument, ingestDocuments, ingestPaths, ingestText } from '../../src/pipeline/index.ts';
import { apiOnTestGraph } from '../support/api-on-graph.ts';
import { documentsIn, pictureOf } from '../support/ingest-snapshot.ts';
import type { GraphPicture } from '../support/ingest-snapshot.ts';

const TOKEN = 'curation-replay-token-0123456789';


describe('judgements across re-ingestion and re-extraction on a real Neo4j', () => {
  const api = apiOnTestGraph({
    token: TOKEN,
    load: async (graph) => {
      expect(await ingestPaths(graph, ['ingest'], {})).toMatchObject({ new: 2, failed: [] });
    },
  });
  const { ok } = api;

  /** What the three judgements show: DAAD is no partner of ICESCO, Kleiner's role is confirmed, the association is renamed. */
  async function judgementsHold(): Promise<void> {
    const data = await ok(`{
      partners(of: "ICESCO") { totalCount edges { node { partner { name } } } }
      all: partners(of: "ICESCO", includeRejected: true) { edges { node { partner { name } rejected } } }
      person(name: "Matthias Kleiner") { roles { title confirmed organization { name } } }
      organization(name: "Leibniz Association") { id name judged }
    }`);
    expect(data.partners.totalCount).toBe(3);
    expect(data.partners.edges.map((e: any) => e.node.partner.name)).not.toContain('DAAD');
    expect(data.all.edges.find((e: any) => e.node.partner.name === 'DAAD')?.node.rejected).toBe(true);
    expect(data.person.roles).toEqual([{ title: 'President', confirmed: true, organization: { name: 'Leibniz-Gemeinschaft' } }]);
    expect(data.organization).toEqual({ id: 'org-leibniz-association', name: 'Leibniz-Gemeinschaft', judged: true });
  }

  /** The graph without the curation log's own nodes (judgements and what they name). */
  const CURATION = /^(Judgement|JudgedFact|JudgedKey)\b/;
  function withoutCuration(p: GraphPicture): { nodes: string[]; relationships: string[] } {
    return {
      nodes: p.nodeLines.filter((l) => !CURATION.test(l)),
      relationships: p.relationshipLines.filter((l) => !/^(NAMES|UNITES|JUDGES|ABOUT) /.test(l) && !/judgement-/.test(l)),
    };
  }
  // Not \`judged\`: an entity a reverted judgement named keeps its history in the log.
  const ANSWERS = `{
    partners(of: "ICESCO") { totalCount edges { node { partner { name } confirmed rejected } } }
    person(name: "Matthias Kleiner") { roles { title confirmed organization { name } } }
    organization(name: "Leibniz Association") { id name }
  }`;
  let before: { nodes: string[]; relationships: string[] };
  let answersBefore: Record<string, any>;
  const ids: string[] = [];

  it('keeps reject, confirm and rename when the same documents are ingested again and when they are extracted again', async () => {
    before = withoutCuration(await pictureOf(api.graph));
    answersBefore = await ok(ANSWERS);
    const made = await ok(`mutation {
      r: rejectRelation(input: {relation: PARTNERS_WITH, from: "ICESCO", to: "DAAD"}, author: "Ada", reason: "a funder, no partner") { id }
      c: confirmRelation(input: {relation: HOLDS_ROLE, from: "Matthias Kleiner", to: "Leibniz Association"}, author: "Ada", reason: "checked") { id }
      n: renameEntity(name: "Leibniz Association", to: "Leibniz-Gemeinschaft", author: "Ada", reason: "its own name") { id }
    }`);
    ids.push(made.r.id, made.c.id, made.n.id);
    await judgementsHold();
    const judged = await pictureOf(api.graph);

    // (a) The same documents again: unchanged, skipped.
    expect(await ingestPaths(api.graph, ['ingest'], {})).toMatchObject({ new: 0, updated: 0, unchanged: 2, failed: [] });
    await judgementsHold();

    // (d) Extracted again (as after a change to the extractor): every document is written anew.
    expect(await ingestPaths(api.graph, ['ingest'], { reextract: true, batchSize: 1 })).toMatchObject({ new: 0, updated: 2, unchanged: 0, failed: [] });
    await judgementsHold();
    const reextracted = await pictureOf(api.graph);
    expect(reextracted.nodeLines).toEqual(judged.nodeLines);
    expect(reextracted.relationshipLines).toEqual(judged.relationshipLines);
  });

  it('keeps them when a new document names the same entities, and when it is deleted again', async () => {
    const text = [
      'ICESCO and DAAD extend their fellowship programme',
      '',
      'Rabat, 3 March 2023 - ICESCO and DAAD signed an agreement on Monday to extend the joint fellowship programme for young researchers.',
      '',
      'Prof. Matthias Kleiner, President of the Leibniz Association, welcomed the extension.',
    ].join('\n');
    expect((await ingestText(api.graph, { id: 'replay-new-document', text })).outcome).toBe('new');
    await judgementsHold();
    expect((await deleteDocument(api.graph, 'replay-new-document')).deleted).toBe(true);
    await judgementsHold();
  });

  it('keeps them when every document is deleted and the graph is rebuilt from them in the other order, one at a time', async () => {
    const docs = documentsIn('ingest');
    for (const d of docs) expect((await deleteDocument(api.graph, d.id)).deleted).toBe(true);
    expect(await ingestDocuments(api.graph, [...docs].reverse(), { batchSize: 1 })).toMatchObject({ new: 2, failed: [] });
    await judgementsHold();
  });

  it('gives back the graph and the answers of before when the three judgements are reverted', async () => {
    for (const id of ids) await ok(`mutation { revertJudgement(id: "${id}", author: "Ada", reason: "undo") { reverted } }`);
    expect(withoutCuration(await pictureOf(api.graph))).toEqual(before);
    expect(await ok(ANSWERS)).toEqual(answersBefore);
  });
});
