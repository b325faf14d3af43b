import { describe, expect, it } from 'vitest';
import { createJudgementQuery, judgementsQuery, relationKeysQuery, revertJudgementQuery } from './judgements.ts';

describe('judgement query builders', () => {
  it('links a judgement to its entities one label at a time (index seeks, no label-less match) and to the facts it judges', () => {
    const query = createJudgementQuery({
      id: 'judgement-1',
      kind: 'reject',
      author: 'Ada',
      at: '2026-01-01T00:00:00.000Z',
      reason: 'not a partner',
      entities: [
        { label: 'Organization', id: 'org-icesco' },
        { label: 'Person', id: 'person-x' },
        { label: 'Organization', id: 'org-daad' },
      ],
      relation: 'PARTNERS_WITH',
      factKeys: ['PARTNERS_WITH|org-daad|org-icesco'],
    });
    expect(query.cypher).toContain('MATCH (e:Organization {id: linkedId})');
    expect(query.cypher).toContain('MATCH (e:Person {id: linkedId})');
    expect(query.cypher).not.toMatch(/MATCH \(e \{/);
    expect(query.params.linked).toEqual([['org-icesco', 'org-daad'], ['person-x']]);
    expect(query.params).toMatchObject({ kind: 'reject', factKeys: ['PARTNERS_WITH|org-daad|org-icesco'], renameKey: null });
  });

  it('reverts once: a second revert keeps the first time, author and reason, and ends a rename', () => {
    const { cypher } = revertJudgementQuery({ id: 'judgement-1', by: 'Ada', at: '2026-01-02T00:00:00.000Z', reason: null });
    expect(cypher).toContain('SET j.revertedAt = coalesce(j.revertedAt, $at), j.revertedBy = coalesce(j.revertedBy, $by)');
    expect(cypher).toContain('REMOVE j.renames, j.renameKey');
  });

  it('finds partnerships in either direction and roles from the person', () => {
    const ends = { from: { label: 'Person' as const, id: 'p' }, to: { label: 'Organization' as const, id: 'o' }, title: null };
    expect(relationKeysQuery({ relation: 'HOLDS_ROLE', ...ends }).cypher).toContain('(a:Person {id: $fromId})-[r:HOLDS_ROLE]->(b:Organization {id: $toId})');
    expect(relationKeysQuery({ relation: 'PARTNERS_WITH', ...ends }).cypher).toContain('-[r:PARTNERS_WITH]-(b:');
  });

  it('pages the log by (at, id), newest first', () => {
    const query = judgementsQuery({ entityId: null, after: { at: '2026-01-01T00:00:00.000Z', id: 'judgement-9' }, limit: 3 });
    expect(query.cypher).toContain('j.at < $afterAt OR (j.at = $afterAt AND j.id < $afterId)');
    expect(query.cypher).toContain('ORDER BY j.at DESC, j.id DESC');
    expect(query.params).toMatchObject({ afterAt: '2026-01-01T00:00:00.000Z', afterId: 'judgement-9', limit: 3 });
  });
});
