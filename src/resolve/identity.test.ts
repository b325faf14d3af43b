import { describe, expect, it } from 'vitest';
import type { ExtractedEntity, ExtractedRelation, ExtractionResult } from '../model/types.ts';
import type { BatchEntity } from './identity.ts';
import {
  assignIds,
  bestId,
  compareIds,
  distinctAnchors,
  entityKeysOf,
  guardedKeys,
  idFromKey,
  isAcronym,
  isGenericDescription,
  isGenericThingName,
  personIdentityForms,
} from './identity.ts';
import type { DistinctSides } from './identity.ts';

function doc(id: string, entities: ExtractedEntity[], relations: ExtractedRelation[] = []): ExtractionResult {
  return { document: { id, title: null, publishedAt: '2024-01-01' }, entities, relations };
}
const ev = [{ start: 0, end: 1, text: 'x' }];
const org = (id: string, name: string, aliases: string[] = []): ExtractedEntity => ({ id, type: 'Organization', name, aliases });
const person = (id: string, name: string, aliases: string[] = []): ExtractedEntity => ({ id, type: 'Person', name, aliases });

/** Graph ids the documents' entities get when all are placed together (local id -> graph id per document). */
function place(...docs: ExtractionResult[]): Array<Record<string, string>> {
  return placeJudged([], ...docs);
}

/** As `place`, under distinct judgements. */
function placeJudged(distincts: DistinctSides[], ...docs: ExtractionResult[]): Array<Record<string, string>> {
  const batch: BatchEntity[] = docs.flatMap((d, i) => entityKeysOf(d).map((keys) => ({ doc: i, keys })));
  return assignIds(batch, [], docs.length, [], { merges: [], distincts }).graphIds;
}

describe('name rules', () => {
  it.each([
    ['the Ministry', true],
    ['Ministry', true],
    ['the University', true],
    ['the German Association', true],
    ['both parties', true],
    ['Ministry of Education of Kazakhstan', false],
    ['Leibniz Association', false],
    ['ICESCO', false],
  ])('isGenericDescription(%j) is %j', (name, expected) => {
    expect(isGenericDescription(name)).toBe(expected);
  });

  it.each([
    ['ICESCO', true],
    ['AArU', true],
    ['UM6P', true],
    ['AUDA-NEPAD', true],
    ['Leibniz', false],
    ['Leibniz Association', false],
    ['I', false],
  ])('isAcronym(%j) is %j', (name, expected) => {
    expect(isAcronym(name)).toBe(expected);
  });

  it.each([
    ['Memorandum of Understanding', true],
    ['cooperation agreement', true],
    ['Executive Programme 2023-2024', true],
    ['virtual working session', true],
    ['ICESCO-Leibniz-DAAD Scholarship', false],
    ['ICESCO Forum on Scientific Paper and Patent Writing', false],
  ])('isGenericThingName(%j) is %j', (name, expected) => {
    expect(isGenericThingName(name)).toBe(expected);
  });

  it.each([
    ['Salim M. AlMalik', ['salim almalik']],
    ['Salim Al-Malik', ['salim almalik']],
    ['Salim bin Mohammed Al-Malik', ['salim mohammed almalik', 'salim almalik']],
    ['Nor Aini binti Hassan', ['nor aini hassan', 'nor hassan']],
    ['Al-Malik', []],
  ])('personIdentityForms(%j) is %j', (name, forms) => {
    expect(personIdentityForms(name)).toEqual(forms);
  });

  it('orders ids shortest first, then alphabetically', () => {
    expect(bestId(['org-islamic-world', 'org-isesco', 'org-icesco'])).toBe('org-icesco');
    expect(compareIds('org-a', 'org-a')).toBe(0);
    expect(idFromKey('Organization', 'Leibniz Association')).toBe('org-leibniz-association');
    expect(idFromKey('Organization', 'x'.repeat(100))).toMatch(/^org-x{40}-[0-9a-f]{10}$/);
  });
});

describe('cross-document identity', () => {
  const icescoFull = 'Islamic World Educational, Scientific, and Cultural Organization';
  it.each<[string, ExtractionResult[], (ids: Array<Record<string, string>>) => void]>([
    [
      'an acronym and the full name in different documents meet through a third that gives both',
      [doc('a', [org('e1', icescoFull)]), doc('b', [org('e1', 'ICESCO')]), doc('c', [org('e1', icescoFull, ['ICESCO'])])],
      (ids) => {
        expect(new Set(ids.map((d) => d.e1))).toEqual(new Set(['org-icesco']));
      },
    ],
    [
      'ministries of two countries stay apart',
      [doc('a', [org('e1', 'Ministry of Education of Kazakhstan', ['the Ministry'])]), doc('b', [org('e1', 'Ministry of Education of Uzbekistan', ['the Ministry'])])],
      (ids) => {
        expect(ids[0]!.e1).not.toBe(ids[1]!.e1);
      },
    ],
    [
      'a shared one-word short form does not join two organisations',
      [doc('a', [org('e1', 'Leibniz Association', ['Leibniz'])]), doc('b', [org('e1', 'Leibniz Institute for Catalysis', ['Leibniz', 'LIKAT'])])],
      (ids) => {
        expect(ids[0]!.e1).toBe('org-leibniz-association');
        expect(ids[1]!.e1).toBe('org-likat');
      },
    ],
    [
      'an organisation with an acronym takes the acronym as id',
      [doc('a', [org('e1', 'Leibniz Institute for Catalysis', ['LIKAT'])])],
      (ids) => {
        expect(ids[0]!.e1).toBe('org-likat');
      },
    ],
    [
      'name variants of one person meet on first and last name',
      [doc('a', [person('e1', 'Salim M. AlMalik', ['Al-Malik'])]), doc('b', [person('e1', 'Salim bin Mohammed Al-Malik')]), doc('c', [person('e1', 'Salim Al Malik')])],
      (ids) => {
        expect(new Set(ids.map((d) => d.e1))).toEqual(new Set(['person-salim-almalik']));
      },
    ],
    [
      'a surname alone is the same person only at the same organisation',
      [
        doc('a', [person('e1', 'Salim M. AlMalik'), org('e2', 'ICESCO')], [{ type: 'HOLDS_ROLE', source: 'e1', target: 'e2', properties: { title: 'Director-General' }, evidence: ev }]),
        doc('b', [person('e1', 'Al-Malik'), org('e2', 'ICESCO')], [{ type: 'HOLDS_ROLE', source: 'e1', target: 'e2', properties: { title: 'DG' }, evidence: ev }]),
        doc('c', [person('e1', 'Al-Malik'), org('e2', 'ALECSO')], [{ type: 'HOLDS_ROLE', source: 'e1', target: 'e2', properties: { title: 'Adviser' }, evidence: ev }]),
      ],
      (ids) => {
        expect(ids[1]!.e1).toBe(ids[0]!.e1);
        expect(ids[2]!.e1).not.toBe(ids[0]!.e1);
      },
    ],
    [
      'two organisations that share an acronym but not their full names stay apart, each with the id of its full name; the acronym alone joins neither',
      [
        doc('a', [org('e1', 'Polytechnic University of Accra', ['PUA'])]),
        doc('b', [org('e1', 'Polytechnic University of Abuja', ['PUA'])]),
        doc('c', [org('e1', 'Polytechnic University of Accra')]),
        doc('d', [org('e1', 'PUA')]),
      ],
      (ids) => {
        expect(ids.map((d) => d.e1)).toEqual([
          'org-polytechnic-university-of-accra',
          'org-polytechnic-university-of-abuja',
          'org-polytechnic-university-of-accra',
          'org-pua',
        ]);
      },
    ],
    [
      'an acronym with the same full name in two documents is one organisation with the acronym as id',
      [doc('a', [org('e1', 'Polytechnic University of Accra', ['PUA'])]), doc('b', [org('e1', 'Polytechnic University of Accra', ['PUA'])])],
      (ids) => {
        expect(ids.map((d) => d.e1)).toEqual(['org-pua', 'org-pua']);
      },
    ],
    [
      'an acronym alone joins the one organisation a full name gives it to',
      [doc('a', [org('e1', 'University of Porto', ['UP'])]), doc('b', [org('e1', 'UP')]), doc('c', [org('e1', 'University of Porto')])],
      (ids) => {
        expect(ids.map((d) => d.e1)).toEqual(['org-up', 'org-up', 'org-up']);
      },
    ],
    [
      'two people with the same surname at one organisation stay two, and the surname alone there joins neither',
      [
        doc('a', [person('e1', 'Zainab Ndiaye'), org('e2', 'ICESCO')], [{ type: 'HOLDS_ROLE', source: 'e1', target: 'e2', properties: { title: 'Director' }, evidence: ev }]),
        doc('b', [person('e1', 'Daniel Ndiaye'), org('e2', 'ICESCO')], [{ type: 'HOLDS_ROLE', source: 'e1', target: 'e2', properties: { title: 'Adviser' }, evidence: ev }]),
        doc('c', [person('e1', 'Ndiaye'), org('e2', 'ICESCO')], [{ type: 'HOLDS_ROLE', source: 'e1', target: 'e2', properties: { title: 'Adviser' }, evidence: ev }]),
      ],
      (ids) => {
        expect(ids[0]!.e1).toBe('person-zainab-ndiaye');
        expect(ids[1]!.e1).toBe('person-daniel-ndiaye');
        expect([ids[0]!.e1, ids[1]!.e1]).not.toContain(ids[2]!.e1);
      },
    ],
    [
      'two people sharing only a surname stay apart',
      [doc('a', [person('e1', 'Matthias Kleiner')]), doc('b', [person('e1', 'Anna Kleiner')])],
      (ids) => {
        expect(ids[0]!.e1).not.toBe(ids[1]!.e1);
      },
    ],
    [
      'a generic agreement between the same parties reported twice is one node; other parties give another',
      [
        doc('a', [org('e1', 'ICESCO'), org('e2', 'LIKAT'), { id: 'e3', type: 'Agreement', name: 'Memorandum of Understanding', aliases: [] }], [
          { type: 'PARTY_TO', source: 'e1', target: 'e3', properties: {}, evidence: ev },
          { type: 'PARTY_TO', source: 'e2', target: 'e3', properties: {}, evidence: ev },
        ]),
        doc('b', [org('e1', 'LIKAT'), org('e2', 'ICESCO'), { id: 'e3', type: 'Agreement', name: 'MoU', aliases: [] }], [
          { type: 'PARTY_TO', source: 'e1', target: 'e3', properties: {}, evidence: ev },
          { type: 'PARTY_TO', source: 'e2', target: 'e3', properties: {}, evidence: ev },
        ]),
        doc('c', [org('e1', 'ICESCO'), org('e2', 'ALECSO'), { id: 'e3', type: 'Agreement', name: 'Memorandum of Understanding', aliases: [] }], [
          { type: 'PARTY_TO', source: 'e1', target: 'e3', properties: {}, evidence: ev },
          { type: 'PARTY_TO', source: 'e2', target: 'e3', properties: {}, evidence: ev },
        ]),
      ],
      (ids) => {
        expect(ids[1]!.e3).toBe(ids[0]!.e3);
        expect(ids[2]!.e3).not.toBe(ids[0]!.e3);
      },
    ],
    [
      'a named event reported by two articles is one node',
      [
        doc('a', [{ id: 'e1', type: 'Event', name: 'ICESCO Forum on Scientific Paper and Patent Writing', aliases: [] }]),
        doc('b', [{ id: 'e1', type: 'Event', name: 'ICESCO forum on scientific paper and patent writing', aliases: [] }]),
      ],
      (ids) => {
        expect(ids[0]!.e1).toBe(ids[1]!.e1);
      },
    ],
    [
      'generic events without a date stay one per document',
      [doc('a', [{ id: 'e1', type: 'Event', name: 'working session', aliases: [] }]), doc('b', [{ id: 'e1', type: 'Event', name: 'working session', aliases: [] }])],
      (ids) => {
        expect(ids[0]!.e1).not.toBe(ids[1]!.e1);
      },
    ],
  ])('%s', (_name, docs, check) => {
    check(place(...docs));
  });

  it('gives the same ids whatever the order of documents', () => {
    const docs = [
      doc('a', [org('e1', 'Islamic World Educational, Scientific, and Cultural Organization')]),
      doc('b', [org('e1', 'ICESCO', ['ISESCO'])]),
      doc('c', [org('e1', 'Islamic World Educational, Scientific, and Cultural Organization', ['ICESCO'])]),
      doc('d', [person('e1', 'Salim Al-Malik')]),
      doc('e', [person('e1', 'Salim M. AlMalik')]),
    ];
    const forward = place(...docs);
    const backward = place(...[...docs].reverse()).reverse();
    expect(backward).toEqual(forward);
  });

  it('merges existing entities that a new document links, into the smallest id', () => {
    const keys = entityKeysOf(doc('c', [org('e1', 'Islamic World Educational, Scientific, and Cultural Organization', ['ICESCO'])]));
    const result = assignIds(
      keys.map((k) => ({ doc: 0, keys: k })),
      [{ key: 'Organization|islamic world educational scientific and cultural organization', id: 'org-islamic-world-educational-scientific-and-cultural-organization', type: 'Organization' }],
      1,
    );
    expect(result.graphIds[0]!.e1).toBe('org-icesco');
    expect(result.merges).toEqual([{ type: 'Organization', from: 'org-islamic-world-educational-scientific-and-cultural-organization', to: 'org-icesco' }]);
  });

  it('gives the same ids in every order when an acronym is contested', () => {
    const docs = [
      doc('a', [org('e1', 'Polytechnic University of Accra', ['PUA'])]),
      doc('b', [org('e1', 'PUA')]),
      doc('c', [org('e1', 'Polytechnic University of Abuja', ['PUA'])]),
      doc('d', [person('e1', 'Zainab Ndiaye'), org('e2', 'PUA')], [{ type: 'HOLDS_ROLE', source: 'e1', target: 'e2', properties: { title: 'Director' }, evidence: ev }]),
    ];
    const forward = place(...docs);
    expect([forward[0]!.e1, forward[1]!.e1, forward[2]!.e1, forward[3]!.e2]).toEqual([
      'org-polytechnic-university-of-accra',
      'org-pua',
      'org-polytechnic-university-of-abuja',
      'org-pua',
    ]);
    for (const order of [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]]) {
      const ids = place(...order.map((i) => docs[i]!));
      expect(order.map((_, i) => ids[order.indexOf(i)])).toEqual(forward);
    }
  });

  it('re-places the mentions of a stored organisation whose acronym another full name now contests: its id becomes that of its full name', () => {
    const [accra] = entityKeysOf(doc('a', [org('e1', 'Polytechnic University of Accra', ['PUA'])]));
    const [bare] = entityKeysOf(doc('b', [org('e1', 'PUA')]));
    expect(assignIds([{ doc: 0, keys: accra! }, { doc: 1, keys: bare! }], [], 2).graphIds.map((d) => d.e1)).toEqual(['org-pua', 'org-pua']);
    // Stored: one org-pua with both mentions. A new document spells PUA out otherwise.
    const abuja = entityKeysOf(doc('c', [org('e1', 'Polytechnic University of Abuja', ['PUA'])]));
    const reopened = [
      { entityId: 'org-pua', documentId: 'a', keys: accra! },
      { entityId: 'org-pua', documentId: 'b', keys: bare! },
    ];
    const result = assignIds(abuja.map((k) => ({ doc: 0, keys: k })), [], 1, reopened);
    expect(result.graphIds[0]!.e1).toBe('org-polytechnic-university-of-abuja');
    expect(result.placed.map((p) => [p.documentId, p.to])).toEqual([
      ['a', 'org-polytechnic-university-of-accra'],
      ['b', 'org-pua'],
    ]);
  });

  it('never uses a generic description as a key', () => {
    const [keys] = entityKeysOf(doc('a', [org('e1', 'Ministry of Science and Higher Education of the Republic of Kazakhstan', ['the Ministry'])]));
    expect(keys!.lookupKeys).toEqual(['Organization|ministry of science and higher education of the republic of kazakhstan']);
    expect(keys!.identityKeys).toEqual(keys!.lookupKeys);
  });

  describe('distinct judgements', () => {
    // Two institutes the texts both call "Kivu Campus": one node until an analyst says they are two.
    const docs = [
      doc('a', [org('e1', 'Kivu Research Institute', ['Kivu Campus'])]),
      doc('b', [org('e1', 'Kivu Teachers College', ['Kivu Campus'])]),
      doc('c', [org('e1', 'Kivu Campus')]),
      doc('d', [org('e1', 'Kivu Research Institute')]),
    ];
    const keysOf = (d: ExtractionResult) => entityKeysOf(d)[0]!.identityKeys;
    const split: DistinctSides = { id: 'j1', ...distinctAnchors([keysOf(docs[0]!), keysOf(docs[3]!)], [keysOf(docs[1]!)]) };
    const inEveryOrder = (distincts: DistinctSides[], list: ExtractionResult[]) => {
      const forward = placeJudged(distincts, ...list).map((d) => d.e1);
      for (const order of [[...list.keys()].reverse(), [1, 3, 0, 2].filter((i) => i < list.length), [2, 0, 3, 1].filter((i) => i < list.length)]) {
        const ids = placeJudged(distincts, ...order.map((i) => list[i]!));
        expect(order.map((_, i) => ids[order.indexOf(i)]!.e1)).toEqual(forward);
      }
      return forward;
    };

    it('takes as anchors the strong keys only one side holds', () => {
      expect(split).toEqual({ id: 'j1', a: ['Organization|kivu research institute'], b: ['Organization|kivu teachers college'] });
    });

    it('joins the institutes through their shared name without the judgement', () => {
      expect(place(...docs).map((d) => d.e1)).toEqual(['org-kivu-campus', 'org-kivu-campus', 'org-kivu-campus', 'org-kivu-campus']);
    });

    it('keeps the two sides apart, and the shared name alone with neither, in every order', () => {
      expect(inEveryOrder([split], docs)).toEqual(['org-kivu-research-institute', 'org-kivu-teachers-college', 'org-kivu-campus', 'org-kivu-research-institute']);
    });

    it('lets a shared name join the one side that uses it', () => {
      const one = [docs[0]!, docs[2]!, doc('b', [org('e1', 'Kivu Teachers College')])];
      expect(inEveryOrder([split], one)).toEqual(['org-kivu-campus', 'org-kivu-campus', 'org-kivu-teachers-college']);
    });

    it('keeps a mention naming both sides on the side of its own name', () => {
      const both = doc('e', [org('e1', 'Kivu Teachers College', ['Kivu Research Institute'])]);
      expect(inEveryOrder([split], [docs[0]!, docs[1]!, both])).toEqual(['org-kivu-research-institute', 'org-kivu-teachers-college', 'org-kivu-teachers-college']);
      expect(guardedKeys(entityKeysOf(both)[0]!, [split])).toEqual(['Organization|kivu research institute~', 'Organization|kivu teachers college']);
    });

    it('refuses a chain of names that would put both sides in one entity', () => {
      const chain = [
        doc('x', [org('e1', 'Kivu Research Institute', ['Lake Kivu Trust'])]),
        doc('z', [org('e1', 'Lake Kivu Trust', ['Lake Kivu Fund'])]),
        doc('y', [org('e1', 'Kivu Teachers College', ['Lake Kivu Fund'])]),
      ];
      expect(new Set(place(...chain).map((d) => d.e1)).size).toBe(1);
      // The fund's name comes first: the trust goes with the college, the institute stays alone.
      expect(inEveryOrder([split], chain)).toEqual(['org-kivu-research-institute', 'org-lake-kivu-trust', 'org-lake-kivu-trust']);
    });

    it('leaves holders of no anchor as they were', () => {
      const keys = entityKeysOf(docs[2]!)[0]!;
      expect(guardedKeys(keys, [split])).toBe(keys.identityKeys);
    });
  });
});
