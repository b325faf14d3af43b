import { describe, expect, it } from 'vitest';
import type { ExtractedEntity, ExtractedRelation, PartnershipKind } from '../model/types.ts';
import type { DocumentToWrite, IngestSnapshot, MentionProps, StatedFact, StoredEntity, StoredMention, WriteOp } from '../model/write-plan.ts';
import { affectedReads, factReads, firstReads, planIngest, prepareDocuments, reopenReads, resolveBatch } from './plan.ts';

const NOW = '2026-01-01T00:00:00.000Z';
const ABC = 'Organization|abc';
const ALPHA = 'Organization|alpha beta council';
/** "ABC" beside its full name: a weak key (the letters may stand for another organisation too). */
const ABC_WEAK = 'Organization|abc~';
const GAMMA = 'Organization|gamma delta institute';
const OMEGA = 'Organization|omega board';

function doc(id: string, entities: ExtractedEntity[], relations: ExtractedRelation[] = [], over: Partial<DocumentToWrite> = {}): DocumentToWrite {
  const publishedAt = over.publishedAt ?? '2022-03-01';
  return {
    id,
    text: `text of ${id}`,
    contentHash: `hash-${id}`,
    title: null,
    url: null,
    publishedAt,
    extraction: { document: { id, title: null, publishedAt }, entities, relations },
    replaces: false,
    ...over,
  };
}

const org = (id: string, name: string, aliases: string[] = []): ExtractedEntity => ({ id, type: 'Organization', name, aliases });

const partners = (source: string, target: string, kind: PartnershipKind = 'mou'): ExtractedRelation => ({
  type: 'PARTNERS_WITH',
  source,
  target,
  properties: { kind },
  evidence: [{ start: 0, end: 10, text: 'They signed.' }],
});

function emptySnapshot(): IngestSnapshot {
  return { stored: { documents: [], identities: [] }, affected: { entities: [], mentions: [], statements: [], edges: [] }, facts: [] };
}

/** A stored MENTIONS edge of an organisation known by one name. */
function mention(entityId: string, documentId: string, name: string, keys: string[], publishedAt = '2020-05-01'): StoredMention {
  const props: MentionProps = { name, names: [name], lookupKeys: keys, identityKeys: keys, candidateId: entityId, status: null, date: null };
  return { entityId, documentId, publishedAt, props: { ...props } };
}

/** A stored organisation whose profile its mentions gave. */
function entity(id: string, name: string, keys: string[], forms: string[] = [name]): StoredEntity {
  return {
    id,
    current: { name, aliases: forms.filter((f) => f !== name), searchText: forms.join(' | '), forms, status: null, statusAt: null, date: null },
    links: keys.map((key) => ({ key, identity: true })),
  };
}

function stated(factKey: string, sourceId: string, targetId: string, documentId: string, publishedAt: string, kind = 'meeting'): StatedFact {
  return {
    factKey,
    type: 'PARTNERS_WITH',
    sourceId,
    targetId,
    sourceLabel: 'Organization',
    targetLabel: 'Organization',
    statementId: `${documentId}#0.0`,
    documentId,
    publishedAt,
    kind,
    date: null,
    status: null,
    title: null,
    role: null,
  };
}

const ops = (writes: WriteOp[]) => writes.map((w) => w.op);
function only<K extends WriteOp['op']>(writes: WriteOp[], op: K): Extract<WriteOp, { op: K }> {
  const found = writes.filter((w): w is Extract<WriteOp, { op: K }> => w.op === op);
  expect(found, `${op} in ${ops(writes).join(' ')}`).toHaveLength(1);
  return found[0]!;
}

describe('planIngest: new documents', () => {
  it('creates the entities, mentions, statements, profiles and edge of a document the graph has never seen', () => {
    const d1 = doc('d1', [org('e1', 'Alpha Beta Council', ['ABC']), org('e2', 'Gamma Delta Institute')], [partners('e1', 'e2')]);
    const plan = planIngest([d1], emptySnapshot(), { now: NOW });

    expect(ops(plan.writes)).toEqual(['upsertDocuments', 'mergeEntities', 'createMentions', 'createStatements', 'addToProfiles', 'mergeEdges']);
    expect(plan.documents).toEqual([{ id: 'd1', outcome: 'new', entityIds: { e1: 'org-abc', e2: 'org-gamma-delta-institute' } }]);
    expect(only(plan.writes, 'upsertDocuments').rows).toEqual([
      { id: 'd1', title: null, url: null, publishedAt: '2022-03-01', contentHash: 'hash-d1', ingestedAt: NOW, text: 'text of d1' },
    ]);
    expect(only(plan.writes, 'mergeEntities').rows).toEqual([
      { id: 'org-abc', name: 'Alpha Beta Council' },
      { id: 'org-gamma-delta-institute', name: 'Gamma Delta Institute' },
    ]);
    const profile = only(plan.writes, 'addToProfiles').rows.find((r) => r.id === 'org-abc');
    expect(profile).toMatchObject({
      name: 'Alpha Beta Council',
      aliases: ['ABC'],
      searchText: 'Alpha Beta Council | ABC',
      aliasKeys: [
        { key: ABC, identity: false },
        { key: ABC_WEAK, identity: true },
        { key: ALPHA, identity: true },
      ],
    });
    const statements = only(plan.writes, 'createStatements').rows;
    expect(statements.map((s) => [s.id, s.factKey])).toEqual([['d1#0.0', 'PARTNERS_WITH|org-abc|org-gamma-delta-institute']]);
    const edges = only(plan.writes, 'mergeEdges');
    expect(edges.rows).toEqual([
      {
        key: 'PARTNERS_WITH|org-abc|org-gamma-delta-institute',
        sourceId: 'org-abc',
        targetId: 'org-gamma-delta-institute',
        props: expect.objectContaining({ documentCount: 1, statementCount: 1, kinds: ['mou'], firstSeen: '2022-03-01', lastSeen: '2022-03-01' }),
      },
    ]);
  });

  it('asks the graph first for the batch documents and every shareable identity key', () => {
    const d1 = doc('d1', [org('e1', 'Alpha Beta Council', ['ABC']), org('e2', 'Gamma Delta Institute')]);
    expect(firstReads(prepareDocuments([d1]), ['gone'])).toEqual({ documentIds: ['d1', 'gone'], identityKeys: [ABC, ABC_WEAK, ALPHA, GAMMA] });
  });
});

describe('planIngest: entities the graph already holds', () => {
  it('places an entity matched by an identity key under the graph id and leaves its unchanged profile alone', () => {
    const snapshot = emptySnapshot();
    // The graph knows "ABC" / "Alpha Beta Council" as org-abc; the new document only says "Alpha Beta Council".
    snapshot.stored.identities = [
      { key: ABC, id: 'org-abc' },
      { key: ALPHA, id: 'org-abc' },
    ];
    snapshot.affected.entities = [entity('org-abc', 'Alpha Beta Council', [ABC, ALPHA], ['ABC', 'Alpha Beta Council'])];
    const d2 = doc('d2', [org('e1', 'Alpha Beta Council'), org('e2', 'Omega Board')]);

    const plan = planIngest([d2], snapshot, { now: NOW });

    expect(plan.documents[0]!.entityIds).toEqual({ e1: 'org-abc', e2: 'org-omega-board' });
    expect(ops(plan.writes)).not.toContain('mergeTargets');
    expect(only(plan.writes, 'createMentions').rows.map((m) => m.entityId)).toEqual(['org-abc', 'org-omega-board']);
    // Same name, same forms, links already there: only the new entity gets a profile write.
    expect(only(plan.writes, 'addToProfiles').rows.map((r) => r.id)).toEqual(['org-omega-board']);
  });

  it('adds a document to a stored edge: counts, kinds and dates combine with what the edge holds', () => {
    const key = 'PARTNERS_WITH|org-abc|org-gamma-delta-institute';
    const snapshot = emptySnapshot();
    snapshot.stored.identities = [
      { key: ABC, id: 'org-abc' },
      { key: GAMMA, id: 'org-gamma-delta-institute' },
    ];
    snapshot.affected.entities = [
      entity('org-abc', 'ABC', [ABC]),
      entity('org-gamma-delta-institute', 'Gamma Delta Institute', [GAMMA]),
    ];
    snapshot.affected.edges = [
      {
        key,
        props: { key, documentCount: 1, statementCount: 1, kinds: ['meeting'], firstSeen: '2020-05-01', lastSeen: '2020-05-01', status: 'active', latestStatus: null, statusAt: null },
      },
    ];
    const d3 = doc('d3', [org('e1', 'ABC'), org('e2', 'Gamma Delta Institute')], [partners('e1', 'e2', 'mou')]);

    const plan = planIngest([d3], snapshot, { now: NOW });

    expect(ops(plan.writes)).not.toContain('mergeEdges');
    expect(only(plan.writes, 'updateEdges').rows).toEqual([
      {
        key,
        props: expect.objectContaining({ documentCount: 2, statementCount: 2, kinds: ['meeting', 'mou'], firstSeen: '2020-05-01', lastSeen: '2022-03-01' }),
      },
    ]);
  });

  it('folds two graph entities into one when a new document shows they are one, moving mentions and statements', () => {
    const oldKey = 'PARTNERS_WITH|org-alpha-beta-council|org-omega-board';
    const newKey = 'PARTNERS_WITH|org-abc|org-omega-board';
    const snapshot = emptySnapshot();
    snapshot.stored.identities = [
      { key: ABC, id: 'org-abc' },
      { key: ALPHA, id: 'org-alpha-beta-council' },
    ];
    const d3 = doc('d3', [org('e1', 'Alpha Beta Council', ['ABC'])]);
    const prepared = prepareDocuments([d3]);
    const resolution = resolveBatch(prepared, snapshot.stored);
    expect(resolution.assignment.merges).toEqual([{ type: 'Organization', from: 'org-alpha-beta-council', to: 'org-abc' }]);
    // The snapshot resolution asks for next: both entities' mentions, the statements naming the one folded away.
    const request = affectedReads(resolution);
    expect(request.mentionsOf).toEqual([['Organization', ['org-abc', 'org-alpha-beta-council']]]);
    expect(request.statementsOf).toEqual(['org-alpha-beta-council']);

    snapshot.affected = {
      entities: [entity('org-abc', 'ABC', [ABC])],
      mentions: [mention('org-abc', 'd1', 'ABC', [ABC]), mention('org-alpha-beta-council', 'd2', 'Alpha Beta Council', [ALPHA])],
      statements: [{ id: 'd2#0.0', type: 'PARTNERS_WITH', sourceId: 'org-alpha-beta-council', targetId: 'org-omega-board', title: null, factKey: oldKey, documentId: 'd2' }],
      edges: [],
    };
    expect(factReads(resolution, snapshot.affected)).toEqual([newKey, oldKey]);
    snapshot.facts = [stated(oldKey, 'org-alpha-beta-council', 'org-omega-board', 'd2', '2021-02-02')];

    const plan = planIngest([d3], snapshot, { now: NOW });

    expect(ops(plan.writes).slice(0, 6)).toEqual(['mergeTargets', 'moveMentions', 'rewriteStatements', 'carryJudgedFacts', 'rekeyJudgements', 'deleteEntities']);
    // Judgements of the fact (a reject, a confirm) follow its statement to the new key.
    expect(only(plan.writes, 'carryJudgedFacts').rows).toEqual([{ from: oldKey, to: newKey }]);
    // Judgements naming the entity folded away follow it.
    expect(only(plan.writes, 'rekeyJudgements').rows).toEqual([{ from: 'org-alpha-beta-council', to: 'org-abc' }]);
    expect(only(plan.writes, 'moveMentions').rows).toEqual([{ to: 'org-abc', documentId: 'd2', props: expect.objectContaining({ name: 'Alpha Beta Council' }) }]);
    expect(only(plan.writes, 'rewriteStatements').rows).toEqual([{ id: 'd2#0.0', sourceId: 'org-abc', targetId: 'org-omega-board', factKey: newKey }]);
    expect(plan.writes.find((w) => w.op === 'deleteEntities')).toEqual({ op: 'deleteEntities', type: 'Organization', ids: ['org-alpha-beta-council'] });
    // The surviving entity is recomputed from all three documents' mentions.
    expect(only(plan.writes, 'setProfiles').rows).toEqual([
      expect.objectContaining({
        id: 'org-abc',
        name: 'Alpha Beta Council',
        aliases: ['ABC'],
        aliasKeys: [
          { key: ABC_WEAK, identity: true },
          { key: ALPHA, identity: true },
        ],
        removedKeys: [],
      }),
    ]);
    // The statement's fact follows it to its new key; the old edge goes.
    expect(only(plan.writes, 'mergeEdges').rows).toEqual([
      expect.objectContaining({ key: newKey, sourceId: 'org-abc', targetId: 'org-omega-board', props: expect.objectContaining({ documentCount: 1 }) }),
    ]);
    expect(only(plan.writes, 'deleteEdges')).toEqual({ op: 'deleteEdges', type: 'PARTNERS_WITH', keys: [oldKey] });
    expect(ops(plan.writes)).not.toContain('addToProfiles');
  });
});

describe('planIngest: judgements on facts when a merge changes their keys', () => {
  const ABC_OMEGA = 'PARTNERS_WITH|org-abc|org-omega-board';
  const ALPHA_OMEGA = 'PARTNERS_WITH|org-alpha-beta-council|org-omega-board';

  /** ABC (d1) and Alpha Beta Council (d2) stored apart, d3 shows they are one; Alpha Beta Council partners Omega Board (d2), and so may ABC (d1). */
  function foldAlpha(abcPartnersOmega: boolean): IngestSnapshot {
    const snapshot = emptySnapshot();
    snapshot.stored.identities = [
      { key: ABC, id: 'org-abc' },
      { key: ALPHA, id: 'org-alpha-beta-council' },
    ];
    snapshot.affected = {
      entities: [entity('org-abc', 'ABC', [ABC])],
      mentions: [mention('org-abc', 'd1', 'ABC', [ABC]), mention('org-alpha-beta-council', 'd2', 'Alpha Beta Council', [ALPHA])],
      statements: [{ id: 'd2#0.0', type: 'PARTNERS_WITH', sourceId: 'org-alpha-beta-council', targetId: 'org-omega-board', title: null, factKey: ALPHA_OMEGA, documentId: 'd2' }],
      edges: [],
    };
    snapshot.facts = [stated(ALPHA_OMEGA, 'org-alpha-beta-council', 'org-omega-board', 'd2', '2021-02-02')];
    if (abcPartnersOmega) snapshot.facts.push(stated(ABC_OMEGA, 'org-abc', 'org-omega-board', 'd1', '2020-05-01'));
    return snapshot;
  }
  const d3 = () => doc('d3', [org('e1', 'Alpha Beta Council', ['ABC'])]);

  it('carries the judgements of a fact whose statements all move to one new key', () => {
    const plan = planIngest([d3()], foldAlpha(false), { now: NOW });
    expect(only(plan.writes, 'carryJudgedFacts').rows).toEqual([{ from: ALPHA_OMEGA, to: ABC_OMEGA }]);
    expect(ops(plan.writes).indexOf('carryJudgedFacts')).toBeGreaterThan(ops(plan.writes).indexOf('rewriteStatements'));
  });

  it('carries none into an edge the merge combines with one the surviving entity had (its judgements stay its own)', () => {
    const plan = planIngest([d3()], foldAlpha(true), { now: NOW });
    expect(only(plan.writes, 'rewriteStatements').rows).toEqual([expect.objectContaining({ id: 'd2#0.0', factKey: ABC_OMEGA })]);
    expect(ops(plan.writes)).not.toContain('carryJudgedFacts');
  });

  it('carries none from an edge that keeps statements under its key (a part split off it is a new edge)', () => {
    const snapshot = foldAlpha(false);
    // A statement of the old key that the merge does not rewrite: the old edge stays, with its judgements.
    snapshot.facts.push({ ...stated(ALPHA_OMEGA, 'org-alpha-beta-council', 'org-omega-board', 'd4', '2021-03-03'), statementId: 'd4#0.0' });
    const plan = planIngest([d3()], snapshot, { now: NOW });
    expect(only(plan.writes, 'rewriteStatements').rows).toEqual([expect.objectContaining({ id: 'd2#0.0', factKey: ABC_OMEGA })]);
    expect(ops(plan.writes)).not.toContain('carryJudgedFacts');
  });

  it('still carries when the batch itself adds statements to the new key', () => {
    const d3WithPartner = doc('d3', [org('e1', 'Alpha Beta Council', ['ABC']), org('e2', 'Omega Board')], [partners('e1', 'e2')]);
    const snapshot = foldAlpha(false);
    snapshot.stored.identities.push({ key: OMEGA, id: 'org-omega-board' });
    const plan = planIngest([d3WithPartner], snapshot, { now: NOW });
    expect(only(plan.writes, 'createStatements').rows).toEqual([expect.objectContaining({ factKey: ABC_OMEGA })]);
    expect(only(plan.writes, 'carryJudgedFacts').rows).toEqual([{ from: ALPHA_OMEGA, to: ABC_OMEGA }]);
  });
});

describe('planIngest: re-ingest and deletion', () => {
  const partnership = 'PARTNERS_WITH|org-abc|org-omega-board';

  /** d1 (stored) names ABC and Omega Board and their partnership; d9 names ABC too. */
  function storedD1(): IngestSnapshot {
    const snapshot = emptySnapshot();
    snapshot.stored.documents = [
      { id: 'd1', contentHash: 'hash-old', entities: [{ id: 'org-abc', type: 'Organization' }, { id: 'org-omega-board', type: 'Organization' }], factKeys: [partnership] },
    ];
    snapshot.stored.identities = [{ key: ABC, id: 'org-abc' }];
    snapshot.affected = {
      entities: [entity('org-abc', 'ABC', [ABC]), entity('org-omega-board', 'Omega Board', [OMEGA])],
      mentions: [mention('org-abc', 'd1', 'ABC', [ABC]), mention('org-abc', 'd9', 'ABC', [ABC]), mention('org-omega-board', 'd1', 'Omega Board', [OMEGA])],
      statements: [],
      edges: [],
    };
    snapshot.facts = [stated(partnership, 'org-abc', 'org-omega-board', 'd1', '2020-05-01')];
    return snapshot;
  }

  it('retracts the statements and mentions of the old version of a changed document before writing the new one', () => {
    const d1 = doc('d1', [org('e1', 'ABC')], [], { contentHash: 'hash-new' });
    const plan = planIngest([d1], storedD1(), { now: NOW });

    expect(plan.writes[0]).toEqual({ op: 'retractDocument', documentId: 'd1', keepDocument: true });
    expect(plan.documents).toEqual([{ id: 'd1', outcome: 'updated', entityIds: { e1: 'org-abc' } }]);
    // Only the old version named Omega Board and stated the partnership: both go.
    expect(plan.writes.filter((w) => w.op === 'deleteEntities')).toEqual([{ op: 'deleteEntities', type: 'Organization', ids: ['org-omega-board'] }]);
    expect(only(plan.writes, 'deleteOrphanAliases').keys).toEqual([OMEGA]);
    expect(only(plan.writes, 'deleteEdges')).toEqual({ op: 'deleteEdges', type: 'PARTNERS_WITH', keys: [partnership] });
    expect(ops(plan.writes)).not.toContain('mergeEdges');
    expect(ops(plan.writes)).not.toContain('updateEdges');
  });

  it('writes nothing for a document whose stored content is the same', () => {
    const d1 = doc('d1', [org('e1', 'ABC')], [], { contentHash: 'hash-old' });
    const plan = planIngest([d1], storedD1(), { now: NOW });
    expect(plan).toEqual({ writes: [], documents: [{ id: 'd1', outcome: 'unchanged', entityIds: {} }] });
  });

  it('deletes a document: its statements and the Document go, facts another document states are recomputed from what is left', () => {
    const snapshot = storedD1();
    const shared = 'PARTNERS_WITH|org-abc|org-gamma-delta-institute';
    snapshot.stored.documents[0]!.factKeys.push(shared);
    snapshot.facts.push(
      stated(shared, 'org-abc', 'org-gamma-delta-institute', 'd1', '2020-05-01', 'mou'),
      { ...stated(shared, 'org-abc', 'org-gamma-delta-institute', 'd9', '2021-07-07', 'meeting'), statementId: 'd9#3.0' },
    );

    const plan = planIngest([], snapshot, { now: NOW, deletions: ['d1'] });

    expect(plan.documents).toEqual([]);
    expect(plan.writes[0]).toEqual({ op: 'retractDocument', documentId: 'd1', keepDocument: false });
    expect(ops(plan.writes)).not.toContain('upsertDocuments');
    expect(plan.writes.filter((w) => w.op === 'deleteEntities')).toEqual([{ op: 'deleteEntities', type: 'Organization', ids: ['org-omega-board'] }]);
    expect(only(plan.writes, 'mergeEdges').rows).toEqual([
      expect.objectContaining({ key: shared, props: expect.objectContaining({ documentCount: 1, kinds: ['meeting'], firstSeen: '2021-07-07' }) }),
    ]);
    expect(only(plan.writes, 'deleteEdges').keys).toEqual([partnership]);
  });

  it('plans nothing when the document to delete is not stored', () => {
    expect(planIngest([], emptySnapshot(), { now: NOW, deletions: ['missing'] })).toEqual({ writes: [], documents: [] });
  });
});

describe('reopenReads: which stored holders of a short form are read again', () => {
  // Stored: org-abc, the Alpha Beta Council, "ABC" beside its full name.
  const stored = { documents: [], identities: [{ key: ALPHA, id: 'org-abc' }, { key: ABC_WEAK, id: 'org-abc' }] };
  const asked = (d: DocumentToWrite) => reopenReads(prepareDocuments([d]), stored, []).mentionsOf;

  it('leaves it when the batch writes the short form beside one of its own names', () => {
    expect(asked(doc('d2', [org('e1', 'Alpha Beta Council', ['ABC'])]))).toEqual([]);
  });

  it('leaves it when the batch writes the short form alone (the weak-key rule places it without the mentions)', () => {
    expect(asked(doc('d2', [org('e1', 'ABC')]))).toEqual([]);
  });

  it('reads it when the batch writes the short form beside another full name, which may contest it', () => {
    expect(asked(doc('d2', [org('e1', 'Amber Bay College', ['ABC'])]))).toEqual([['Organization', ['org-abc']]]);
  });
});
