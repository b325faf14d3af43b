/**
 * The held-out set (tests/fixtures/holdout): key facts per document, so that a
 * regression on text unlike the dev set shows up in `npm test`. Only facts the
 * engine gets right today are asserted; the full scores come from
 * `npm run eval -- tests/fixtures/holdout`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/holdout/docs');

function facts(id: string) {
  const r = extract(readFileSync(path.join(dir, `${id}.txt`), 'utf8'), { id });
  const name = (eid: string) => r.entities.find((e) => e.id === eid)?.name ?? '?';
  const pair = (a: string, b: string) => [a, b].sort().join(' + ');
  return {
    orgs: r.entities.filter((e) => e.type === 'Organization').map((e) => e.name),
    countries: r.entities.filter((e) => e.type === 'Country').map((e) => e.name),
    roles: r.relations.filter((x) => x.type === 'HOLDS_ROLE').map((x) => `${name(x.source)} -> ${name(x.target)}`),
    pairs: r.relations.filter((x) => x.type === 'PARTNERS_WITH' && !x.properties.status).map((x) => pair(name(x.source), name(x.target))),
    ended: r.relations.filter((x) => x.type === 'PARTNERS_WITH' && x.properties.status === 'ended').map((x) => pair(name(x.source), name(x.target))),
  };
}

describe('held-out documents', () => {
  it.each([
    {
      id: 'h02-malawi-kenya-health',
      orgs: ['Ministry of Health of Malawi', 'Kenya Medical Research Institute', 'World Health Organization'],
      roles: ['Tiyamike Phiri-Mwale -> Ministry of Health of Malawi', 'Achieng Odhiambo -> Ministry of Health of the Republic of Kenya', "Jean-Baptiste N'Guessan -> World Health Organization"],
      pairs: ['Ministry of Health of Malawi + Ministry of Health of the Republic of Kenya'],
      countries: ['Malawi', 'Kenya', 'Tanzania'],
    },
    {
      id: 'h03-undp-iom-tierraviva',
      orgs: ['United Nations Development Programme', 'International Organization for Migration', 'Fundación Tierra Viva'],
      roles: [],
      pairs: ['International Organization for Migration + United Nations Development Programme', 'Fundación Tierra Viva + United Nations Development Programme', 'Fundación Tierra Viva + International Organization for Migration'],
      countries: ['Guatemala'],
    },
    {
      id: 'h04-aldermoor-ghana-grant',
      orgs: ['Aldermoor Foundation', 'University of Ghana', 'Noguchi Memorial Institute for Medical Research'],
      roles: ['Eleanor Whitcombe-Asare -> Aldermoor Foundation', 'Efua M. Quaye -> University of Ghana'],
      pairs: [],
      countries: ['Togo'],
    },
    {
      id: 'h05-seadln-members',
      orgs: ['Southeast Asian Digital Library Network', 'Universiti Brunei Darussalam Library'],
      roles: ['Nguyen Thi Lan -> Southeast Asian Digital Library Network'],
      // "... approved the admission of three new members. The new members are A; B; C" (partner.counted-list).
      pairs: ['Southeast Asian Digital Library Network + Universiti Brunei Darussalam Library', 'Rizal Library of Ateneo de Manila University + Southeast Asian Digital Library Network'],
      countries: ['Thailand'],
    },
    {
      id: 'h06-bma-nordlys-gdansk',
      orgs: ['Baltic Maritime Academy', 'Nordlys Shipping AS', 'Polish Register of Shipping'],
      roles: [],
      pairs: ['Baltic Maritime Academy + Gdańsk Tech'],
      countries: ['Poland'],
    },
    {
      id: 'h07-open-science-forum',
      orgs: ['University of Rwanda', 'Network of African Science Academies', 'Ministry of Education', 'Springer Nature'],
      roles: ['Jean-Claude Habimana -> Ministry of Education', 'Didas M. Kayihura -> University of Rwanda', 'Pieter-Jan de Wit -> Springer Nature'],
      pairs: ['Network of African Science Academies + University of Rwanda', 'African Population and Health Research Center + Obafemi Awolowo University'],
      countries: ['Rwanda', 'Nigeria', 'Senegal'],
    },
    {
      id: 'h08-usp-ki-ageing',
      orgs: ['University of São Paulo', 'Karolinska Institutet'],
      roles: ['Heloísa Teixeira da Silva -> University of São Paulo'],
      pairs: [],
      countries: ['Sweden', 'Brazil'],
    },
  ])('$id', ({ id, orgs, roles, pairs, countries }) => {
    const got = facts(id);
    for (const o of orgs) expect(got.orgs).toContain(o);
    for (const r of roles) expect(got.roles).toContain(r);
    for (const p of pairs) expect(got.pairs).toContain(p);
    for (const c of countries) expect(got.countries).toContain(c);
  });

  it('a terminated partnership is kept apart from the new one (h06)', () => {
    const got = facts('h06-bma-nordlys-gdansk');
    expect(got.ended).toContain('Baltic Maritime Academy + Nordlys Shipping AS');
    expect(got.pairs).not.toContain('Baltic Maritime Academy + Nordlys Shipping AS');
  });

  it('the Related news list names nothing (h08)', () => {
    const got = facts('h08-usp-ki-ageing');
    expect(got.orgs.some((o) => /Lisbon|Fiocruz|Butantan/.test(o))).toBe(false);
  });
});
