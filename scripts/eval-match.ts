/**
 * Per-fact verdicts against a gold file, with the same matching as the
 * evaluation kit's scorer (../shared/eval/score.mjs): greedy one-to-one name
 * matching, lenient on case, accents, honorifics, initials and "Al-" forms.
 * The scorer prints totals; this says which predicted fact was right, which
 * was wrong and which gold fact was missed, so `npm run eval` can list errors
 * and credit each rule with its true and false positives.
 */
import type { ExtractionResult } from '../src/model/types.ts';

export type FactKind = 'organizations' | 'people' | 'roles' | 'partnerships' | 'countries' | 'part_of';
export const FACT_KINDS: readonly FactKind[] = ['organizations', 'people', 'roles', 'partnerships', 'countries', 'part_of'];

export interface GoldFile {
  organizations?: Array<{ name: string; aliases?: string[] }>;
  people?: Array<{ name: string; aliases?: string[]; roles?: Array<{ title?: string; org: string | null }> }>;
  countries?: string[];
  partnerships?: Array<{ between: [string, string] }>;
  part_of?: Array<{ member: string; of: string }>;
}

/** One predicted fact with its verdict, or one missed gold fact. */
export interface Verdict {
  kind: FactKind;
  /** 'tp' and 'fp' for predictions, 'fn' for gold facts nobody predicted. */
  verdict: 'tp' | 'fp' | 'fn';
  label: string;
  /** Index into prediction.relations for relation kinds (first relation giving the fact). */
  relations?: number[];
  /** The predicted entity's id, for organisations and people. */
  entity?: string;
}

export interface Judgement {
  counts: Record<FactKind, { tp: number; pred: number; gold: number }>;
  verdicts: Verdict[];
}

const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'prof', 'professor', 'he', 'his', 'her', 'excellency',
  'eng', 'engineer', 'sheikh', 'shaikh', 'sir', 'dame', 'amb', 'ambassador', 'hon', 'honourable', 'honorable',
  'president', 'minister', 'director', 'general', 'secretary', 'chairman', 'chair', 'rector', 'dean']);
const STOP = new Set(['the', 'of', 'and', 'for', 'in', 'on', 'de', 'des', 'du', 'la', 'le', 'a', 'an', '&']);
const NOT_A_PARTNERSHIP = new Set(['ended', 'terminated', 'declined', 'withdrawn', 'cancelled']);
const COUNTRY_ALIASES = new Map(Object.entries({
  'russian federation': 'russia', 'turkiye': 'turkey', 'uae': 'united arab emirates',
  'us': 'united states', 'usa': 'united states', 'u s': 'united states', 'united states america': 'united states',
  'uk': 'united kingdom', 'great britain': 'united kingdom', 'britain': 'united kingdom',
  'syrian arab republic': 'syria', 'korea': 'south korea', 'viet nam': 'vietnam',
  'drc': 'democratic republic congo', 'dr congo': 'democratic republic congo',
  'cote divoire': 'ivory coast', 'czechia': 'czech republic', 'burma': 'myanmar', 'eswatini': 'swaziland',
}));

type NameKind = 'org' | 'person';
const fold = (s: string) => String(s ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’'`´]/g, '').toLowerCase();
const words = (s: string) => fold(s).split(/[^a-z0-9]+/).filter(Boolean);
function personTokens(s: string): string[] {
  const t = words(s).filter((w) => !HONORIFICS.has(w));
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) {
    const w = t[i]!;
    if ((w === 'al' || w === 'el') && i + 1 < t.length) out.push(w + t[++i]!);
    else if (w === 'bin' || w === 'ibn' || w === 'bint' || w.length === 1) continue;
    else out.push(w);
  }
  return out;
}
const orgTokens = (s: string) => words(s).filter((w) => !STOP.has(w));
function countryKey(name: string): string {
  let k = orgTokens(String(name).replace(/^\s*the\s+/i, '')).join(' ');
  k = k.replace(/^(republic|kingdom|state|sultanate|federal republic|islamic republic|hashemite kingdom|people s republic|peoples republic) /, '');
  return COUNTRY_ALIASES.get(k) ?? k;
}

function nameSim(a: string, b: string, kind: NameKind): number {
  const ta = kind === 'person' ? personTokens(a) : orgTokens(a);
  const tb = kind === 'person' ? personTokens(b) : orgTokens(b);
  if (!ta.length || !tb.length) return 0;
  if (ta.join(' ') === tb.join(' ')) return 1;
  const A = new Set(ta);
  const B = new Set(tb);
  let inter = 0;
  for (const w of A) if (B.has(w)) inter++;
  const jac = inter / (A.size + B.size - inter);
  if (kind === 'person') {
    if (inter === Math.min(A.size, B.size) && ta[ta.length - 1] === tb[tb.length - 1]) return 0.9;
    return jac >= 0.67 ? jac : 0;
  }
  return jac >= 0.6 ? jac : 0;
}
function bestSim(a: string[], b: string[], kind: NameKind): number {
  let best = 0;
  for (const x of a) for (const y of b) best = Math.max(best, nameSim(x, y, kind));
  return best;
}
function match(pred: string[][], gold: string[][], kind: NameKind): Map<number, number> {
  const cands: Array<[number, number, number]> = [];
  pred.forEach((p, i) => gold.forEach((g, j) => {
    const s = bestSim(p, g, kind);
    if (s > 0) cands.push([s, i, j]);
  }));
  cands.sort((x, y) => y[0] - x[0]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const m = new Map<number, number>();
  for (const [, i, j] of cands) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    m.set(i, j);
  }
  return m;
}
function goldIndex(gold: string[][], name: string, kind: NameKind): number {
  let best = -1;
  let bestS = 0;
  gold.forEach((g, j) => {
    const s = bestSim([name], g, kind);
    if (s > bestS) {
      bestS = s;
      best = j;
    }
  });
  return best;
}
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Judges one document's prediction against its gold annotation. */
export function judge(gold: GoldFile, pred: ExtractionResult): Judgement {
  const counts = Object.fromEntries(FACT_KINDS.map((k) => [k, { tp: 0, pred: 0, gold: 0 }])) as Judgement['counts'];
  const verdicts: Verdict[] = [];
  const byId = new Map(pred.entities.map((e) => [e.id, e]));
  const namesOf = (id: string) => {
    const e = byId.get(id);
    return e ? [e.name, ...e.aliases] : [];
  };

  // Entities.
  const gOrgs = (gold.organizations ?? []).map((o) => [o.name, ...(o.aliases ?? [])]);
  const pOrgEnts = pred.entities.filter((e) => e.type === 'Organization');
  const orgMatch = match(pOrgEnts.map((e) => namesOf(e.id)), gOrgs, 'org');
  const orgOf = new Map<string, string>();
  pOrgEnts.forEach((e, i) => orgOf.set(e.id, orgMatch.has(i) ? `g${orgMatch.get(i)}` : `p${e.id}`));
  const gPeople = (gold.people ?? []).map((p) => [p.name, ...(p.aliases ?? [])]);
  const pPeopleEnts = pred.entities.filter((e) => e.type === 'Person');
  const personMatch = match(pPeopleEnts.map((e) => namesOf(e.id)), gPeople, 'person');
  const personOf = new Map<string, string>();
  pPeopleEnts.forEach((e, i) => personOf.set(e.id, personMatch.has(i) ? `g${personMatch.get(i)}` : `p${e.id}`));
  const entityVerdicts = (kind: FactKind, ents: typeof pOrgEnts, m: Map<number, number>, gold: string[][]) => {
    counts[kind] = { tp: m.size, pred: ents.length, gold: gold.length };
    ents.forEach((e, i) => verdicts.push({ kind, verdict: m.has(i) ? 'tp' : 'fp', label: e.name, entity: e.id }));
    const hit = new Set(m.values());
    gold.forEach((g, j) => { if (!hit.has(j)) verdicts.push({ kind, verdict: 'fn', label: g[0]! }); });
  };
  entityVerdicts('organizations', pOrgEnts, orgMatch, gOrgs);
  entityVerdicts('people', pPeopleEnts, personMatch, gPeople);

  // Relations: predicted keys with the relations that give them, gold keys with labels.
  const relationFacts = (kind: FactKind, goldKeys: Map<string, string>, predKeys: Map<string, { label: string; relations: number[] }>) => {
    let tp = 0;
    for (const [k, v] of predKeys) {
      const ok = goldKeys.has(k);
      if (ok) tp++;
      verdicts.push({ kind, verdict: ok ? 'tp' : 'fp', label: v.label, relations: v.relations });
    }
    for (const [k, l] of goldKeys) if (!predKeys.has(k)) verdicts.push({ kind, verdict: 'fn', label: l });
    counts[kind] = { tp, pred: predKeys.size, gold: goldKeys.size };
  };
  const addPred = (map: Map<string, { label: string; relations: number[] }>, key: string, lbl: string, i: number) => {
    const cur = map.get(key);
    if (cur) cur.relations.push(i);
    else map.set(key, { label: lbl, relations: [i] });
  };

  const gRoles = new Map<string, string>();
  (gold.people ?? []).forEach((p, pi) => {
    for (const r of p.roles ?? []) {
      if (r.org == null) continue;
      const oj = goldIndex(gOrgs, r.org, 'org');
      gRoles.set(`g${pi}|${oj >= 0 ? `g${oj}` : `?${r.org}`}`, `${p.name} -> ${r.org} (${r.title ?? ''})`);
    }
  });
  const pRoles = new Map<string, { label: string; relations: number[] }>();
  const gPairs = new Map<string, string>();
  for (const p of gold.partnerships ?? []) {
    const [a, b] = p.between;
    const ia = goldIndex(gOrgs, a, 'org');
    const ib = goldIndex(gOrgs, b, 'org');
    if (ia < 0 || ib < 0 || ia === ib) continue;
    gPairs.set(pairKey(`g${ia}`, `g${ib}`), `${a} <-> ${b}`);
  }
  const pPairs = new Map<string, { label: string; relations: number[] }>();
  const gPart = new Map<string, string>();
  for (const p of gold.part_of ?? []) {
    const ia = goldIndex(gOrgs, p.member, 'org');
    const ib = goldIndex(gOrgs, p.of, 'org');
    if (ia >= 0 && ib >= 0 && ia !== ib) gPart.set(`g${ia}>g${ib}`, `${p.member} < ${p.of}`);
  }
  const pPart = new Map<string, { label: string; relations: number[] }>();
  pred.relations.forEach((r, i) => {
    const a = byId.get(r.source);
    const b = byId.get(r.target);
    if (!a || !b) return;
    if (r.type === 'HOLDS_ROLE' && a.type === 'Person' && b.type === 'Organization') {
      addPred(pRoles, `${personOf.get(a.id)}|${orgOf.get(b.id)}`, `${a.name} -> ${b.name} (${r.properties.title ?? ''})`, i);
    } else if (r.type === 'PARTNERS_WITH' && a.type === 'Organization' && b.type === 'Organization') {
      if (NOT_A_PARTNERSHIP.has(String(r.properties.status ?? '').toLowerCase())) return;
      const ka = orgOf.get(a.id)!;
      const kb = orgOf.get(b.id)!;
      if (ka !== kb) addPred(pPairs, pairKey(ka, kb), `${a.name} <-> ${b.name}`, i);
    } else if (r.type === 'PART_OF' && a.type === 'Organization' && b.type === 'Organization') {
      addPred(pPart, `${orgOf.get(a.id)}>${orgOf.get(b.id)}`, `${a.name} < ${b.name}`, i);
    }
  });
  relationFacts('roles', gRoles, pRoles);
  relationFacts('partnerships', gPairs, pPairs);
  relationFacts('part_of', gPart, pPart);

  const gC = new Map((gold.countries ?? []).map((c) => [countryKey(c), c]));
  const pC = new Map(pred.entities.filter((e) => e.type === 'Country').map((e) => [countryKey(e.name), e.name]));
  let ctp = 0;
  for (const [k, n] of pC) {
    const ok = gC.has(k);
    if (ok) ctp++;
    verdicts.push({ kind: 'countries', verdict: ok ? 'tp' : 'fp', label: n });
  }
  for (const [k, n] of gC) if (!pC.has(k)) verdicts.push({ kind: 'countries', verdict: 'fn', label: n });
  counts.countries = { tp: ctp, pred: pC.size, gold: gC.size };
  return { counts, verdicts };
}

