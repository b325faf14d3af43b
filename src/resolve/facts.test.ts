import { describe, expect, it } from 'vitest';
import type { ExtractionResult } from '../model/types.ts';
import type { StatedFact } from './facts.ts';
import { aggregateFact, aggregateFacts, combineFacts, edgeOfSummary, factKey, statementsOf, summarizeFacts, summaryOfEdge } from './facts.ts';

function fact(over: Partial<StatedFact>): StatedFact {
  return {
    factKey: 'PARTNERS_WITH|org-a|org-b',
    type: 'PARTNERS_WITH',
    sourceId: 'org-b',
    targetId: 'org-a',
    sourceLabel: 'Organization',
    targetLabel: 'Organization',
    statementId: 'd1#0.0',
    documentId: 'd1',
    publishedAt: '2022-01-10',
    kind: 'meeting',
    date: null,
    status: null,
    title: null,
    role: null,
    ...over,
  };
}

describe('factKey', () => {
  it.each([
    ['PARTNERS_WITH', 'org-b', 'org-a', undefined, 'PARTNERS_WITH|org-a|org-b'],
    ['PARTNERS_WITH', 'org-a', 'org-b', undefined, 'PARTNERS_WITH|org-a|org-b'],
    ['HOLDS_ROLE', 'person-x', 'org-a', 'Director-General', 'HOLDS_ROLE|person-x|org-a|director general'],
    ['PART_OF', 'org-b', 'org-a', undefined, 'PART_OF|org-b|org-a'],
  ] as const)('%s %s -> %s (title %j) gives %j', (type, s, t, title, key) => {
    expect(factKey(type, s, t, title)).toBe(key);
  });
});

describe('statementsOf', () => {
  const extraction: ExtractionResult = {
    document: { id: 'd1', title: null, publishedAt: '2021-01-22' },
    entities: [
      { id: 'e1', type: 'Organization', name: 'ICESCO', aliases: [] },
      { id: 'e2', type: 'Organization', name: 'LIKAT', aliases: [] },
      { id: 'e3', type: 'Country', name: 'Germany', aliases: [] },
    ],
    relations: [
      {
        type: 'PARTNERS_WITH',
        source: 'e2',
        target: 'e1',
        properties: { kind: 'mou', date: '2021-01-21' },
        evidence: [
          { start: 0, end: 5, text: 'First' },
          { start: 6, end: 12, text: 'Second' },
        ],
      },
      // A relation between the wrong labels is dropped.
      { type: 'HOLDS_ROLE', source: 'e3', target: 'e1', properties: { title: 'x' }, evidence: [{ start: 0, end: 1, text: 'x' }] },
      // Two local entities that resolve to one graph entity give no self-loop.
      { type: 'PART_OF', source: 'e1', target: 'e1', properties: {}, evidence: [{ start: 0, end: 1, text: 'x' }] },
    ],
  };

  it('gives one statement per evidence sentence, keyed by the unordered pair', () => {
    const rows = statementsOf(extraction, { e1: 'org-icesco', e2: 'org-likat', e3: 'country-germany' });
    expect(rows.map((r) => [r.id, r.factKey, r.kind, r.date, r.text])).toEqual([
      ['d1#0.0', 'PARTNERS_WITH|org-icesco|org-likat', 'mou', '2021-01-21', 'First'],
      ['d1#0.1', 'PARTNERS_WITH|org-icesco|org-likat', 'mou', '2021-01-21', 'Second'],
    ]);
  });

  it('keeps the rule ids of the relation with each of its sentences, and none for an older extraction without them', () => {
    const withRules: ExtractionResult = {
      ...extraction,
      relations: [{ ...extraction.relations[0]!, rules: ['partner.with', 'partner.between', 'partner.with'] }],
    };
    const ids = { e1: 'org-icesco', e2: 'org-likat', e3: 'country-germany' };
    expect(statementsOf(withRules, ids).map((r) => r.rules)).toEqual([
      ['partner.between', 'partner.with'],
      ['partner.between', 'partner.with'],
    ]);
    expect(statementsOf(extraction, ids).map((r) => r.rules)).toEqual([[], []]);
  });

  it("keeps the areas a partnership's own sentence names, with their Topic alias keys, and none for other relations or older extractions", () => {
    const ids = { e1: 'org-icesco', e2: 'org-likat', e3: 'country-germany', e4: 'person-x' };
    const withAreas: ExtractionResult = {
      ...extraction,
      entities: [...extraction.entities, { id: 'e4', type: 'Person', name: 'X', aliases: [] }],
      relations: [
        { ...extraction.relations[0]!, properties: { kind: 'mou', areas: ['smart agriculture', 'Heritage preservation', 'smart agriculture', ' '] } },
        { type: 'HOLDS_ROLE', source: 'e4', target: 'e1', properties: { title: 'Director', areas: ['science'] }, evidence: [{ start: 0, end: 1, text: 'x' }] },
      ],
    };
    expect(statementsOf(withAreas, ids).map((r) => [r.type, r.areas, r.areaKeys])).toEqual([
      ['PARTNERS_WITH', ['smart agriculture', 'Heritage preservation'], ['Topic|heritage preservation', 'Topic|smart agriculture']],
      ['PARTNERS_WITH', ['smart agriculture', 'Heritage preservation'], ['Topic|heritage preservation', 'Topic|smart agriculture']],
      ['HOLDS_ROLE', [], []],
    ]);
    expect(statementsOf(extraction, ids).map((r) => [r.areas, r.areaKeys])).toEqual([
      [[], []],
      [[], []],
    ]);
  });
});

describe('aggregateFact', () => {
  it('directs a partnership from the smaller id, sorts kinds, counts documents and statements', () => {
    const edge = aggregateFact([
      fact({ kind: 'mou', date: '2021-03-01' }),
      fact({ statementId: 'd1#1.0', kind: 'meeting' }),
      fact({ statementId: 'd2#0.0', documentId: 'd2', publishedAt: '2020-05-05', kind: 'meeting' }),
    ]);
    expect(edge).toMatchObject({
      key: 'PARTNERS_WITH|org-a|org-b',
      type: 'PARTNERS_WITH',
      sourceId: 'org-a',
      targetId: 'org-b',
      sourceLabel: 'Organization',
      targetLabel: 'Organization',
      props: {
        key: 'PARTNERS_WITH|org-a|org-b',
        kinds: ['meeting', 'mou'],
        status: 'active',
        firstSeen: '2020-05-05',
        lastSeen: '2022-01-10',
        documentCount: 2,
        statementCount: 3,
      },
    });
  });

  it.each([
    ['the latest statement says ended', [fact({ date: '2020-01-01' }), fact({ statementId: 'd2#0.0', documentId: 'd2', date: '2023-01-01', status: 'ended' })], 'ended'],
    ['an older statement said ended, a later one renews it', [fact({ date: '2020-01-01', status: 'ended' }), fact({ statementId: 'd2#0.0', documentId: 'd2', date: '2023-01-01' })], 'ended'],
    ['declined', [fact({ status: 'declined' })], 'declined'],
    ['no status anywhere', [fact({})], 'active'],
  ])('partnership status when %s', (_case, facts, status) => {
    expect(aggregateFact(facts)?.props.status).toBe(status);
  });

  it('takes a role title from the latest statement and dates from the statement, else the document', () => {
    const edge = aggregateFact([
      fact({ factKey: 'HOLDS_ROLE|p|o|dg', type: 'HOLDS_ROLE', sourceLabel: 'Person', title: 'DG', kind: null, publishedAt: '2021-01-22' }),
      fact({ factKey: 'HOLDS_ROLE|p|o|dg', type: 'HOLDS_ROLE', sourceLabel: 'Person', title: 'Director-General', kind: null, documentId: 'd2', statementId: 'd2#0.0', publishedAt: '2022-09-13' }),
    ]);
    expect(edge?.props).toMatchObject({ key: 'HOLDS_ROLE|p|o|dg', title: 'Director-General', firstSeen: '2021-01-22', lastSeen: '2022-09-13', documentCount: 2 });
  });

  it('gives no edge for a fact without statements and one edge per fact otherwise', () => {
    expect(aggregateFact([])).toBeNull();
    expect(aggregateFacts([fact({}), fact({ factKey: 'PART_OF|org-b|org-a', type: 'PART_OF' })]).map((e) => e.key)).toEqual([
      'PARTNERS_WITH|org-a|org-b',
      'PART_OF|org-b|org-a',
    ]);
  });
});

describe('incremental aggregation', () => {
  const statements: StatedFact[] = [
    fact({ documentId: 'd1', statementId: 'd1#0.0', publishedAt: '2020-01-01', kind: 'meeting' }),
    fact({ documentId: 'd1', statementId: 'd1#1.0', publishedAt: '2020-01-01', kind: 'mou', date: '2019-12-30' }),
    fact({ documentId: 'd2', statementId: 'd2#0.0', publishedAt: '2021-06-01', kind: 'programme', status: 'ended' }),
    fact({ documentId: 'd3', statementId: 'd3#0.0', publishedAt: '2021-06-01', kind: 'meeting' }),
    fact({ documentId: 'd-3', statementId: 'd-3#0.0', publishedAt: '2021-06-01', kind: 'agreement', status: 'declined' }),
    fact({ documentId: 'd4', statementId: 'd4#0.0', publishedAt: null, kind: 'discussion' }),
  ];

  it.each([2, 3, 4, 5])('gives the full result when documents are added after the first %i statements (document boundaries)', (split) => {
    const full = edgeOfSummary(summarizeFacts(statements).get('PARTNERS_WITH|org-a|org-b')!);
    const before = edgeOfSummary(summarizeFacts(statements.slice(0, split)).get('PARTNERS_WITH|org-a|org-b')!);
    const stored = summaryOfEdge({ ...before, props: JSON.parse(JSON.stringify(before.props)) as Record<string, unknown> });
    const added = summarizeFacts(statements.slice(split)).get('PARTNERS_WITH|org-a|org-b');
    const incremental = edgeOfSummary(added === undefined ? stored : combineFacts(stored, added));
    expect(incremental).toEqual(full);
  });

  it('takes the status of the latest statement, ties broken by document id then statement id', () => {
    // d3 and d-3 share a date; "d3" sorts after "d-3", so the later statement has no status and d2's... stays the latest with one.
    expect(aggregateFact(statements)?.props).toMatchObject({ status: 'ended', kinds: ['agreement', 'discussion', 'meeting', 'mou', 'programme'], documentCount: 5, statementCount: 6 });
  });
});
