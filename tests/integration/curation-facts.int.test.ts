/**
 * A reject or confirm judges an edge by its key, which holds the ids of its
 * ends: when a merge gives an end a new id, the judgement follows the
 * statements to the edge's new key, and still holds on the old key when the
 * merge is reverted. An edge a merge combines with another keeps the
 * judgements of the key it keeps, and a revert gives each part its own.
 * This file owns the database while it runs.
 */
import { describe, expect, it } from 'vitest';
import { ingestPaths, ingestText } from '../../src/pipeline/index.ts';
import { apiOnTestGraph } from '../support/api-on-graph.ts';

const TOKEN = 'curation-facts-token-0123456789ab';
const MINISTRY = 'Ministry of Science and Higher Education of the Republic of Kazakhstan';
const ACADEMY = 'Academy of Sciences of Albania';
/** An organisation whose id (`org-asa`, from its acronym) is shorter than `org-daad`: merged with DAAD, the one node takes it, and DAAD's edges get new keys. */
const ACADEMY_TEXT = [
  'Academy of Sciences of Albania and University of Tirana Sign Research Agreement',
  '',
  'Tirana, 4 May 2023 - The Academy of Sciences of Albania (ASA) and the University of Tirana signed a memorandum of understanding on Thursday to cooperate in research on cultural heritage.',
].join('\n');

interface PartnerEdge {
  id: string;
  rejected: boolean;
  confirmed: boolean;
}

describe('rejects and confirms follow their edges when a merge changes the edge keys, on a real Neo4j', () => {
  const api = apiOnTestGraph({
    token: TOKEN,
    load: async (graph) => {
      expect(await ingestPaths(graph, ['ingest'], {})).toMatchObject({ new: 2, failed: [] });
      expect((await ingestText(graph, { id: 'academy-tirana', text: ACADEMY_TEXT })).outcome).toBe('new');
    },
  });
  const { ok } = api;

  /** Partners of an organisation: those of default answers, and every one with its flags (includeRejected). */
  async function partnersOf(name: string): Promise<{ shown: string[]; all: PartnerEdge[] }> {
    const data = await ok(`{
      shown: partners(of: "${name}", first: 50) { edges { node { partner { id } } } }
      all: partners(of: "${name}", first: 50, includeRejected: true) { edges { node { partner { id } rejected confirmed } } }
    }`);
    return {
      shown: data.shown.edges.map((e: any) => e.node.partner.id).sort(),
      all: data.all.edges.map((e: any) => ({ id: e.node.partner.id, rejected: e.node.rejected, confirmed: e.node.confirmed })).sort((a: PartnerEdge, b: PartnerEdge) => a.id.localeCompare(b.id)),
    };
  }

  const idOf = async (name: string): Promise<string> => (await ok(`{ o: organization(name: "${name}") { id } }`)).o.id;

  /** Keys of the PARTNERS_WITH edges between two organisations. */
  async function edgeKeys(a: string, b: string): Promise<string[]> {
    const rows = await api.graph.readRows<{ key: string }>({
      cypher: 'MATCH (:Organization {id: $a})-[r:PARTNERS_WITH]-(:Organization {id: $b}) RETURN r.key AS key',
      params: { a, b },
    });
    return rows.map((r) => r.key);
  }

  async function merge(names: string[]): Promise<string> {
    const { m } = await ok(`mutation { m: mergeEntities(names: ${JSON.stringify(names)}, author: "Bo", reason: "test") { id applied } }`);
    expect(m.applied).toBe(true);
    return m.id;
  }

  async function revert(id: string): Promise<void> {
    const { r } = await ok(`mutation { r: revertJudgement(id: "${id}", author: "Bo", reason: "test") { reverted } }`);
    expect(r.reverted).toBe(true);
  }

  it('keeps a partnership rejected and another confirmed when a merge gives DAAD a new id, and on the old keys when the merge is reverted', async () => {
    const academy = await idOf(ACADEMY);
    expect(academy).toBe('org-asa');
    const [rejectedKey] = await edgeKeys('org-icesco', 'org-daad');
    expect(rejectedKey).toBeDefined();
    await ok(`mutation {
      r: rejectRelation(input: {relation: PARTNERS_WITH, from: "ICESCO", to: "DAAD"}, author: "Ada", reason: "a funder, no partner") { id }
      c: confirmRelation(input: {relation: PARTNERS_WITH, from: "Leibniz Association", to: "DAAD"}, author: "Ada", reason: "checked") { id }
    }`);
    const icescoBefore = await partnersOf('ICESCO');
    expect(icescoBefore.shown).not.toContain('org-daad');
    expect(icescoBefore.all).toContainEqual({ id: 'org-daad', rejected: true, confirmed: false });
    expect((await partnersOf('Leibniz Association')).all).toContainEqual({ id: 'org-daad', rejected: false, confirmed: true });

    const mergeId = await merge([ACADEMY, 'DAAD']);
    expect(await idOf('DAAD')).toBe(academy);
    // The partnership now joins the academy's id: a new key, the old one has no edge.
    const [mergedKey] = await edgeKeys('org-icesco', academy);
    expect(mergedKey).toBeDefined();
    expect(mergedKey).not.toBe(rejectedKey);
    expect(await edgeKeys('org-icesco', 'org-daad')).toEqual([]);

    const icescoMerged = await partnersOf('ICESCO');
    expect(icescoMerged.shown).not.toContain(academy);
    expect(icescoMerged.shown).toHaveLength(icescoBefore.shown.length);
    expect(icescoMerged.all).toContainEqual({ id: academy, rejected: true, confirmed: false });
    expect((await partnersOf('Leibniz Association')).all).toContainEqual({ id: academy, rejected: false, confirmed: true });
    // The academy's own partnership is judged by nobody.
    expect((await partnersOf('University of Tirana')).all).toEqual([expect.objectContaining({ id: academy, rejected: false, confirmed: false })]);

    await revert(mergeId);
    expect(await idOf('DAAD')).toBe('org-daad');
    expect(await idOf(ACADEMY)).toBe(academy);
    expect(await edgeKeys('org-icesco', 'org-daad')).toEqual([rejectedKey]);
    expect(await partnersOf('ICESCO')).toEqual(icescoBefore);
    expect((await partnersOf('Leibniz Association')).all).toContainEqual({ id: 'org-daad', rejected: false, confirmed: true });
  });

  it('keeps the judgement of the key a merge keeps on an edge it combines, and gives each part its own back when the merge is reverted', async () => {
    const ministry = await idOf(MINISTRY);
    const before = await partnersOf('ICESCO');
    expect(before.all).toContainEqual({ id: ministry, rejected: false, confirmed: false });
    expect(before.all).toContainEqual({ id: 'org-daad', rejected: true, confirmed: false });

    // DAAD keeps its id: the ministry's partnership with ICESCO joins the rejected one.
    const mergeId = await merge([MINISTRY, 'DAAD']);
    expect(await idOf(MINISTRY)).toBe('org-daad');
    const merged = await partnersOf('ICESCO');
    expect(merged.shown).not.toContain('org-daad');
    expect(merged.all).toContainEqual({ id: 'org-daad', rejected: true, confirmed: false });

    await revert(mergeId);
    expect(await idOf(MINISTRY)).toBe(ministry);
    // The ministry's partnership was never rejected: it is not after the revert.
    expect(await partnersOf('ICESCO')).toEqual(before);
  });
});
