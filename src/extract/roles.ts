/**
 * HOLDS_ROLE: a person's title at an organisation, in both orders:
 *   "Dr. Salim M. AlMalik, Director-General of ICESCO"      (person, title of org)
 *   "Dr. Salim M. AlMalik, ICESCO Director-General (DG)"    (person, org title)
 *   "KAU President Prof. Talal Hamza Al-Qahtani"            (org title person)
 *   "ALECSO's Director-General, Prof. Hisham Bennani"       (org's title, person)
 *   "the Vice-Rector of ADA University, Dr. Nigar Hasanova" (title of org, person)
 *   "..., who also chairs the ASAIHL"                        (relative clause)
 * and chains: "Vice President of X and Executive Director of Y" (two roles).
 */
import type { Analysis } from './analyze.ts';
import { HONORIFICS, POST_NOMINALS } from './gazetteers.ts';
import { orgKeyTokens } from './registry.ts';
import type { Entity, Mention } from './registry.ts';
import { evidenceOf } from './result.ts';
import type { DraftRelation } from './result.ts';
import { isNameWord } from './org-names.ts';
import type { Token } from './text.ts';
import { isAcronym } from './text.ts';
import { PERSON_NOUNS, titleInClauseBefore } from './people.ts';
import { isRemitTitle, textOf, titleAt } from './titles.ts';
import { ruleOn } from './rules.ts';

export interface Role {
  person: Entity;
  org: Entity;
  title: string;
  sentence: number;
  rules: string[];
}

export interface RoleFindings {
  roles: Role[];
  relations: DraftRelation[];
}

/** Organs of a body, whose positions are positions in the body (not institutes or centres, which have their own). */
const ORGAN_HEADS: ReadonlySet<string> = new Set(['Faculty', 'Department', 'Division', 'Office', 'Committee', 'Council', 'Presidium', 'Directorate', 'Secretariat']);

/** Verbs of a relative clause that give a role: "who also chairs the CSIR Board". */
const CLAUSE_ROLES: ReadonlyArray<{ re: RegExp; title: string; reason: string }> = [
  { re: /^(chairs|chaired)$/, title: 'Chair', reason: 'who chairs X' },
  { re: /^(heads|headed|leads|led|directs)$/, title: 'Head', reason: 'who heads X' },
  { re: /^(sits|sat)$/, title: 'Member of the Board', reason: 'who sits on X’s Board' },
];

const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : '');

interface Ctx {
  tokens: Token[];
  mentions: Mention[];
  /** Finds or creates an organisation named only in a role ("United Nations Resident Coordinator"). */
  newOrg?: (name: string, at: number) => Entity;
}

function orgAt(ctx: Ctx, k: number): Mention | undefined {
  return ctx.mentions.find((m) => m.ti === k && m.entity.type === 'Organization');
}

function orgEndingAt(ctx: Ctx, k: number): Mention | undefined {
  return ctx.mentions.find((m) => m.tj === k && m.entity.type === 'Organization');
}

/** Skips "the", a possessive country ("Morocco's") and returns the org mention there. */
function orgAfter(ctx: Ctx, k: number): Mention | undefined {
  let p = k;
  if (['the', 'a', 'an'].includes(lower(ctx.tokens[p])) && !orgAt(ctx, p)) p++;
  // "founder of Jinja-based Kamu Agro Processors Ltd": a place-based qualifier before the name.
  if (/^\p{Lu}[\p{L}-]*-based$/u.test(ctx.tokens[p]?.text ?? '') && !orgAt(ctx, p)) p++;
  const direct = orgAt(ctx, p);
  if (direct) {
    // "the University's Institute for Coastal and Marine Research": the unit, not its parent.
    if (/^['’]s$/.test(ctx.tokens[direct.tj]?.text ?? '')) return orgAt(ctx, direct.tj + 1) ?? direct;
    return direct;
  }
  // "Director of Morocco's National Agency ..."
  const c = ctx.mentions.find((m) => m.ti === p && m.entity.type === 'Country');
  if (c && /^['’]s$/.test(ctx.tokens[c.tj]?.text ?? '')) return orgAt(ctx, c.tj + 1);
  return undefined;
}

interface ParsedRole {
  title: string;
  /** The rule, when not the caller's. */
  rule?: string;
  org?: Entity;
  country?: string;
  end: number;
}

/** Parses "[the] [Org['s]] Title [for X] [of|at Org]" from token k. */
function parseRole(ctx: Ctx, k: number): ParsedRole | null {
  const { tokens } = ctx;
  let p = k;
  if (['the', 'a', 'an'].includes(lower(tokens[p])) && !orgAt(ctx, p)) p++;
  let org: Entity | undefined;
  const lead = orgAt(ctx, p);
  if (lead) {
    org = lead.entity;
    p = lead.tj;
    // "the World Health Organization (WHO) Representative in Malawi": the acronym's definition.
    if (tokens[p]?.text === '(' && tokens[p + 2]?.text === ')') p += 3;
    if (/^['’]s?$/.test(tokens[p]?.text ?? '')) p++;
  }
  let title = titleAt(tokens, p);
  // "a glaciologist at ITP-CAS", "an economist at the Bank": a profession practised at an organisation.
  if (!title && !org && PERSON_NOUNS.test(lower(tokens[p])) && /^(at|with)$/.test(lower(tokens[p + 1]))) {
    const m = orgAfter(ctx, p + 2);
    if (m) return { title: tokens[p]!.text, org: m.entity, end: m.tj };
  }
  if (!title && !org && ctx.newOrg) {
    // "Ms. X, United Nations Resident Coordinator in Niger": capitalised words before a title name the organisation.
    let q = p;
    while (q < p + 4 && isNameWord(tokens[q]) && !titleAt(tokens, q, { capitalisedOnly: true })) q++;
    const t = q > p ? titleAt(tokens, q, { capitalisedOnly: true }) : null;
    if (t && q - p >= 2) {
      org = ctx.newOrg(textOf(tokens, p, q), tokens[p]!.start);
      p = q;
      title = t;
    }
  }
  if (!title) return null;
  let end = title.end;
  // "Director CCRD", "Chief Executive Stanbic Bank Uganda": the organisation right after the title.
  if (!org) {
    const direct = orgAt(ctx, end);
    if (direct && direct.via !== 'token' && direct.via !== 'coref') return { title: title.text, org: direct.entity, end: direct.tj };
  }
  // "vice-rector for international cooperation at Al-Farabi Kazakh National University": a lower-case remit, then the organisation.
  if (!org && /^(for|of)$/.test(lower(tokens[end]))) {
    for (let q = end + 1; q < Math.min(tokens.length, end + 8); q++) {
      const w = tokens[q]!;
      if (w.kind === 'punct' || lower(w) === 'and' || ctx.mentions.some((m) => m.ti === q && (m.entity.type === 'Person' || m.entity.type === 'Organization'))) break;
      if (/^(at|of|in)$/.test(lower(w)) && q > end + 1) {
        const m = orgAfter(ctx, q + 1);
        if (m) return { title: textOf(tokens, p, q), org: m.entity, end: m.tj };
      }
    }
  }
  let titleText = title.text;
  // "(DG)" after the title.
  if (tokens[end]?.text === '(' && tokens[end + 2]?.text === ')') end += 3;
  // "for International Affairs", "for Research and Innovation", "International"
  const grow = (from: number): number => {
    let e = from;
    for (;;) {
      const t = tokens[e];
      if (!t || orgAt(ctx, e) && orgAt(ctx, e)?.via !== 'token' || HONORIFICS.has(t.text) || ctx.mentions.some((m) => m.ti === e && m.via !== 'token')) break;
      if (/^\p{Lu}/u.test(t.text) || (['and', '&'].includes(lower(t)) && /^\p{Lu}/u.test(tokens[e + 1]?.text ?? ''))) {
        e++;
        continue;
      }
      // "Minister of Higher Education, Science and Innovation": a list inside the remit.
      if (t.text === ',' && /^\p{Lu}/u.test(tokens[e + 1]?.text ?? '') && !ctx.mentions.some((m) => m.ti === e + 1)) {
        let q = e + 1;
        while (q < tokens.length && /^\p{Lu}/u.test(tokens[q]!.text)) q++;
        if (lower(tokens[q]) === 'and' && /^\p{Lu}/u.test(tokens[q + 1]?.text ?? '')) {
          e = q;
          continue;
        }
      }
      break;
    }
    return e;
  };
  // "Minister of Fisheries, Maritime Infrastructure and Ports": a remit word that matched part of another name is still the remit.
  const named = (m: Mention | undefined) => (m && m.via !== 'token' ? m : undefined);
  if (lower(tokens[end]) === 'for' || (lower(tokens[end]) === 'of' && !named(orgAfter(ctx, end + 1)) && isRemitTitle(title.key))) {
    const e = grow(end + 1 + (lower(tokens[end + 1]) === 'the' ? 1 : 0));
    if (e > end + 1) {
      titleText = textOf(tokens, p, e);
      end = e;
    }
  } else if (!org) {
    const e = grow(end);
    if (e > end && !/^(of|at)$/.test(lower(tokens[e]))) {
      // trailing words such as "International"
    } else if (e > end) {
      titleText = textOf(tokens, p, e);
      end = e;
    }
  }
  if (!org) {
    if (['of', 'at', 'with'].includes(lower(tokens[end])) || (lower(tokens[end]) === 'in' && orgAfter(ctx, end + 1))) {
      const m = orgAfter(ctx, end + 1);
      if (m) {
        org = m.entity;
        end = m.tj;
      }
    }
    if (!org && ['in', 'at'].includes(lower(tokens[end]))) {
      // "assistant professor in the Department of Physics at IISc"
      for (let q = end + 1; q < Math.min(tokens.length, end + 10) && tokens[q]!.text !== ','; q++) {
        if (lower(tokens[q]) === 'at') {
          const m = orgAfter(ctx, q + 1);
          if (m) {
            org = m.entity;
            titleText = textOf(tokens, p, q);
            end = m.tj;
          }
          break;
        }
      }
    }
  }
  // "Chief Executive Officer of Levant Telecom": an organisation-taking title names the organisation after "of".
  if (!org && (lower(tokens[end]) === 'of' && !isRemitTitle(title.key) || lower(tokens[end]) === 'at') && ctx.newOrg) {
    let q = end + 1;
    while (q < end + 6 && isNameWord(tokens[q]) && !titleAt(tokens, q, { capitalisedOnly: true }) && !ctx.mentions.some((m) => m.ti === q && m.entity.type !== 'Organization')) q++;
    if (q > end + 1 && (!tokens[q] || /^[,.;)]$/.test(tokens[q]!.text))) {
      org = ctx.newOrg(textOf(tokens, end + 1, q), tokens[end + 1]!.start);
      end = q;
    }
  }
  // "Lena Fischer, Head of Corporate Communications, Helios Grid Systems GmbH"
  if (!org && tokens[end]?.text === ',') {
    const m = orgAt(ctx, end + 1);
    if (m && m.via !== 'coref' && (tokens[m.tj] === undefined || /^[,.;]$/.test(tokens[m.tj]!.text))) {
      org = m.entity;
      end = m.tj;
    }
  }
  // "Minister of Science and Higher Education of Kazakhstan": the country picks the ministry.
  let country: string | undefined;
  if (lower(tokens[end]) === 'of') {
    let q = end + 1;
    if (lower(tokens[q]) === 'the') q++;
    const c = ctx.mentions.find((m) => m.entity.type === 'Country' && (m.ti === q || m.ti === end + 1));
    if (c) country = c.entity.name;
  }
  // "(LIKAT)" after the organisation.
  if (tokens[end]?.text === '(' && tokens[end + 2]?.text === ')') end += 3;
  return { title: titleText, ...(org ? { org } : {}), ...(country ? { country } : {}), end };
}

/** Titles of a ministry's head with the remit: "Minister of Health", "Cabinet Secretary for Education", "Vice Minister for Trade". */
export const MINISTER_TITLE = /^(?:(?:Deputy|Vice|Assistant|First|Federal|Union|State|Acting|Senior)[\s-]+){0,3}(?:Minister|Cabinet Secretary|Secretary of State)\s+(?:of|for)\s+(.+)$/i;

/** "Minister of Science and Higher Education (of Kazakhstan)" -> the ministry with that remit. */
function ministryFor(title: string, ministries: Entity[], country?: string): Entity | undefined {
  const m = MINISTER_TITLE.exec(title);
  if (!m) return undefined;
  const remit = orgKeyTokens(m[1]!);
  if (!remit.length) return undefined;
  let best: Entity | undefined;
  let bestScore = -Infinity;
  for (const e of ministries) {
    const key = orgKeyTokens(e.name);
    if (!remit.every((w) => key.includes(w))) continue;
    const c = country ? orgKeyTokens(country) : [];
    const score = (c.length && c.every((w) => key.includes(w)) ? 10 : 0) - key.length;
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best;
}

export function findRoles(a: Analysis): RoleFindings {
  const roles: Role[] = [];
  // "Minister for School Education and Literacy" heads the Department of School Education and Literacy too.
  const ministries = a.registry.entities.filter((e) => e.type === 'Organization' && (e.head === 'Ministry' || e.head === 'Department' && /^Department of /.test(e.name)));
  const add = (rule: string, person: Entity, org: Entity | undefined, title: string, s: number, country?: string) => {
    if (!ruleOn(rule)) return;
    const rules = [rule];
    let target = org;
    let t = title.replace(/\s+/g, ' ').trim();
    if (!target && MINISTER_TITLE.test(t)) {
      // The minister's remit names the ministry; drop the country from the title.
      t = t.replace(/\s+of\s+(the\s+)?(Republic|Kingdom|State|Sultanate)\b.*$/i, '');
      target = ruleOn('role.minister-remit') ? ministryFor(t, ministries, country) : undefined;
      rules.push('role.minister-remit');
    } else if (!target && /\bMinister$/i.test(t) && ministries.length === 1 && ruleOn('role.minister-remit')) {
      // "the Minister, Mr. X", "First Deputy Minister Y": the one ministry the text names.
      target = ministries[0];
      rules.push('role.minister-remit');
    }
    if (!target) return;
    // "Dean of the Faculty of Humanities at Leiden University", "chairs the Consultative Committee on Sciences of CAMES":
    // a position in an organ of a body is a position in the body.
    const parentKey = target.properties._nestedIn;
    if (typeof parentKey === 'number' && ORGAN_HEADS.has(target.head ?? '') && ![...target.aliases].some((x) => isAcronym(x))) {
      const parent = a.registry.entities.find((x) => x.key === parentKey);
      if (parent) {
        const unitName = target.name;
        const unit = [...target.aliases].find((x) => unitName.startsWith(x)) ?? unitName;
        if (!t.toLowerCase().includes(unit.toLowerCase())) t = `${t} of the ${unit}`;
        target = parent;
      }
    }
    if (roles.some((r) => r.person === person && r.org === target)) return;
    roles.push({ person, org: target, title: t, sentence: s, rules });
  };
  a.sentences.forEach((s, si) => {
    const newOrg = (name: string, at: number): Entity => a.registry.findByName(name, ['Organization']) ?? a.registry.create('Organization', name, at);
    const ctx: Ctx = { tokens: s.tokens, mentions: a.mentions[si] ?? [], newOrg };
    const { tokens } = ctx;
    for (const pm of ctx.mentions) {
      if (pm.entity.type !== 'Person') continue;
      const person = pm.entity;
      // After the person: ", Title of Org", ", Org Title", ", the Org's Title".
      let k = pm.tj;
      if (POST_NOMINALS.has(tokens[k]?.text ?? '')) k++;
      // "Nino Gelashvili (vice-rector for research at TSU)", "Dr. X – director of the Institute".
      if (tokens[k]?.text === ',' || /^[(–—]$/.test(tokens[k]?.text ?? '') && titleAt(tokens, k + 1 + (/^(the|a|an)$/i.test(tokens[k + 1]?.text ?? '') ? 1 : 0))) {
        k++;
        // "X, now a lecturer at Y", "X, currently head of Z".
        if (/^(now|currently|also)$/i.test(tokens[k]?.text ?? '')) k++;
        if (POST_NOMINALS.has(tokens[k]?.text ?? '')) k += tokens[k + 1]?.text === ',' ? 2 : 1;
        let r = parseRole(ctx, k);
        let first = true;
        while (r) {
          // "A, ICESCO's Director-General Dr. B": the title introduces the next person.
          if (HONORIFICS.has(tokens[r.end]?.text ?? '') || ctx.mentions.some((m) => m.ti === r!.end && m.entity.type === 'Person')) break;
          // "a delegation ... from the University, including Eng. X, Dean of the Faculty of Engineering"
          const from = r.org ? undefined : ctx.mentions.filter((m) => m.entity.type === 'Organization' && m.tj <= pm.ti).pop();
          const including = from && tokens.slice(from.tj, pm.ti).some((t) => lower(t) === 'including');
          // "IFC: Lucy Andersen-Park, Communications Officer, ...": a contact line names the organisation first.
          const contact = tokens[pm.ti - 1]?.text === ':' ? orgEndingAt(ctx, pm.ti - 1) : undefined;
          add(r.rule ?? (first ? 'role.apposition' : 'role.title-chain'), person, r.org ?? (including ? from?.entity : undefined) ?? contact?.entity, r.title, si, r.country);
          first = false;
          let e = r.end;
          // "X (corresponding member of A, deputy director of B)": a list of roles in brackets.
          if (tokens[k - 1]?.text === '(' && tokens[e]?.text === ',' && titleAt(tokens, e + 1)) {
            r = parseRole(ctx, e + 1);
            continue;
          }
          // "Vice President of X and Executive Director of Y"
          if (lower(tokens[e]) === 'and' && (titleAt(tokens, e + 1) || orgAt(ctx, e + 1))) {
            r = parseRole(ctx, e + 1);
            continue;
          }
          // ", who also chairs the Association ...", ", who is also Vice-President ... at Fiocruz"
          if (tokens[e]?.text === ',') e++;
          if (lower(tokens[e]) === 'who') {
            let q = e + 1;
            if (lower(tokens[q]) === 'also') q++;
            clause(ctx, q, person, si, add);
          }
          break;
        }
      }
      // Before the person: "KAU President Prof. X", "ALECSO's Director-General, Prof. X", "the Rector of Y, Prof. X".
      let b = pm.ti;
      while (b > 0 && (HONORIFICS.has(tokens[b - 1]!.text) || HONORIFIC_PHRASE_WORDS.has(tokens[b - 1]!.text.toLowerCase()))) b--;
      if (tokens[b - 1]?.text === ',') b--;
      // "... of the African Development Bank (AfDB), Mr. X": the acronym's definition.
      if (tokens[b - 1]?.text === ')' && tokens[b - 3]?.text === '(' && orgEndingAt(ctx, b - 3)) b -= 3;
      const before = orgEndingAt(ctx, b);
      if (before && /^(of|at|in)$/.test(lower(tokens[before.ti - 1] ?? tokens[0])) || (before && lower(tokens[before.ti - 1]) === 'the' && /^(of|at|in)$/.test(lower(tokens[before.ti - 2])))) {
        // title of Org, Person; "the Director General for the West Africa Region of X, Mr. Y"; "the Permanent Secretary in the Ministry ..., Dr Y"
        const ofIdx = lower(tokens[before.ti - 1]) === 'the' ? before.ti - 2 : before.ti - 1;
        for (let st = Math.max(0, ofIdx - 10); st < ofIdx; st++) {
          const remit = titleWithRemitEndingAt(tokens, st, ofIdx);
          const t0 = titleAt(tokens, st);
          const t = t0 && (t0.end === ofIdx ? t0 : remit && lower(tokens[ofIdx]) !== 'in' ? { ...t0, text: remit, end: ofIdx } : null);
          if (t && t.end === ofIdx && (lower(tokens[ofIdx]) !== 'in' || before.entity.head === 'Ministry')) {
            // "A, Executive Secretary of X, Prof. B": the title belongs to A, not to B.
            let q = st;
            if (lower(tokens[q - 1]) === 'the') q--;
            const prevPerson = tokens[q - 1]?.text === ',' && ctx.mentions.some((m) => m.tj === q - 1 && m.entity.type === 'Person');
            if (!prevPerson) add('role.title-of-org-before', person, before.entity, t.text, si);
            break;
          }
        }
      } else {
        // Longest title first: "Country Director" rather than "Director".
        for (let st = Math.max(0, b - 10); st < b; st++) {
          // "Rector CUI Prof. X", "Deputy CEO Huawei Technologies Pakistan Zhou Hengyu": the organisation between title and name.
          const tt = titleAt(tokens, st, { capitalisedOnly: true });
          const between = tt && before && before.ti === tt.end && before.via !== 'token' && before.via !== 'coref' ? before : undefined;
          if (between && !/^['’]s$/.test(tokens[b - 1]?.text ?? '')) {
            add('role.org-title-before', person, between.entity, tt!.text, si);
            break;
          }
          const t = titleWithRemitEndingAt(tokens, st, b);
          if (!t) continue;
          let o = st;
          if (/^['’]s?$/.test(tokens[o - 1]?.text ?? '')) o--;
          const org = orgEndingAt(ctx, o);
          // "Malawi's Minister of Health, Hon. Dr. X": the country picks the ministry.
          const country = o < st ? ctx.mentions.find((m) => m.tj === o && m.entity.type === 'Country') : undefined;
          add('role.org-title-before', person, org?.entity, t, si, country?.entity.name);
          break;
        }
      }
      // "FAO's country representative, Marta Ferreira Lopes,", "its executive secretary, Hamisi Juma Mwakyusa,",
      // "Helen Marsh's ... the director of the regional office, Amadou Ba Sy,": a title clause before the name.
      if (!roles.some((r) => r.person === person && r.sentence === si) && tokens[b]?.text === ',') {
        const r = titleClauseBefore(ctx, b, si, a);
        if (r) add(r.rule ?? 'role.title-apposition-before', person, r.org, r.title, si);
      }
      // A contact block: "Amaka Obi" alone on a line, "Head of Communications, Zentara Mobile" on the next.
      const nextLine = a.sentences[si + 1];
      if (pm.tj === tokens.length && ctx.mentions.every((m) => m === pm || m.entity.type !== 'Organization') && nextLine && /^[^\S\n]*\n[^\S\n]*$/.test(a.text.slice(s.end, nextLine.start))
        && !roles.some((r) => r.person === person && r.sentence === si) && titleAt(nextLine.tokens, 0) && ruleOn('role.contact-line')) {
        const nt = nextLine.tokens;
        // The organisation closes the line after a comma: "Head of Group Communications, Ecobank Group".
        const org = (a.mentions[si + 1] ?? []).filter((m) => m.entity.type === 'Organization' && m.via !== 'coref' && nt[m.ti - 1]?.text === ',' && (m.tj === nt.length || /^[,.;]$/.test(nt[m.tj]!.text))).pop();
        if (org) add('role.contact-line', person, org.entity, textOf(nt, 0, org.ti - 1), si + 1);
      }
      // Two-clause relative: "Prof. X, who chairs the CSIR Board and serves as ... at the University of Pretoria"
      if (tokens[pm.tj]?.text === ',' && lower(tokens[pm.tj + 1]) === 'who') {
        let q = pm.tj + 2;
        if (lower(tokens[q]) === 'also') q++;
        clause(ctx, q, person, si, add);
      }
    }
  });
  const relations: DraftRelation[] = roles.map((r) => {
    const s = a.sentences[r.sentence]!;
    return {
      type: 'HOLDS_ROLE',
      source: r.person,
      target: r.org,
      properties: { title: r.title },
      evidence: [evidenceOf(a.text, s.start, s.end)],
      rules: r.rules,
    };
  });
  return { roles, relations };
}

/** Words of honorific phrases ("Tan Sri", "His Excellency", "Rt Hon") skipped before a name. */
const HONORIFIC_PHRASE_WORDS: ReadonlySet<string> = new Set(['tan', 'sri', 'seri', 'his', 'her', 'excellency', 'majesty', 'royal', 'highness', 'rt', 'hon', 'rt.', 'hon.', 'right', 'honourable']);

/** Words that may stand between an organisation's possessive and a title ("FAO's country representative"). */
const TITLE_LEAD = /^[\p{L}-]+$/u;

/**
 * The title clause that ends at the comma `comma` before a person, with its organisation: after the title
 * ("the director of the regional office", "vice-rector for international cooperation at X"), a possessive
 * before it ("Gavi's managing director for country programmes") or "its" (the organisation the sentence
 * or the one before is about).
 */
function titleClauseBefore(ctx: Ctx, comma: number, si: number, a: Analysis): { title: string; org?: Entity; rule?: string } | null {
  const { tokens } = ctx;
  const st = titleInClauseBefore(tokens, comma);
  if (st < 0) return null;
  // An organisation after the title: "of the X", "at X", "in X".
  const titleEnd = titleAt(tokens, st)?.end ?? st + 1;
  // "of the X", "at X", "in X", or right after the title ("the Chief Executive Stanbic Bank Uganda, Agnes ...").
  const inside = ctx.mentions.find((m) => m.entity.type === 'Organization' && m.ti > st && m.tj <= comma && (/^(of|at|in|with|the)$/.test(lower(tokens[m.ti - 1])) || m.ti === titleEnd));
  // Modifiers before the title back to a possessive or "its".
  let q = st;
  while (q > st - 3 && q > 0 && tokens[q - 1]!.kind === 'word' && TITLE_LEAD.test(tokens[q - 1]!.text) && !/^(its|their|the|a|an|whose)$/i.test(tokens[q - 1]!.text) && !ctx.mentions.some((m) => m.tj === q && m.entity.type !== 'Country')) q--;
  const titleStop = !inside ? comma : inside.ti === titleEnd ? inside.ti : inside.ti - (lower(tokens[inside.ti - 1]) === 'the' ? 2 : 1);
  const title = textOf(tokens, q, titleStop).replace(/\s+(of|at|in|with)$/i, '');
  if (inside) return { title, org: inside.entity };
  if (/^['’]s$/.test(tokens[q - 1]?.text ?? '')) {
    const owner = orgEndingAt(ctx, q - 1);
    if (owner) return { title, org: owner.entity };
    // "the company's chief executive, X", "the Group's chief executive, X": the company the text is about.
    const noun = lower(tokens[q - 2]);
    if (COMPANY_REFERENCE.test(noun) && lower(tokens[q - 3]) === 'the' && ruleOn('role.company-possessive')) {
      const company = companyBefore(a, si, q - 3, noun);
      if (company) return { title, org: company, rule: 'role.company-possessive' };
    }
    return null;
  }
  // "The first was with X, whose Vice-President for Research, Prof. Y, proposed ...": the organisation before "whose".
  if (lower(tokens[q - 1]) === 'whose' && ruleOn('role.whose-title')) {
    let o = q - 2;
    if (tokens[o]?.text === ',') o--;
    // "X in Rabat, whose ...", "X (ACR), whose ...": the organisation's place or acronym stands between.
    const before = ctx.mentions.filter((m) => m.entity.type === 'Organization' && m.tj <= o + 1 && o + 1 - m.tj <= 4).pop();
    if (before && !ctx.mentions.some((m) => m.entity.type === 'Person' && m.ti >= before.tj && m.tj <= o + 1)) return { title, org: before.entity, rule: 'role.whose-title' };
  }
  const owner = orgEndingAt(ctx, q);
  if (owner) return { title, org: owner.entity };
  // "received by the Deputy Director-General, Dr. X": a title of the organisation the sentence is about.
  if (lower(tokens[q - 1]) === 'the' && /^\p{Lu}/u.test(tokens[st]!.text) && titleEnd === comma) {
    const before = ctx.mentions.filter((m) => m.entity.type === 'Organization' && m.tj < q - 1).pop();
    if (before) return { title, org: before.entity };
  }
  if (lower(tokens[q - 1]) === 'its') {
    // "its" is the clause's subject when the sentence opens with an organisation ("PSUT, the academic arm of the RSS,
    // was represented by its President, X"), else the latest organisation before it.
    const orgs = ctx.mentions.filter((m) => m.entity.type === 'Organization' && m.tj < q - 1);
    // The latest organisation that opens a clause ("PSUT, the academic arm of the RSS, was represented by its President,
    // X, while KAUST was represented by its Vice President, Y").
    const opensClause = (m: Mention) => {
      const b = lower(tokens[m.ti - 1]) === 'the' ? m.ti - 1 : m.ti;
      return b === 0 || /^(while|whereas|and)$/i.test(tokens[b - 1]!.text) && tokens[b - 2]?.text === ',' || /^(while|whereas)$/i.test(tokens[b - 1]!.text);
    };
    const subject = [...orgs].reverse().find(opensClause);
    const before = subject ?? orgs.pop();
    if (before) return { title, org: before.entity };
    for (let p = si - 1; p >= Math.max(0, si - 2); p--) {
      const m = (a.mentions[p] ?? []).find((x) => x.entity.type === 'Organization');
      if (m) return { title, org: m.entity };
    }
  }
  return null;
}

/** Nouns by which a press release refers to a company it names: "the company's chief executive". */
const COMPANY_REFERENCE = /^(company|group|firm|bank|operator|lender|insurer)$/;
/** Heads of bodies that are not companies. */
const NON_COMPANY_HEADS: ReadonlySet<string> = new Set(['University', 'College', 'School', 'Institute', 'Ministry', 'Organization', 'Association', 'Federation', 'Foundation', 'Society', 'Commission', 'Council', 'Agency', 'Authority', 'Library', 'Network', 'Alliance', 'Academy', 'Union', 'Trust', 'Secretariat', 'Museum', 'Hospital', 'Consortium', 'Laboratory', 'Faculty', 'Department', 'Office', 'Government', 'Presidium', 'Directorate', 'Committee', 'Parliament', 'Administration', 'Coalition']);

/**
 * The company "the company" / "the group" / "the bank" refers to: the first organisation the text names (up to
 * token `end` of this sentence) that is no university, ministry or other body, which is what a company's press
 * release is about; for "the group" one named a group, if any.
 */
function companyBefore(a: Analysis, si: number, end: number, noun: string): Entity | undefined {
  const fits = (e: Entity) => e.type === 'Organization' && (noun === 'bank' ? /\bBank\b/.test(e.name) : !NON_COMPANY_HEADS.has(e.head ?? ''));
  const seen: Entity[] = [];
  for (let p = 0; p <= si; p++) {
    if (a.sentences[p]!.isHeadline) continue;
    const ms = (a.mentions[p] ?? []).filter((m) => p < si || m.tj <= end);
    for (const m of ms) if (fits(m.entity) && !seen.includes(m.entity)) seen.push(m.entity);
  }
  if (noun === 'group') return seen.find((e) => /\bGroup$/.test(e.name)) ?? seen[0];
  return seen[0];
}

function clause(ctx: Ctx, q: number, person: Entity, si: number, add: (rule: string, p: Entity, o: Entity | undefined, t: string, s: number) => void): void {
  const { tokens } = ctx;
  for (let guard = 0; guard < 3 && q < tokens.length; guard++) {
    const verb = lower(tokens[q]);
    const rule = CLAUSE_ROLES.find((r) => r.re.test(verb));
    if (rule) {
      // "chairs the X", "sits on GCTC's Board of Directors"
      let p = q + 1;
      if (lower(tokens[p]) === 'on') p++;
      let m = orgAfter(ctx, p);
      let title = rule.title;
      if (!m) {
        // "chairs the Consultative Committee on Sciences of CAMES"
        for (let r = p; r < Math.min(tokens.length, p + 10) && tokens[r]!.text !== ','; r++) {
          if (lower(tokens[r]) === 'of' && orgAfter(ctx, r + 1)) {
            m = orgAfter(ctx, r + 1);
            title = `${rule.title} of ${textOf(tokens, p, r)}`;
            break;
          }
        }
      }
      if (m) add('role.relative-clause', person, m.entity, title, si);
      q = m ? m.tj : p + 1;
    } else if (['is', 'serves', 'was'].includes(verb)) {
      let p = q + 1;
      if (lower(tokens[p]) === 'also') p++;
      if (lower(tokens[p]) === 'as') p++;
      const r = parseRole(ctx, p);
      if (!r) return;
      add('role.relative-clause', person, r.org, r.title, si);
      q = r.end;
    } else return;
    // skip to "and <verb>"
    while (q < tokens.length && lower(tokens[q]) !== 'and' && tokens[q]!.text !== ',' && q < tokens.length) q++;
    if (lower(tokens[q]) !== 'and') return;
    q++;
  }
}

/**
 * A title that ends at token b, with its remit: "Pro-Vice-Chancellor for Research", "Minister of Health",
 * "Cabinet Secretary for Health" (before a comma and the person's name).
 */
/** "Deputy Vice-Chancellor (Academic Affairs)": a capitalised portfolio in brackets after a title; the token after it. */
function afterQualifier(tokens: Token[], end: number): number {
  if (tokens[end]?.text !== '(') return end;
  for (let q = end + 1; q < Math.min(tokens.length, end + 8); q++) {
    const w = tokens[q]!.text;
    if (w === ')') return q > end + 1 && !isAcronym(tokens[end + 1]!.text) ? q + 1 : end;
    if (!/^\p{Lu}/u.test(w) && !/^(and|&|of|for|the|,)$/.test(w)) return end;
  }
  return end;
}

export function titleWithRemitEndingAt(tokens: Token[], st: number, b: number): string | null {
  const found = titleAt(tokens, st);
  if (!found) return null;
  const t = { ...found, end: afterQualifier(tokens, found.end) };
  if (t.end === b) return textOf(tokens, st, b);
  // "Resident Representative in Egypt": a posting's place, like a remit.
  if (!/^(of|for|in)$/.test(lower(tokens[t.end])) || b - t.end < 2 || b - t.end > 12) return null;
  for (let q = t.end + 1; q < b; q++) {
    const w = tokens[q]!.text;
    if (/^\p{Lu}/u.test(w) || w === 'the' && q === t.end + 1 && q < b - 1 || (/^(and|&|the)$/.test(w) || w === ',' && /^\p{Lu}/u.test(tokens[q + 1]?.text ?? '')) && q > t.end + 1 && q < b - 1) continue;
    return null;
  }
  return textOf(tokens, st, b);
}
