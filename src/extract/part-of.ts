/**
 * PART_OF: a unit, institute or member of another organisation, only where
 * the text states it:
 *  - possessive: "ALECSO's Institute of Arab Manuscripts", "its National Engineering School"
 *  - apposition: "X, a constituent school of Y", "X, an affiliate of Y", "X, the development agency of Y"
 *  - "X is one of 76 institutes ... of Y", "X, one of the Society's 85 institutes"
 *  - a unit named after its parent: "Leibniz Institute ..." of the "Leibniz Association",
 *    "Makerere University School of Public Health" of "Makerere University"
 */
import type { Analysis } from './analyze.ts';
import type { Entity, Mention } from './registry.ts';
import { orgKeyTokens } from './registry.ts';
import { evidenceOf } from './result.ts';
import type { DraftRelation } from './result.ts';
import type { Token } from './text.ts';
import { ruleOn } from './rules.ts';
import { isAcronym } from './text.ts';
import { NESTABLE_HEADS } from './org-names.ts';

/** Heads of units that belong to a larger body. */
const UNIT_HEADS: ReadonlySet<string> = new Set([...NESTABLE_HEADS, 'Foundation']);
/** Parent bodies that have named units. */
const PARENT_HEADS: ReadonlySet<string> = new Set(['Association', 'Society', 'University', 'Foundation', 'Organization', 'Union', 'Academy']);
/** Descriptions of a unit in apposition: "a constituent school of", "an affiliate of". */
const UNIT_DESCRIPTION =
  /^(?:(?:a|an|the|its|one of (?:the )?(?:\d+ )?)\s*(?:[\w-]+\s+){0,2}?(?:constituent|affiliate|affiliated|subsidiary|branch|institutes?|schools?|colleges?|faculty|faculties|units?|agency|centres?|centers?|departments?|laborator(?:y|ies)|research units?|arm|window|organ|division|office|bureau|foundation|programme|program|campus)\b|part of\b)/i;

/** Nouns that describe a unit of an organisation: "its Nigerian subsidiary", "the Group's concessional window". */
const UNIT_NOUN = /^(subsidiary|subsidiaries|affiliate|unit|arm|branch|office|foundation|division|window|organ|agency|institute|centre|center|campus|school|college|faculty)$/i;

const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : '');

export function findPartOf(a: Analysis): DraftRelation[] {
  const out: DraftRelation[] = [];
  const add = (member: Entity, parent: Entity, sentence: number, reason: string) => {
    if (!ruleOn(`part-of.${reason}`)) return;
    if (member === parent || member.type !== 'Organization' || parent.type !== 'Organization') return;
    if (out.some((r) => r.source === member && r.target === parent)) return;
    const s = a.sentences[sentence]!;
    out.push({ type: 'PART_OF', source: member, target: parent, properties: { reason }, evidence: [evidenceOf(a.text, s.start, s.end)], rules: [`part-of.${reason}`] });
  };
  a.sentences.forEach((s, si) => {
    const ms = (a.mentions[si] ?? []).filter((m) => m.entity.type === 'Organization');
    const tokens = s.tokens;
    for (const m of ms) {
      // "ALECSO's Institute ...", "the University's School of Informatics"
      if (/^['’]s$/.test(tokens[m.tj]?.text ?? '')) {
        const unit = ms.find((x) => x.ti === m.tj + 1 || (x.ti === m.tj + 2 && /^\d/.test(tokens[m.tj + 1]?.text ?? '')));
        if (unit && UNIT_HEADS.has(unit.entity.head ?? '')) add(unit.entity, m.entity, si, 'possessive');
      }
      // "at its National Engineering School of Sfax": its = the clause's subject organisation.
      if (lower(tokens[m.ti - 1]) === 'its' && UNIT_HEADS.has(m.entity.head ?? '')) {
        const subject = ms.find((x) => x.ti < m.ti && x.entity !== m.entity) ?? previousSubject(a, si, m.entity);
        if (subject) add(m.entity, subject.entity, si, 'its');
      }
      // Apposition: "X (ACR) in City, Country, a constituent school of Y"
      const after = appositionAfter(tokens, m, a.mentions[si] ?? []);
      if (after >= 0) {
        const rest = tokens.slice(after, after + 12).map((t) => t.text).join(' ').replace(/ ['’]s\b/g, '');
        const d = UNIT_DESCRIPTION.exec(rest);
        if (d) {
          // The parent follows "of" ("a constituent school of Y") or owns the unit ("one of the Society's institutes").
          let parent = ms.find((x) => x.ti > after && x.ti <= after + 12 && x.entity !== m.entity);
          // "Infosys Foundation, the CSR arm of Infosys": a parent without a head noun is named by the description.
          if (!parent && ruleOn('part-of.apposition')) parent = unnamedParent(a, tokens, after, si);
          // "a subsidiary of Norway's Telenor Group": a possessive country may stand before the parent.
          // "the local arm of Chinese technology company Huawei", "the Kigali campus of Pittsburgh-based Carnegie Mellon
          // University": a lower-case description of the parent, after at most one capitalised adjective, may come between.
          const ofBefore = parent && /\bof(\s+the)?((\s+\S+){1,2}\s+['’]s|(\s+\p{Lu}[\p{Ll}-]+)?(\s+\p{Ll}[\p{Ll}-]+){0,3})?$/u.test(tokens.slice(after, parent.ti).map((t) => t.text).join(' '));
          const possessive = parent && /^['’]s$/.test(tokens[parent.tj]?.text ?? '');
          if (parent && (ofBefore || possessive)) add(m.entity, parent.entity, si, /^(is|was)$/i.test(tokens[after - 1]?.text ?? '') ? 'copula' : 'apposition');
        }
      }
      // "the International Institute ... (I2CNER) of Kyushu University", "the Centre ... (CCRD) at COMSATS University":
      // a unit's acronym between it and its parent.
      if (UNIT_HEADS.has(m.entity.head ?? '') && tokens[m.tj]?.text === '(' && tokens[m.tj + 2]?.text === ')' && /^(of|at)$/.test(lower(tokens[m.tj + 3]))) {
        const q = m.tj + 4 + (lower(tokens[m.tj + 4]) === 'the' ? 1 : 0);
        const parent = ms.find((x) => x.ti === q && x.entity !== m.entity);
        if (parent) add(m.entity, parent.entity, si, 'nested-name');
      }
      // "the Swiss Seismological Service at ETH Zurich", "the Institute of Materials Science under the Vietnam Academy of
      // Science and Technology": a unit placed at or under a university, academy or other parent body.
      if (UNIT_HEADS.has(m.entity.head ?? '') && /^(at|under)$/.test(lower(tokens[m.tj]))) {
        const q = m.tj + 1 + (lower(tokens[m.tj + 1]) === 'the' ? 1 : 0);
        const parent = ms.find((x) => x.ti === q && x.entity !== m.entity && x.via !== 'coref');
        if (parent) add(m.entity, parent.entity, si, 'at-parent');
      }
      // "Universiti Malaya (UM), whose Academy of Malay Studies will ...": the unit of the organisation "whose" refers to.
      if (lower(tokens[m.ti - 1]) === 'whose' && UNIT_HEADS.has(m.entity.head ?? '')) {
        let q = m.ti - 2;
        if (tokens[q]?.text === ',') q--;
        if (tokens[q]?.text === ')' && tokens[q - 2]?.text === '(') q -= 3;
        const owner = ms.find((x) => x.tj === q + 1 && x.entity !== m.entity);
        if (owner) add(m.entity, owner.entity, si, 'its');
      }
      // "its Nigerian subsidiary, Airtel Nigeria", "the Bank Group's concessional window, the African Development Fund":
      // a description of the unit, owned by "its" or a possessive, then the unit's name.
      if (tokens[m.ti - 1]?.text === ',' || lower(tokens[m.ti - 1]) === 'the' && tokens[m.ti - 2]?.text === ',') {
        const comma = tokens[m.ti - 1]?.text === ',' ? m.ti - 1 : m.ti - 2;
        let q = comma - 1;
        while (q > comma - 5 && q > 0 && tokens[q]!.kind === 'word' && /^\p{Ll}/u.test(tokens[q]!.text) && !/^(its|their)$/.test(tokens[q]!.text)) q--;
        const noun = tokens[comma - 1]?.text ?? '';
        if (UNIT_NOUN.test(noun) && q < comma - 1) {
          let parent: Mention | undefined;
          if (/^(its|their)$/i.test(tokens[q]!.text)) parent = ms.filter((x) => x.tj <= q && x.entity !== m.entity).pop() ?? previousSubject(a, si - 1, m.entity);
          else if (/^['’]s$/.test(tokens[q]!.text)) parent = ms.find((x) => x.tj === q && x.entity !== m.entity);
          if (parent && parent.entity !== m.entity) add(m.entity, parent.entity, si, 'apposition');
        }
      }
      // "IFC, a member of the World Bank Group", "ITFC, another member of the IsDB Group": part of a corporate group.
      const memberAt = tokens.findIndex((t, i) => i >= m.tj && i <= m.tj + 5 && /^members?$/i.test(t.text) && lower(tokens[i + 1]) === 'of');
      if (memberAt >= 0 && tokens.slice(m.tj, memberAt).every((t) => /^(,|is|was|a|an|another|the|full|\(|\)|[A-Z]+)$/.test(t.text))) {
        // The group may be one entity with its bank: "another member of the IsDB Group" of the Islamic Development Bank.
        const group = ms.find((x) => (x.ti === memberAt + 2 || x.ti === memberAt + 3) && (/\bGroup$/.test(x.entity.name) || tokens[x.tj - 1]?.text === 'Group'));
        if (group) add(m.entity, group.entity, si, 'member-of-group');
      }
      // "Fraunhofer ISE is one of 76 institutes and research units of the Fraunhofer-Gesellschaft"
      if (/^(is|was)$/.test(lower(tokens[m.tj])) && lower(tokens[m.tj + 1]) === 'one' && lower(tokens[m.tj + 2]) === 'of') {
        const parent = ms.find((x) => x.ti > m.tj && x.ti < m.tj + 14 && x.entity !== m.entity);
        if (parent) add(m.entity, parent.entity, si, 'one-of');
      }
    }
  });
  // Parents named inside a unit's name: "Institute of Physics of the NAS of Ukraine".
  for (const unit of a.registry.entities) {
    const key = unit.properties._nestedIn;
    if (unit.type !== 'Organization' || typeof key !== 'number') continue;
    const parent = a.registry.entities.find((p) => p.key === key);
    const si = firstSentenceWith(a, unit);
    if (parent && si >= 0) add(unit, parent, si, 'nested-name');
  }
  // Country offices: "UNICEF Nigeria" of "UNICEF", "Microsoft Kenya" of "Microsoft".
  for (const office of a.registry.entities) {
    if (office.type !== 'Organization' || !office.rules.has('org.country-office')) continue;
    const si = firstSentenceWith(a, office);
    if (si < 0) continue;
    const brand = office.name.split(/\s+/)[0]!;
    const parent = a.registry.entities.find((p) => p !== office && p.type === 'Organization' && [p.name, ...p.aliases].some((n) => office.name.startsWith(`${n} `)))
      // "Airtel Nigeria" of "Airtel Africa", "Vodacom Kenya" of "Vodacom Group": the brand's regional or group company.
      ?? a.registry.entities.find((p) => p !== office && p.type === 'Organization' && !p.rules.has('org.country-office') && p.name.startsWith(`${brand} `) && /^(Africa|Group|International|Holdings|Global|Worldwide|Limited|PLC|plc)$/.test(p.name.slice(brand.length + 1)));
    if (parent) add(office, parent, si, 'country-office');
  }
  // Units named after their parent.
  const orgs = a.registry.entities.filter((e) => e.type === 'Organization');
  const firstSentence = new Map<Entity, number>();
  a.mentions.forEach((ms, si) => ms.forEach((m) => firstSentence.has(m.entity) || firstSentence.set(m.entity, si)));
  const keys = new Map(orgs.map((e) => [e, orgKeyTokens(e.name)]));
  const firstWord = (e: Entity) => e.name.split(/[\s-]+/)[0] ?? '';
  const parents = orgs.filter((p) => PARENT_HEADS.has(p.head ?? '') || (p.head === 'Society' && /-/.test(p.name)));
  // Parents by their first word, so each unit looks only at its namesakes.
  const parentsByWord = new Map<string, Entity[]>();
  for (const p of parents) parentsByWord.set(firstWord(p), [...(parentsByWord.get(firstWord(p)) ?? []), p]);
  for (const unit of orgs) {
    if (!UNIT_HEADS.has(unit.head ?? '')) continue;
    const si = firstSentence.get(unit);
    if (si === undefined) continue;
    const uk = keys.get(unit)!;
    for (const parent of parentsByWord.get(firstWord(unit)) ?? []) {
      if (parent === unit) continue;
      const pk = keys.get(parent)!;
      // "Makerere University School of Public Health" begins with "Makerere University".
      if (PARENT_HEADS.has(parent.head ?? '') && pk.length >= 2 && pk.every((w, i) => uk[i] === w) && uk.length > pk.length) add(unit, parent, si, 'named-after-parent');
      // "Leibniz Institute for Catalysis" and "Leibniz Association"; "Fraunhofer ISE" and "Fraunhofer-Gesellschaft".
      else if (['Association', 'Society'].includes(parent.head ?? '')) add(unit, parent, si, 'named-after-parent');
    }
    // "UNICEF Supply Division", "UCL Institute for Global Health", "Orange Foundation": a unit named with its parent's name first.
    // The longest such name wins: "Vodacom Tanzania Foundation" of "Vodacom Tanzania PLC", not of "Vodacom Group".
    let best: Entity | undefined;
    let bestLength = 0;
    for (const parent of orgs) {
      if (parent === unit) continue;
      // Only the parent's own name or acronym counts: "UNESCO" in "Kenya National Commission for UNESCO" is another body's name.
      // A university or academy (named-after-parent above compares their full names) counts by its acronym:
      // "TSU Faculty of Exact and Natural Sciences", "ICESCO Centre of Arabic Language".
      const own = parent.head && PARENT_HEADS.has(parent.head)
        ? [...parent.aliases].filter((n) => isAcronym(n) && n.length >= 2 && !parent.name.endsWith(n))
        : [parent.name, ...[...parent.aliases].filter((n) => !parent.name.endsWith(n))];
      for (const n of own) {
        if (n.length >= 2 && n.length > bestLength && [unit.name, ...unit.aliases].some((u) => u.startsWith(`${n} `) && !u.slice(n.length + 1).startsWith('of '))) {
          best = parent;
          bestLength = n.length;
        }
      }
    }
    if (best) add(unit, best, si, 'named-after-parent');
  }
  return out;
}

/** "the CSR arm of Infosys": the capitalised name after the description's "of", registered as an organisation. */
function unnamedParent(a: Analysis, tokens: Token[], after: number, si: number): Mention | undefined {
  const of = tokens.findIndex((t, i) => i >= after && i < after + 8 && t.text === 'of');
  if (of < 0) return undefined;
  let i = of + 1;
  if (lower(tokens[i]) === 'the') i++;
  let j = i;
  while (j < tokens.length && j - i < 4 && /^\p{Lu}/u.test(tokens[j]!.text) && tokens[j]!.kind === 'word') j++;
  if (j === i || tokens[j] && !/^[,.;)]$/.test(tokens[j]!.text)) return undefined;
  const name = tokens.slice(i, j).map((t) => t.text).join(' ');
  const entity = a.registry.findByName(name, ['Organization']) ?? a.registry.create('Organization', name, tokens[i]!.start);
  return { entity, start: tokens[i]!.start, end: tokens[j - 1]!.end, sentence: si, ti: i, tj: j, via: 'name' };
}

function firstSentenceWith(a: Analysis, e: Entity): number {
  return a.mentions.findIndex((ms) => ms.some((m) => m.entity === e));
}

/** The first organisation of this sentence or of one of the two before, other than the unit itself. */
function previousSubject(a: Analysis, si: number, unit: Entity): Mention | undefined {
  for (let p = si; p >= Math.max(0, si - 2); p--) {
    const m = (a.mentions[p] ?? []).find((x) => x.entity.type === 'Organization' && x.entity !== unit);
    if (m) return m;
  }
  return undefined;
}

/** Token index after ", " that follows a mention (skipping "(ACR)", "in City, Country"), or -1. */
function appositionAfter(tokens: Token[], m: Mention, ms: Mention[]): number {
  let k = m.tj;
  // "Geosciences Barcelona (GEO3BCN), a research centre of the CSIC": the acronym in parentheses is the mention.
  if (tokens[m.ti - 1]?.text === '(' && tokens[k]?.text === ')') k++;
  if (tokens[k]?.text === '(') {
    const close = tokens.findIndex((t, i) => i > k && t.text === ')');
    if (close < 0) return -1;
    k = close + 1;
  }
  // "in Kampala, Uganda," / "in Stuttgart,"
  if (lower(tokens[k]) === 'in' || lower(tokens[k]) === 'of') {
    let q = k + 1;
    while (q < tokens.length && q < k + 6 && (/^\p{Lu}/u.test(tokens[q]!.text) || tokens[q]!.text === ',')) {
      if (tokens[q]!.text === ',' && !/^\p{Lu}/u.test(tokens[q + 1]?.text ?? '')) break;
      if (tokens[q]!.text === ',' && ms.some((x) => x.ti === q + 1 && x.entity.type !== 'Country') ) break;
      q++;
    }
    k = q;
  }
  // "The foundation is the social investment arm of X", "X, which is a subsidiary of Y": a copula says the same.
  // ("X is one of 76 institutes of Y" is part-of.one-of.)
  if (/^(is|was)$/i.test(tokens[k]?.text ?? '') && lower(tokens[k + 1]) !== 'one' && ruleOn('part-of.copula')) return k + 1;
  if (tokens[k]?.text !== ',') return -1;
  if (lower(tokens[k + 1]) === 'which' && /^(is|was)$/i.test(tokens[k + 2]?.text ?? '') && ruleOn('part-of.copula')) return k + 3;
  return k + 1;
}
