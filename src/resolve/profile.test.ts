import { describe, expect, it } from 'vitest';
import type { MentionInfo } from './profile.ts';
import { EMPTY_SUMMARY, combineMentionProps, combineSummaries, entityProfile, profileOfSummary, summaryOfMention } from './profile.ts';

const mention = (over: Partial<MentionInfo>): MentionInfo => ({
  documentId: 'd1',
  publishedAt: '2021-01-22',
  name: 'ICESCO',
  names: ['ICESCO'],
  lookupKeys: ['Organization|icesco'],
  identityKeys: ['Organization|icesco'],
  candidateId: 'org-icesco',
  status: null,
  date: null,
  ...over,
});

describe('entityProfile', () => {
  it('takes the longest name, keeps one spelling per key as aliases, and marks identity keys', () => {
    const profile = entityProfile('Organization', [
      mention({}),
      mention({
        documentId: 'd2',
        name: 'Islamic World Educational, Scientific, and Cultural Organization',
        names: ['Islamic World Educational, Scientific, and Cultural Organization', 'ICESCO', 'Icesco', 'ISESCO'],
        lookupKeys: ['Organization|icesco', 'Organization|isesco', 'Organization|islamic world educational scientific and cultural organization'],
        identityKeys: ['Organization|icesco'],
        candidateId: 'org-icesco',
      }),
    ]);
    expect(profile).toMatchObject({
      id: 'org-icesco',
      name: 'Islamic World Educational, Scientific, and Cultural Organization',
      aliases: ['ICESCO', 'ISESCO'],
      searchText: 'Islamic World Educational, Scientific, and Cultural Organization | ICESCO | ISESCO',
      props: {},
      aliasKeys: [
        { key: 'Organization|icesco', identity: true },
        { key: 'Organization|isesco', identity: false },
        { key: 'Organization|islamic world educational scientific and cultural organization', identity: false },
      ],
    });
  });

  it('gives an agreement the status of its latest document and an event its earliest date', () => {
    expect(
      entityProfile('Agreement', [mention({ status: 'signed', publishedAt: '2023-01-01', documentId: 'b' }), mention({ status: 'proposed', publishedAt: '2021-01-01' })])?.props,
    ).toEqual({ status: 'signed' });
    expect(entityProfile('Event', [mention({ date: '2021-05-02' }), mention({ date: '2021-05-01', documentId: 'd2' })])?.props).toEqual({ date: '2021-05-01' });
  });

  it('is null when no document mentions the entity any more', () => {
    expect(entityProfile('Person', [])).toBeNull();
  });
});

describe('incremental profiles', () => {
  const mentions: MentionInfo[] = [
    mention({ documentId: 'a', name: 'ICESCO', names: ['ICESCO', 'Icesco'], status: 'proposed', publishedAt: '2021-01-01' }),
    mention({ documentId: 'b', name: 'Islamic World Educational, Scientific and Cultural Organization', names: ['ISESCO'], publishedAt: '2019-01-01' }),
    mention({ documentId: 'c', name: 'Islamic World Educational, Scientific, and Cultural Organization', names: ['icesco'], status: 'signed', publishedAt: '2021-01-01', date: '2021-02-02' }),
    mention({ documentId: 'd', name: 'ICESCO', names: [], date: '2020-02-02' }),
  ];
  it.each([0, 1, 2, 3])('adding documents to a stored summary after %i mentions gives the full result', (split) => {
    for (const type of ['Organization', 'Agreement', 'Event'] as const) {
      const full = entityProfile(type, mentions)!;
      const stored = JSON.parse(JSON.stringify(mentions.slice(0, split).map(summaryOfMention).reduce(combineSummaries, EMPTY_SUMMARY))) as typeof EMPTY_SUMMARY;
      const incremental = profileOfSummary(type, mentions.slice(split).map(summaryOfMention).reduce(combineSummaries, stored))!;
      expect({ ...full, aliasKeys: undefined, id: undefined }).toEqual({ ...incremental, aliasKeys: undefined, id: undefined });
    }
  });
});

describe('combineMentionProps', () => {
  const a = { name: 'PUA', names: ['PUA', 'Polytechnic University of Accra'], lookupKeys: ['Organization|pua'], identityKeys: ['Organization|pua'], candidateId: 'org-pua', status: null, date: null };
  const b = { name: 'University of Astana', names: ['University of Astana'], lookupKeys: ['Organization|university of astana'], identityKeys: [], candidateId: 'org-university-of-astana', status: 'signed', date: null };
  it('is symmetric: two names of one entity in one document combine the same whichever came first', () => {
    expect(combineMentionProps(a, b)).toEqual(combineMentionProps(b, a));
    expect(combineMentionProps(a, b)).toMatchObject({ name: 'University of Astana', candidateId: 'org-pua', status: 'signed' });
  });
});
