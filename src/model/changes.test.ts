import { describe, expect, it } from 'vitest';
import type { ChangeStatement, FactState } from './changes.ts';
import { diffFacts, evidenceFor, organizationIdsOf } from './changes.ts';

const org = (id: string) => ({ id, name: id.toUpperCase(), label: 'Organization' });
const agreement = { id: 'ag1', name: 'cooperation agreement', label: 'Agreement' };

function partnership(kinds: string[], status = 'active'): FactState {
  return { key: 'PARTNERS_WITH|a|b', type: 'PARTNERS_WITH', source: org('a'), target: org('b'), kinds, status, statusAt: null, title: null };
}

function party(source: string, status: string | null, statusAt: string): FactState {
  return { key: `PARTY_TO|${source}|ag1`, type: 'PARTY_TO', source: org(source), target: agreement, kinds: [], status, statusAt, title: null };
}

const states = (...facts: FactState[]) => new Map(facts.map((f) => [f.key, f]));

function statement(fields: Partial<ChangeStatement>): ChangeStatement {
  return { id: 'd1#0.0', factKey: 'PARTNERS_WITH|a|b', documentId: 'd1', kind: null, status: null, text: 's', start: 0, end: 1, rules: [], date: null, ...fields };
}

describe('diffFacts', () => {
  it.each([
    ['a partnership first seen', states(), states(partnership(['meeting'])), [['NEW_PARTNERSHIP', ['meeting'], null, null]]],
    ['a kind added to a partnership', states(partnership(['meeting'])), states(partnership(['meeting', 'mou'])), [['NEW_KIND', ['mou'], null, null]]],
    ['a partnership that ended', states(partnership(['mou'])), states(partnership(['mou'], 'ended')), [['PARTNERSHIP_ENDED', [], 'active', 'ended']]],
    ['a partnership first seen as declined', states(), states(partnership(['discussion'], 'declined')), [['NEW_PARTNERSHIP', ['discussion'], null, null], ['PARTNERSHIP_ENDED', [], null, 'declined']]],
    ['a partnership that lost its last document', states(partnership(['mou'])), states(), [['PARTNERSHIP_REMOVED', ['mou'], null, null]]],
    ['nothing new', states(partnership(['mou'])), states(partnership(['mou'])), []],
  ])('reports %s', (_, before, after, expected) => {
    expect(diffFacts(before, after).map((c) => [c.kind, c.kinds, c.from, c.to])).toEqual(expected);
  });

  it('reports one AGREEMENT_STATUS per agreement, whatever its number of parties, with the status stated last', () => {
    const before = states(party('a', 'drafted', '2023-06-22'), party('b', 'proposed', '2023-06-20'));
    const after = states(party('a', 'signed', '2023-08-24'), party('b', 'signed', '2023-08-24'));
    const changes = diffFacts(before, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'AGREEMENT_STATUS', from: 'drafted', to: 'signed', subject: agreement });
    expect(changes[0]!.parties.map((p) => p.id)).toEqual(['a', 'b']);
    expect(organizationIdsOf(changes[0]!)).toEqual(['a', 'b']);
  });

  it('reports a new agreement from no status, and nothing when the status stays', () => {
    expect(diffFacts(states(), states(party('a', 'proposed', 'x')))).toMatchObject([{ kind: 'AGREEMENT_STATUS', from: null, to: 'proposed' }]);
    expect(diffFacts(states(party('a', 'signed', 'x')), states(party('a', 'signed', 'y'), party('b', 'signed', 'y')))).toEqual([]);
  });

  it('reports a role first seen with its title', () => {
    const role: FactState = { key: 'HOLDS_ROLE|p|a|director', type: 'HOLDS_ROLE', source: { id: 'p', name: 'P', label: 'Person' }, target: org('a'), kinds: [], status: null, statusAt: null, title: 'Director' };
    expect(diffFacts(states(), states(role))).toMatchObject([{ kind: 'NEW_ROLE', title: 'Director', subject: { id: 'p' }, object: { id: 'a' } }]);
    expect(organizationIdsOf(diffFacts(states(), states(role))[0]!)).toEqual(['a']);
  });
});

describe('evidenceFor', () => {
  it('picks the sentence that states the added kind or the new status, else the first of the fact', () => {
    const [kindChange] = diffFacts(states(partnership(['meeting'])), states(partnership(['meeting', 'mou'])));
    const meeting = statement({ id: 'd1#0.0', kind: 'meeting' });
    const mou = statement({ id: 'd1#1.0', kind: 'mou' });
    expect(evidenceFor(kindChange!, [meeting, mou])).toBe(mou);
    const [newOne] = diffFacts(states(), states(partnership(['meeting'])));
    expect(evidenceFor(newOne!, [mou, meeting])).toBe(meeting);
    expect(evidenceFor(newOne!, [statement({ factKey: 'PARTNERS_WITH|a|c' })])).toBeNull();
  });
});
