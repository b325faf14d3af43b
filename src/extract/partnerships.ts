/**
 * PARTNERS_WITH: organisations the text says meet, cooperate, agree, sign or
 * plan joint work. Sentence patterns, each with the sentence it exists for:
 *  - a coordinated subject with a cooperation word ("X and Y signed an MoU")
 *  - "between X and Y" ("cooperation between ICESCO and the Leibniz Association")
 *  - "X ... with Y" ("the Institute signed a memorandum with the Agency")
 *  - signatories ("was signed by Dr. A, Director-General of X, and Prof. B, President of Y")
 *  - a person visiting/meeting organisations ("Dr. A visited X and Y")
 *  - group nouns ("the two partners were in talks with Z")
 *  - membership ("X has become a full member of Y"), and a counted group listed next ("admitted five new members. The new members are A; B; C")
 *  - joint names ("the ICESCO-KAU Science Teachers Academy")
 * Termination and refusal cues give status 'ended' / 'declined'; invitations give nothing.
 */
import type { Analysis } from './analyze.ts';
import { COOPERATION_CUE } from './cues.ts';
import { findDates } from './dates.ts';
import type { Entity, Mention } from './registry.ts';
import { evidenceOf } from './result.ts';
import type { DraftRelation } from './result.ts';
import type { RoleFindings } from './roles.ts';
import type { Sentence, Token } from './text.ts';
import { titleAt } from './titles.ts';
import { DEMONYMS, HONORIFICS, NON_NAME_CAPITALS, NON_ORG_ACRONYMS } from './gazetteers.ts';
import { isNameWord } from './org-names.ts';
import { datelineEnd } from './noise.ts';
import { isDescriptionOfNext } from './companies.ts';
import { isAcronym } from './text.ts';
import { ruleOn } from './rules.ts';
import { isCommonWord } from './words.ts';
import { areasIn } from './agreements.ts';
import type { PartnershipKind, PartnershipStatus } from './types.ts';

interface KindRule {
  kind: PartnershipKind;
  re: RegExp;
  reason: string;
  example: string;
}

/** First matching rule gives the kind of a sentence's partnership. */
export const KIND_RULES: readonly KindRule[] = [
  { kind: 'mou', re: /\bmemorand|\bMoUs?\b/i, reason: 'memorandum of understanding', example: 'signed a memorandum of understanding (MoU)' },
  { kind: 'joint-event', re: /\b(jointly organi[sz]e|co-host|co-organi[sz]e|joint (session|conference|event|forum|workshop|symposium|summit|congress|exhibition|field school|summer school))/i, reason: 'an event organised together', example: 'will jointly organise the first Arab Manuscripts Week' },
  { kind: 'agreement', re: /\b(agreement|protocol|executive programme|programme document|cooperation programme|accord|treaty|signed)\b/i, reason: 'a formal agreement', example: 'signed a tripartite agreement' },
  { kind: 'discussion', re: /\bin (talks|negotiations|discussions) with\b/i, reason: 'ongoing talks, no meeting described', example: 'the two partners were in talks with the Saudi Electricity Company' },
  { kind: 'meeting', re: /\b(met|meet|meeting|talks|session|dialogue|visited|held)\b/i, reason: 'representatives met', example: 'held a virtual working session' },
  { kind: 'membership', re: /\b(members? of|joins?(?! forces)|joined|admitted|belonged)\b/i, reason: 'membership in a network', example: 'has become a full member of the AUF' },
  { kind: 'programme', re: /\b(programmes?|programs?|fellowships?|scholarships?|award|centre|center|lab|laborator\w*|partner group|launch\w*|collaborat\w*|joint|jointly|together|inaugurat\w*|sponsor\w*|partnership|consortium|project)\b/i, reason: 'joint ongoing work', example: 'have launched a Max Planck Partner Group' },
  { kind: 'discussion', re: /\b(discuss\w*|explor\w*|propos\w*|cooperat\w*|talks|negotiat\w*)\b/i, reason: 'talks without a meeting', example: 'discussed ways to enhance cooperation' },
];

const ENDED = /\b(terminat\w*|ended|ends|end the|withdr\w*|pulled out|left the|cancel\w*|dissolv\w*)\b/i;
const DECLINED = /\b(declin\w*|would not take part|refus\w*|reject\w*)\b/i;
const INVITATION = /\binvit(ed|es|ation)\b/i;
const ATTENDANCE = /\b(attended by|took part|speakers? (at|included)|as observers|keynote|cited)\b/i;
const PAST_ONLY = /\b(since|previously|already|last year|earlier|existing|long-standing|has belonged|builds on|past|in \d{4}|created in|founded)\b/i;

const GROUP_NOUN =
  /^(?:the\s+(?:two|three|four|five)|both)\s+(?:partners|parties|organi[sz]ations|universities|institutions|ministries|libraries|associations|sides|agencies|companies|foundations|networks|entities)$/i;

const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : '');

export interface Pair {
  a: Entity;
  b: Entity;
  kind: PartnershipKind;
  status?: PartnershipStatus;
  sentence: number;
  rules: string[];
}

interface Ctx {
  /** The subject of the last "with" partnership in this sentence, for "The first was with X" in the next. */
  lastWithSubject?: Entity[] | null;
  previousWithSubject?: Entity[] | null;
  s: Sentence;
  tokens: Token[];
  ms: Mention[];
  orgs: Mention[];
  roles: RoleFindings;
  principals: Entity[];
  /** The organisation the text is about: the principal pair, else the subject of its first sentence that names one. */
  lead: Entity[];
}

function kindOf(text: string): PartnershipKind {
  return KIND_RULES.find((r) => r.re.test(text))?.kind ?? 'discussion';
}

/**
 * The end of a coordination member that starts with mention m: its acronym ("(CUI)"), its parent
 * ("the CCRD at COMSATS University", "the Institute ... of Kyushu University"), its place ("IPK in
 * Gatersleben", "Deakin University, Australia").
 */
function conjunctEnd(ctx: Ctx, m: Mention): number {
  const { tokens } = ctx;
  const orgAt = (q: number) => ctx.orgs.find((x) => x.ti === q);
  const countryAt = (q: number) => ctx.ms.find((x) => x.ti === q && x.entity.type === 'Country');
  let e = m.tj;
  // "IIT Madras", "UNICEF Ghana": an acronym qualified by its campus or place.
  if (isAcronym(tokens[m.tj - 1]?.text ?? '') && m.tj - m.ti === 1 && isNameWord(tokens[e]) && !orgAt(e) && !isCommonWord(tokens[e]!.text)) e++;
  for (let guard = 0; guard < 6; guard++) {
    const t = tokens[e];
    if (!t) break;
    const w = lower(t);
    if (t.text === '(') {
      const close = tokens.findIndex((x, i) => i > e && x.text === ')');
      if (close > 0 && close - e <= 6) {
        e = close + 1;
        continue;
      }
      break;
    }
    if (/^(at|of|under)$/.test(w)) {
      // "(UEM) of Mozambique"
      const c = countryAt(e + 1) ?? (lower(tokens[e + 1]) === 'the' ? countryAt(e + 2) : undefined);
      if (c && w === 'of') {
        e = c.tj;
        continue;
      }
      const n = orgAt(e + 1) ?? (lower(tokens[e + 1]) === 'the' ? orgAt(e + 2) : undefined);
      if (n) {
        e = n.tj;
        continue;
      }
      break;
    }
    if (w === 'in') {
      let q = e + 1;
      const c = countryAt(q);
      if (c) q = c.tj;
      else if (isNameWord(tokens[q]) && !orgAt(q)) while (isNameWord(tokens[q]) && !orgAt(q)) q++;
      else break;
      const c2 = tokens[q]?.text === ',' ? countryAt(q + 1) : undefined;
      e = c2 ? c2.tj : q;
      continue;
    }
    // "Deakin University, Australia;"
    if (t.text === ',' && countryAt(e + 1) && /^[,;.]$|^and$/.test(tokens[countryAt(e + 1)!.tj]?.text ?? '.')) {
      e = countryAt(e + 1)!.tj;
      continue;
    }
    break;
  }
  return e;
}

/** Separators of coordinated members: ",", "and", "the", "as well as", "together with". A semicolon ends a group. */
function separates(ctx: Ctx, from: number, to: number): boolean {
  let sawLink = false;
  for (let k = from; k < to; k++) {
    const t = ctx.tokens[k]!;
    const w = t.text.toLowerCase();
    if (w === ',' || w === 'and' || w === '&') {
      sawLink = true;
      continue;
    }
    if (w === 'as' && lower(ctx.tokens[k + 1]) === 'well' && lower(ctx.tokens[k + 2]) === 'as') {
      sawLink = true;
      k += 2;
      continue;
    }
    if ((w === 'together' || w === 'along') && lower(ctx.tokens[k + 1]) === 'with') {
      sawLink = true;
      k += 1;
      continue;
    }
    if (w === 'the' || /^['’]s$/.test(t.text)) continue;
    // "... and the Honduran non-governmental organisation Fundación X": a description of the next member.
    if (sawLink && isDescriptionOfNext(ctx.tokens, k, to)) return true;
    if (ctx.ms.some((m) => m.entity.type === 'Country' && m.ti <= k && k < m.tj)) continue;
    // "BSU's Faculty ... and NUIST's School ...": the owner of the next member.
    const owner = ctx.orgs.find((m) => m.ti === k && /^['’]s$/.test(ctx.tokens[m.tj]?.text ?? ''));
    if (owner) {
      k = owner.tj;
      continue;
    }
    return false;
  }
  return sawLink;
}

interface Group {
  members: Mention[];
  /** Token after the last member (its acronym, parent and place included). */
  end: number;
}

const groupEnds = new WeakMap<Mention[], number>();

/** Groups of two or more coordinated organisation mentions (members' parents and places are not members). */
function groupsOf(ctx: Ctx): Mention[][] {
  const groups: Group[] = [];
  let cur: Group | null = null;
  let covered = -1;
  for (const m of ctx.orgs) {
    if (m.ti < covered) continue; // a member's parent: "the CCRD at [COMSATS University]"
    // "BSU's Faculty of Earth Sciences and NUIST's School ...": the owner qualifies the unit that follows.
    if (/^['’]s$/.test(ctx.tokens[m.tj]?.text ?? '') && ctx.orgs.some((x) => x.ti === m.tj + 1)) continue;
    const end = conjunctEnd(ctx, m);
    covered = end;
    if (cur && m.entity !== cur.members[cur.members.length - 1]!.entity && separates(ctx, cur.end, m.ti)) {
      cur.members.push(m);
      cur.end = end;
      continue;
    }
    if (cur && cur.members.length >= 2) groups.push(cur);
    cur = { members: [m], end };
  }
  if (cur && cur.members.length >= 2) groups.push(cur);
  return groups.map((g) => {
    groupEnds.set(g.members, g.end);
    return g.members;
  });
}

/** Words that may stand between a subject and its verb: time, place, auxiliaries ("on Tuesday", "today", "have"). */
const INTERRUPTION = /^(on|today|yesterday|here|there|jointly|also|recently|formally|officially|have|has|had|will|would|shall|can|could|now|finally|together|this|last|week|month|year|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d+\w*|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/** Is the group the subject of its clause ("The X and the Y signed ...", "X and Y, part of Z, today signed ...")? */
function isSubject(ctx: Ctx, g: Mention[]): boolean {
  const { tokens } = ctx;
  const first = g[0]!;
  let b = first.ti;
  if (lower(tokens[b - 1]) === 'the') b--;
  const before = tokens[b - 1];
  const startOk = !before || before.kind === 'punct' || /^(that|and|while|where|as|when|after)$/i.test(before.text);
  let e = groupEnds.get(g) ?? g[g.length - 1]!.tj;
  // ", a programme of the ICT Division,", ", part of MBRGI,": an apposition closed by a comma.
  if (tokens[e]?.text === ',') {
    const close = tokens.findIndex((x, i) => i > e + 1 && i <= e + 16 && x.text === ',');
    if (close > 0 && /^(a|an|the|part|one|both|which|who|whose|its|their|based|each|all|two|three|four|five)$/i.test(tokens[e + 1]?.text ?? '')) e = close + 1;
  }
  let guard = 0;
  while (tokens[e] && guard++ < 6 && (INTERRUPTION.test(tokens[e]!.text) && !(lower(tokens[e]) === 'on' && !INTERRUPTION.test(tokens[e + 1]?.text ?? '')) || tokens[e]!.text === ',')) e++;
  const after = tokens[e];
  const endOk = !!after && after.kind === 'word' && /^\p{Ll}/u.test(after.text) && !/^(of|from|in|at|and|for|to|by|with)$/.test(after.text);
  // Headlines are title-cased: "ICESCO and Leibniz Association Germany Discuss ..."
  const headlineOk = ctx.s.isHeadline && !!after && after.kind === 'word';
  return startOk && (endOk || headlineOk);
}

/** Titles that say a person belongs to a body, not that they act for it ("academician of the NAS"). */
const MEMBER_TITLE = /^(?:(?:full|corresponding|foreign|honorary|associate)\s+)?(academician|member|fellow)\b/i;

/** The organisation a person acts for: a role stated in the sentence first, a position before a membership. */
function orgOfPerson(ctx: Ctx, person: Entity): Entity | undefined {
  const held = ctx.roles.roles.filter((r) => r.person === person);
  const inSentence = held.filter((r) => r.sentence === ctx.s.index);
  const pick = (rs: typeof held) => rs.find((r) => !MEMBER_TITLE.test(r.title)) ?? rs[0];
  return (pick(inSentence) ?? pick(held))?.org;
}

/** "the Minister", "the Director-General": the person holding that title. */
function personByTitle(ctx: Ctx, k: number): Entity | undefined {
  if (lower(ctx.tokens[k]) !== 'the') return undefined;
  const t = titleAt(ctx.tokens, k + 1, { capitalisedOnly: true });
  if (!t || lower(ctx.tokens[t.end]) === 'of') return undefined;
  const r = ctx.roles.roles.find((x) => x.title.toLowerCase().startsWith(t.key));
  return r?.person;
}

function groupNounAt(ctx: Ctx, k: number): number {
  for (const len of [3, 2]) {
    const words = ctx.tokens.slice(k, k + len).map((t) => t.text).join(' ');
    if (GROUP_NOUN.test(words)) return k + len;
  }
  return -1;
}

/** A unit described, not named, after its owner's possessive: "computing college", "research arm". */
const UNNAMED_UNIT = /^(?:\p{Ll}[\p{Ll}-]*\s+){0,2}(college|faculty|school|department|institute|centre|center|unit|arm|subsidiary|lab|laboratory|division|campus|hospital)\b/u;

/** Nearest party before token k: an organisation, a group noun or a person's organisation. */
function subjectBefore(ctx: Ctx, k: number): Entity[] {
  for (let p = k - 1; p >= 0; p--) {
    const g = groupNounAt(ctx, p);
    if (g > 0 && g <= k) return ctx.principals;
    const m = ctx.ms.find((x) => x.tj === p + 1 && x.tj <= k);
    // Relations with countries are not partnerships; "Pakistan's first campaign" only qualifies a noun.
    if (m?.entity.type === 'Country' && !/^['’]s$/.test(ctx.tokens[m.tj]?.text ?? '')) return [];
    // "Makerere's computing college partners with X": the party is the unnamed unit, not its owner.
    if (m?.entity.type === 'Organization' && /^['’]s$/.test(ctx.tokens[m.tj]?.text ?? '') && UNNAMED_UNIT.test(tokenSpan(ctx, m.tj + 1, Math.min(k, m.tj + 4)))) return [];
    if (m?.entity.type === 'Organization') return [appositionHead(ctx, m, k) ?? m.entity];
    if (m?.entity.type === 'Person') {
      const o = orgOfPerson(ctx, m.entity);
      if (o) return [o];
    }
  }
  return [];
}

/**
 * "MTN, Orange's main competitor in the country, runs a programme with X": a mention inside an apposition
 * closed before token k describes the organisation before the apposition, which is the subject.
 */
function appositionHead(ctx: Ctx, m: Mention, k: number): Entity | undefined {
  const { tokens } = ctx;
  let open = m.ti - 1;
  while (open >= 0 && tokens[open]!.text !== ',' && m.ti - open < 6) open--;
  if (tokens[open]?.text !== ',' || !/^(the|a|an|its|their|one)$/i.test(tokens[open + 1]?.text ?? '') && !/^['’]s$/.test(tokens[m.tj]?.text ?? '')) return undefined;
  const close = tokens.findIndex((t, i) => i >= m.tj && i < k && t.text === ',');
  if (close < 0) return undefined;
  const head = ctx.orgs.find((x) => x.tj === open || tokens[open - 1]?.text === ')' && tokens[x.tj]?.text === '(' && x.tj + 3 === open);
  return head && head.ti === ctx.orgs[0]?.ti && head.entity !== m.entity ? head.entity : undefined;
}

function partyAfter(ctx: Ctx, k: number): Entity[] {
  // "with Karnataka's Department of School Education", "with UNICEF's Supply Division": the possessed organisation.
  const o = lower(ctx.tokens[k]) === 'the' ? k + 1 : k;
  // The owner may be a mention or a capitalised word the text names nothing else by ("Karnataka's").
  const ownerEnd = ctx.ms.find((x) => x.ti === o)?.tj ?? (/^\p{Lu}/u.test(ctx.tokens[o]?.text ?? '') ? o + 1 : -1);
  const owned = ownerEnd > 0 && /^['’]s$/.test(ctx.tokens[ownerEnd]?.text ?? '') ? ctx.ms.find((x) => x.ti === ownerEnd + 1 && x.entity.type === 'Organization') : undefined;
  if (owned) return [owned.entity];
  const at = ctx.ms.find((x) => x.ti === k && x.entity.type === 'Organization');
  if (at) return [at.entity];
  let p = k;
  while (['the', 'its', 'their', 'a', 'an'].includes(lower(ctx.tokens[p])) || /-based$/.test(ctx.tokens[p]?.text ?? '')) p++;
  // "with education technology company NewGlobe": a description before the name.
  const described = ctx.orgs.find((m) => m.ti > p && m.ti <= p + 5 && isDescriptionOfNext(ctx.tokens, p, m.ti));
  if (described) return [described.entity];
  const g = groupNounAt(ctx, k);
  if (g > 0) return ctx.principals;
  const m = ctx.ms.find((x) => x.ti === p);
  if (m?.entity.type === 'Organization') return [m.entity];
  if (m?.entity.type === 'Person') {
    const o = orgOfPerson(ctx, m.entity);
    if (o) return [o];
  }
  // "ALECSO's Director-General, Prof. X": the organisation before the possessive.
  const poss = ctx.ms.find((x) => x.ti === p && x.entity.type === 'Organization');
  return poss ? [poss.entity] : [];
}

/** "The first was with X", "The second meeting was with Y": one of the talks the sentence before announced. */
const ORDINAL_WITH = /^(the\s+)?(first|second|third|fourth|next|last|other|another)\b[^,;]*\bwith$/i;

/** Verbs whose subject and object organisations cooperate: support, funding, hosting, meeting. */
const TRANSITIVE_PARTNER = /^(backs|backed|supports|supported|funds|funded|finances|financed|sponsors|sponsored|partners|partnered|hosts|hosted|receives|received|welcomes|welcomed|meets|met|visits|visited)$/i;

/** Participles whose "by" names the parties acting in a joint undertaking. */
const AGENT_PARTICIPLE =
  /\b(agreed|signed|backed|funded|co-funded|financed|co-financed|supported|sponsored|co-sponsored|led|co-led|implemented|run|organi[sz]ed|co-organi[sz]ed|hosted|co-hosted|launched|developed|established|founded|managed|delivered|coordinated|convened|initiated|endorsed|operated|jointly \w+)(\s+(jointly|together|also))?$/i;
/** Participles of funding or carrying out an undertaking: "financed by X", "will be implemented by Y". */
const UNDERTAKING_PARTICIPLE = /^(financed|funded|co-funded|co-financed|backed|supported|sponsored|implemented|executed|delivered|run|managed|carried|led|co-led|coordinated)$/i;
/** Nouns of an undertaking as the subject of its clause. */
const UNDERTAKING_NOUN = /^(?:the|this|its|their)\s+(?:[\w-]+\s+){0,3}?(project|programme|program|initiative|package|grant|loan|facility|scheme|campaign|operation|partnership|collaboration)\b/i;
const UNDERTAKING_SUBJECT = new RegExp(`^(?:it|${UNDERTAKING_NOUN.source.slice(1)})`, 'i');

/** Nouns whose "of" lists the parties of a joint undertaking: "a joint initiative of", "an alliance of". */
const JOINT_OF = /\b(joint \w+|alliance|coalition|consortium|partnership|collaboration|joint venture)$/i;
/** Participles of contributing in an absolute clause: "with X providing ...". */
const CONTRIBUTING = /^(providing|offering|supplying|contributing|covering|giving|funding|financing|co-financing|hosting|running|bringing|handling|managing|leading|coordinating|sponsoring|supporting|supervising|training|donating)$/i;
/** "with (technical) support from", "with financial assistance of": the contributor follows. */
const WITH_SUPPORT = /^(?:(?:the|technical|financial|logistical|scientific|additional|further|expert|in-kind)\s+){0,2}(?:support|assistance|backing|funding|financing|expertise)\s+(?:from|of)\b/i;
/** "five new members", "three public universities": a counted group the next sentence may list. */
const COUNT_WORDS = new Map([['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10]]);
const COUNTED_NOUN = /^(members|universities|institutions|institutes|organi[sz]ations|partners|libraries|companies|ministries|agencies|banks|colleges|schools|centres|centers|foundations|networks|hospitals|firms)$/i;

interface CountedGroup {
  parties: Entity[];
  count: number;
  noun: string;
  kind?: PartnershipKind;
}

/**
 * "GACHE ... admitted five new members", "Huawei Pakistan will also work with three public universities":
 * an organisation and a counted group it joins or works with, whose names the next sentence gives.
 */
function countedGroup(ctx: Ctx): CountedGroup | null {
  const { tokens } = ctx;
  for (let k = 1; k < tokens.length - 1; k++) {
    const count = COUNT_WORDS.get(lower(tokens[k])) ?? (/^\d$/.test(tokens[k]!.text) ? Number(tokens[k]!.text) : 0);
    if (count < 2) continue;
    let q = k + 1;
    while (q < k + 3 && tokens[q] && /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[q]!.text) && !COUNTED_NOUN.test(tokens[q]!.text)) q++;
    const noun = tokens[q]?.text ?? '';
    if (!COUNTED_NOUN.test(noun)) continue;
    // Names follow in this sentence: not a group to be listed later.
    if (ctx.orgs.some((m) => m.ti > q)) return null;
    const members = /^members$/i.test(noun);
    const withIt = /\bwith\s*(?:\S+\s*){0,2}$/i.test(tokenSpan(ctx, Math.max(0, k - 3), k));
    if (!members && !withIt) continue;
    const parties = subjectBefore(ctx, k);
    if (!parties.length) return null;
    return { parties, count, noun: noun.toLowerCase(), ...(members ? { kind: 'membership' as const } : {}) };
  }
  return null;
}

/** The names a sentence lists for a counted group: one per ";" item, else a coordinated group of that size. */
function listedGroup(ctx: Ctx, group: CountedGroup): Entity[] {
  const { tokens } = ctx;
  if (tokens.some((t) => t.text === ';')) {
    const items: Entity[] = [];
    let start = 0;
    for (let k = 0; k <= tokens.length; k++) {
      if (k < tokens.length && tokens[k]!.text !== ';') continue;
      const first = ctx.orgs.find((m) => m.ti >= start && m.ti < k);
      if (first) items.push(first.entity);
      start = k + 1;
    }
    return items.length === group.count ? items : [];
  }
  const g = groupsOf(ctx).find((x) => new Set(x.map((m) => m.entity)).size === group.count);
  return g ? [...new Set(g.map((m) => m.entity))] : [];
}

/** Fronted partners: "In partnership with X, ...", "Together with X, ...", "With the support of X, ...". */
const FRONTED_WITH = /^(in (partnership|cooperation|collaboration|association) with|together with|with the (support|backing) of|jointly with)\b/i;


/** "a grant to the University of Ghana and KNUST": every organisation coordinated with the first object. */
function coordinatedAfter(ctx: Ctx, k: number, objs: Entity[]): Entity[] {
  if (objs.length !== 1) return objs;
  const g = groupsOf(ctx).find((x) => x[0]!.entity === objs[0] && x[0]!.ti <= k + 2 && x[0]!.ti >= k);
  return g ? [...new Set(g.map((m) => m.entity))] : objs;
}

function pairsAmong(list: Entity[]): Array<[Entity, Entity]> {
  const uniq = [...new Set(list)];
  const out: Array<[Entity, Entity]> = [];
  for (let i = 0; i < uniq.length; i++) for (let j = i + 1; j < uniq.length; j++) out.push([uniq[i]!, uniq[j]!]);
  return out;
}

/**
 * "ended its cooperation with Gazprom Neft": capitalised words right after a cooperation "with"
 * name an organisation even without a head noun (companies often have none).
 */
function unnamedCompany(ctx: Ctx, a: Analysis, k: number): Entity[] {
  const { tokens } = ctx;
  let e = k;
  while (e < k + 4 && isNameWord(tokens[e]) && !ctx.ms.some((m) => m.ti <= e && e < m.tj) && !HONORIFICS.has(tokens[e]!.text)) e++;
  // The name must end the phrase ("with Gazprom Neft." / "with Gazprom Neft on ..."), not modify a noun ("with North American institutions").
  const next = tokens[e];
  if (e === k || !(next === undefined || /^[,.;]$/.test(next.text) || /^(on|in|to|for|since|until|at|from|over|about|after|before|and)$/.test(next.text))) return [];
  if (NON_NAME_CAPITALS.has(tokens[k]!.text) || DEMONYMS.has(tokens[e - 1]!.text)) return [];
  const name = tokens.slice(k, e).map((t) => t.text).join(' ');
  return [a.registry.findByName(name, ['Organization']) ?? a.registry.create('Organization', name, tokens[k]!.start)];
}

type Found = [Entity, Entity, PartnershipKind | undefined, string];

function sentencePairs(ctx: Ctx, a: Analysis): Found[] {
  const { tokens, s } = ctx;
  const text = s.text;
  const out: Found[] = [];
  let withSubject: Entity[] | null = null;
  const cue = COOPERATION_CUE.test(text);
  const attendance = ATTENDANCE.test(text);
  const groups = groupsOf(ctx);
  /** The first token after a dateline ("CAIRO, July 12 (MENA) -"), computed once. */
  let dateline = -1;
  const bodyStart = () => (dateline >= 0 ? dateline : (dateline = datelineEnd(tokens)));
  /** The coordinated group (or the single organisation) that starts at token k, after "the". */
  const groupAt = (k: number): Entity[] => {
    const q = lower(tokens[k]) === 'the' ? k + 1 : k;
    // A coreference ("the Bank") starts at its article.
    const g = groups.find((x) => x[0]!.ti === q || x[0]!.ti === k);
    if (g) return g.map((m) => m.entity);
    const m = ctx.orgs.find((x) => x.ti === q || x.ti === k);
    return m ? [m.entity] : [];
  };
  // "backed by A, B and C", "agreed ... by A, B and C", "will be implemented by D": everyone acting in a joint undertaking.
  if (!attendance && ruleOn('partner.by-group')) {
    const agents: Entity[] = [];
    let joint = cue;
    for (let k = 1; k < tokens.length; k++) {
      if (lower(tokens[k]) !== 'by') continue;
      // "led by the Institute of Geophysics of UNAM and by Geosciences Barcelona": a second agent of the same participle.
      if (agents.length && lower(tokens[k - 1]) === 'and') {
        // An unrecognised name may stand before its acronym: "by Geosciences Barcelona (GEO3BCN)".
        const bracketed = ctx.orgs.find((m) => m.via !== 'token' && m.ti > k + 1 && m.ti <= k + 6 && tokens.slice(k + 1, m.ti).every((t) => /^(\p{Lu}|\(|the$)/u.test(t.text)));
        const more = groupAt(k + 1).length ? groupAt(k + 1) : bracketed ? [bracketed.entity] : [];
        if (more.length) joint = true;
        agents.push(...more);
        continue;
      }
      // "agreed on Monday in Abuja by ...": time and place may stand between the participle and "by".
      let q = k;
      while (q > 0 && k - q < 8 && (/^(on|in|at|today|yesterday|here|jointly|together|also|the|last|this)$/i.test(tokens[q - 1]!.text) || /^(\p{Lu}|\d)/u.test(tokens[q - 1]!.text))) q--;
      if (!AGENT_PARTICIPLE.test(tokenSpan(ctx, q - 4, q)) && !AGENT_PARTICIPLE.test(tokenSpan(ctx, k - 4, k))) continue;
      agents.push(...groupAt(k + 1));
    }
    if (joint) for (const [x, y] of pairsAmong(agents)) out.push([x, y, undefined, 'partner.by-group']);
  }
  // "a joint initiative of A, B and C", "an alliance of A, B, C and D" (and the alliance with each of them).
  if (ruleOn('partner.joint-of')) {
    for (let k = 1; k < tokens.length; k++) {
      if (lower(tokens[k]) !== 'of' || !JOINT_OF.test(tokenSpan(ctx, k - 3, k))) continue;
      const members = groupAt(k + 1);
      if (members.length < 2) continue;
      for (const [x, y] of pairsAmong(members)) out.push([x, y, undefined, 'partner.joint-of']);
      // "The Africa Digital Skills Coalition (ADSC), an alliance of ...": the body they form.
      let q = k - 1;
      while (q > 0 && tokens[q]!.text !== ',' && k - q < 5) q--;
      const body = tokens[q]?.text === ',' ? ctx.orgs.find((m) => conjunctEnd(ctx, m) === q || m.tj === q) : undefined;
      if (body) for (const m of members) out.push([m, body.entity, 'membership', 'partner.joint-of']);
    }
  }
  // "In partnership with Coursera, UNDP and the Ministry will launch ...": a fronted partner and the subject.
  if (ruleOn('partner.fronted-with')) {
    // After a dateline: "CAIRO, July 12 (MENA) - In partnership with X, ...".
    const first = tokens.findIndex((t, i) => i >= bodyStart() && t.kind === 'word');
    const lead = FRONTED_WITH.exec(tokenSpan(ctx, first, first + 6));
    if (lead && first >= 0) {
      const comma = tokens.findIndex((t, i) => i > first && t.text === ',');
      const objects = ctx.orgs.filter((m) => m.ti > first && m.ti < comma).map((m) => m.entity);
      // The coordination may run across the comma ("with X, the Y and the Z will"): the subject is what follows it.
      const q = lower(tokens[comma + 1]) === 'the' ? comma + 2 : comma + 1;
      const across = comma > 0 ? groups.find((g) => g.some((m) => m.ti === q || m.ti === comma + 1) && g[0]!.ti < comma) : undefined;
      const subject = across ? [...new Set(across.filter((m) => m.ti > comma).map((m) => m.entity))] : comma > 0 ? groupAt(comma + 1) : [];
      for (const x of objects) for (const y of subject) out.push([x, y, undefined, 'partner.fronted-with']);
      if (across && cue) for (const [x, y] of pairsAmong(subject)) out.push([x, y, undefined, 'partner.fronted-with']);
    }
  }
  // "Financed by the GEF, the project will ...", "It will be implemented by the Ministry": the agent of an undertaking
  // whose subject is the undertaking itself works with the organisation the text is about (which launched it).
  if (!attendance && ctx.lead.length && ruleOn('partner.lead-undertaking')) {
    const start = tokens.findIndex((t, i) => i >= bodyStart() && t.kind === 'word');
    const fronted = start >= 0 && UNDERTAKING_PARTICIPLE.test(tokens[start]!.text) && lower(tokens[start + 1]) === 'by';
    let agents: Entity[] = [];
    if (fronted) {
      const comma = tokens.findIndex((t, i) => i > start && t.text === ',');
      // The clause's subject is the undertaking, not an organisation: "Financed by X, the five-year project will ...".
      // Every organisation named before the comma ("Financed by the Global Environment Facility (GEF), ...").
      if (comma > 0 && !groupAt(comma + 1).length && UNDERTAKING_NOUN.test(tokenSpan(ctx, comma + 1, comma + 6))) agents = ctx.orgs.filter((m) => m.ti > start + 1 && m.ti < comma).map((m) => m.entity);
    } else if (UNDERTAKING_SUBJECT.test(tokenSpan(ctx, start, start + 4))) {
      for (let k = start + 1; k < tokens.length; k++) {
        if (lower(tokens[k]) !== 'by' || !UNDERTAKING_PARTICIPLE.test(tokens[k - 1]!.text)) continue;
        // Only the main clause: "It will be implemented by the Ministry".
        if (tokens.slice(start, k).some((t) => t.text === ',')) break;
        agents = groupAt(k + 1);
        break;
      }
    }
    for (const x of agents) for (const y of ctx.lead) out.push([x, y, undefined, 'partner.lead-undertaking']);
  }
  // "..., with Microsoft providing cloud credits", "..., with technical support from the UNESCO Regional Office":
  // an absolute clause names a contributor to what the clause before it does; it works with that clause's party.
  if (!attendance && ruleOn('partner.with-contributor')) {
    for (let k = 1; k < tokens.length - 2; k++) {
      if (lower(tokens[k]) !== 'with' || tokens[k - 1]!.text !== ',') continue;
      let contributors: Entity[] = [];
      const support = WITH_SUPPORT.exec(tokenSpan(ctx, k + 1, k + 6));
      if (support) {
        const q = k + 1 + support[0]!.trim().split(/\s+/).length;
        contributors = coordinatedAfter(ctx, q, partyAfter(ctx, q));
      } else {
        const objs = coordinatedAfter(ctx, k + 1, partyAfter(ctx, k + 1));
        const last = ctx.orgs.filter((m) => objs.includes(m.entity) && m.ti > k).pop();
        const end = last ? conjunctEnd(ctx, last) : -1;
        if (end > 0 && CONTRIBUTING.test(tokens[end]?.text ?? '')) contributors = objs;
      }
      if (!contributors.length) continue;
      // The party of the clause before: the nearest organisation, with every organisation coordinated with it.
      const nearest = ctx.orgs.filter((m) => m.tj <= k - 1 && !contributors.includes(m.entity)).pop();
      if (!nearest) continue;
      const g = groups.find((x) => x.includes(nearest));
      const parties = g ? [...new Set(g.map((m) => m.entity))] : [nearest.entity];
      for (const x of contributors) for (const y of parties) if (x !== y) out.push([x, y, undefined, 'partner.with-contributor']);
    }
  }
  // Coordinated subjects.
  let betweenEnd = -1;
  for (const g of groups) {
    // "A, B, C and D signed partnership agreements with the Foundation": each with the Foundation, not with each other.
    const end = groupEnds.get(g) ?? g[g.length - 1]!.tj;
    const withObject = tokens.some((t, i) => i > end && lower(t) === 'with' && ctx.orgs.some((m) => m.ti > i && m.ti <= i + 2));
    const separately = withObject && (g.length >= 3 || /\b(agreements|memoranda|MoUs|contracts|grants)\b/i.test(ctx.s.text));
    if (cue && !attendance && !separately && isSubject(ctx, g) && ruleOn('partner.coordinated-subject')) for (const [a, b] of pairsAmong(g.map((m) => m.entity))) out.push([a, b, undefined, 'partner.coordinated-subject']);
    // "between X and Y"
    if ((lower(tokens[g[0]!.ti - 1]) === 'between' || lower(tokens[g[0]!.ti - 2]) === 'between') && ruleOn('partner.between')) {
      // "between X, Y and Z" (a tripartite agreement): every pair; "between X and Y, as well as Z": X with each of the others.
      const star = /\bas well as\b/i.test(tokenSpan(ctx, g[0]!.ti, groupEnds.get(g) ?? g[g.length - 1]!.tj));
      const pairs = star ? g.slice(1).map((m): [Entity, Entity] => [g[0]!.entity, m.entity]) : pairsAmong(g.map((m) => m.entity));
      for (const [x, y] of pairs) out.push([x, y, undefined, 'partner.between']);
      betweenEnd = groupEnds.get(g) ?? g[g.length - 1]!.tj;
    } else if (betweenEnd >= 0 && tokens[betweenEnd]?.text === ';' && ruleOn('partner.between')) {
      // "between A and B; C and D; and E and F": pairs within each group, never across.
      if (tokens.slice(betweenEnd + 1, g[0]!.ti).every((t) => /^(and|the)$/i.test(t.text))) {
        for (const [x, y] of pairsAmong(g.map((m) => m.entity))) out.push([x, y, undefined, 'partner.between']);
        betweenEnd = groupEnds.get(g) ?? g[g.length - 1]!.tj;
      }
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    const w = lower(tokens[k]);
    // "between ALECSO's Director-General, Prof. X, and IFLA Secretary General Dr. Y"
    if (w === 'between' && ruleOn('partner.between')) {
      const first = partyAfter(ctx, k + 1);
      let depth = 0;
      for (let q = k + 2; q < Math.min(tokens.length, k + 25); q++) {
        if (tokens[q]!.text === '(') depth++;
        if (tokens[q]!.text === ')') depth--;
        if (lower(tokens[q]) === 'and' && depth === 0) {
          let r = q + 1;
          while (r < tokens.length && (titleAt(tokens, r) || tokens[r]!.kind === 'punct')) r++;
          const second = partyAfter(ctx, q + 1).length ? partyAfter(ctx, q + 1) : [];
          for (const a of first) for (const b of second) out.push([a, b, undefined, 'partner.between']);
          break;
        }
      }
    }
    // "X ... with Y", "X proposed a protocol to Y", "X sponsored a chair at Y"
    const withLike = w === 'with' || (w === 'to' && /\b(propos\w*|offer\w*|submitt\w*|belong\w*|award\w*|grant\w*)\b/i.test(tokenSpan(ctx, k - 8, k)))
      || (w === 'at' && /\b(sponsor\w*|fund\w*|endow\w*)\b/i.test(tokenSpan(ctx, k - 8, k)));
    if (withLike && COOPERATION_CUE.test(tokenSpan(ctx, k - 12, k + 1)) || (w === 'with' && /\b(together|cooperation|partnership|talks)\b/i.test(tokenSpan(ctx, k - 2, k)))
      || (w === 'to' && /\bbelong/i.test(tokenSpan(ctx, k - 3, k)))
      // "The first was with X" after talks with several others.
      || (w === 'with' && !!ctx.previousWithSubject?.length && ORDINAL_WITH.test(tokenSpan(ctx, 0, k + 1)))) {
      if (!ruleOn('partner.with')) continue;
      let objs = coordinatedAfter(ctx, k + 1, partyAfter(ctx, k + 1));
      let rule = 'partner.with';
      if (!objs.length && w === 'with') objs = unnamedCompany(ctx, a, k + 1);
      // "The commission has held talks with several HEIs. The first was with UM": the party of talks with unnamed others.
      if (!objs.length && w === 'with' && !withSubject) {
        const subj = subjectBefore(ctx, k);
        if (subj.length) withSubject = subj;
      }
      if (objs.length && !(w === 'with' && lower(tokens[k - 1]) === 'along')) {
        let subj = subjectBefore(ctx, k);
        // "A, B, C and D signed agreements with the Foundation": every member of a coordinated subject.
        const g = subj.length === 1 ? groups.find((x) => x[x.length - 1]!.entity === subj[0] && x[x.length - 1]!.tj <= k && isSubject(ctx, x)) : undefined;
        if (g) subj = [...new Set(g.map((m) => m.entity))];
        // "Speaking after a meeting with X, the commission's secretary-general said": the subject after the fronted clause.
        if (!subj.length) subj = subjectAfterFrontedClause(ctx, k);
        // "The first was with Universiti Malaya": the party of the talks the sentence before reported.
        if (!subj.length && ORDINAL_WITH.test(tokenSpan(ctx, 0, k + 1))) subj = ctx.previousWithSubject ?? [];
        // "Talks with USM are continuing": no party before "with" in the sentence; the organisation the text is about.
        if (!subj.length && w === 'with' && !ctx.ms.some((m) => m.ti < k) && ruleOn('partner.lead-with')) {
          subj = ctx.lead.filter((x) => !objs.includes(x));
          if (subj.length) rule = 'partner.lead-with';
        }
        if (subj.length && w === 'with') withSubject = subj;
        for (const a of subj) for (const b of objs) out.push([a, b, undefined, rule]);
        // "in a joint effort with WHO and UNICEF": the partners named together work with each other too.
        if (subj.length && objs !== ctx.principals) for (const [x, y] of pairsAmong(objs)) out.push([x, y, undefined, 'partner.with']);
        if (objs !== ctx.principals && subj === ctx.principals) for (const [a, b] of pairsAmong(ctx.principals)) out.push([a, b, undefined, 'partner.with']);
      }
    }
    // "joins the Agence ...", "has become a full member of Y", "are already members of Y"
    if (/^(joins|joined|join)$/.test(w) && !/^(forces|hands)$/i.test(tokens[k + 1]?.text ?? '') && ruleOn('partner.joins')) {
      const objs = partyAfter(ctx, k + 1);
      const subj = subjectBefore(ctx, k);
      for (const a of subj) for (const b of objs) out.push([a, b, 'membership', 'partner.joins']);
      // "X will join the project as an associated partner": X works with the project's parties.
      if (!objs.length && /^(project|consortium|programme|program|partnership|initiative)$/i.test(tokens[k + 2]?.text ?? '')) {
        for (const a of subj) for (const b of ctx.principals) out.push([a, b, 'programme', 'partner.joins']);
      }
    }
    const memberOf = /^members?$/.test(w) && (lower(tokens[k + 1]) === 'of' ? k + 2 : /^(institutions?|states?|organi[sz]ations?|universities|university)$/.test(lower(tokens[k + 1])) && lower(tokens[k + 2]) === 'of' ? k + 3 : -1);
    if (memberOf && memberOf > 0 && ruleOn('partner.member-of')) {
      // "IFC, a member of the World Bank Group": a member of a corporate group is part of it (part-of.ts).
      // The group as written ("the IsDB Group"), also when its name was merged with its bank's.
      const writtenAsGroup = (o: Entity) => /\bGroup$/.test(o.name) || ctx.orgs.some((m) => m.entity === o && m.ti >= memberOf && m.ti <= memberOf + 1 && tokens[m.tj - 1]?.text === 'Group');
      const objs = partyAfter(ctx, memberOf).filter((o) => !writtenAsGroup(o));
      // "Dr. X (corresponding member of the Academy)": a person's membership, not their organisation's.
      const nearest = ctx.ms.filter((m) => m.tj <= k).pop();
      const ofPerson = nearest?.entity.type === 'Person' && /^[(,–—]\s*(?:(?:a|an|full|corresponding|foreign|honorary|associate)(?:\s+|$))*$/i.test(tokenSpan(ctx, nearest.tj, k));
      const subj = ofPerson ? [] : subjectBefore(ctx, k);
      for (const a of subj) for (const b of objs) out.push([a, b, 'membership', 'partner.member-of']);
    }
    // "a regional network of which USM is a member"
    if (w === 'of' && lower(tokens[k + 1]) === 'which' && ruleOn('partner.member-of')) {
      const member = partyAfter(ctx, k + 2);
      const net = subjectBefore(ctx, k);
      const rest = tokenSpan(ctx, k, k + 8);
      if (/\bmembers?\b/.test(rest)) for (const a of member) for (const b of net) out.push([a, b, 'membership', 'partner.member-of']);
    }
  }
  // Signatories: "The agreement was signed by Dr. A, Director-General of X, and Prof. B, President of Y",
  // or as the subject: "MIT President A and Tsinghua President B signed the agreement".
  const signedAt = tokens.findIndex((t) => /^(signed|sign|co-signed)$/i.test(t.text));
  const by = signedAt >= 0 ? tokens.findIndex((t, i) => lower(t) === 'by' && i > signedAt) : -1;
  if (signedAt >= 0 && ruleOn('partner.signatories')) {
    const parties: Entity[] = [];
    const [from, to] = by >= 0 ? [by + 1, tokens.length] : [0, signedAt];
    for (let k = from; k < to; k++) {
      const m = ctx.ms.find((x) => x.ti === k && x.entity.type === 'Person');
      const p = m?.entity ?? personByTitle(ctx, k);
      if (!p) continue;
      // "by Dr. A, on behalf of IsDB and the LLF, and by Mr. B, on behalf of the Ministry": the parties they sign for.
      const q = m ? m.tj + (tokens[m.tj]?.text === ',' ? 1 : 0) : -1;
      if (q > 0 && /^on behalf of$/i.test(tokenSpan(ctx, q, q + 3))) {
        const represented = coordinatedAfter(ctx, q + 3, partyAfter(ctx, q + 3));
        if (represented.length) {
          parties.push(...represented);
          continue;
        }
      }
      const o = orgOfPerson(ctx, p);
      if (o) parties.push(o);
    }
    for (const [a, b] of pairsAmong(parties)) out.push([a, b, undefined, 'partner.signatories']);
  }
  // "Bank Muscat backs SQU programme", "ECO Secretariat Hosts Azerbaijan's Academy", "X meets a delegation of Y":
  // an organisation as the subject and another as the object of a verb of support or meeting.
  if (ruleOn('partner.transitive')) {
    for (let k = 1; k < tokens.length - 1; k++) {
      if (!TRANSITIVE_PARTNER.test(tokens[k]!.text)) continue;
      const subj = ctx.orgs.find((m) => m.tj === k);
      if (!subj) continue;
      let q = k + 1;
      if (/^(the|a|an)$/i.test(tokens[q]!.text)) q++;
      if (/^delegations?$/i.test(tokens[q]?.text ?? '') && /^(of|from)$/i.test(tokens[q + 1]?.text ?? '')) q += 2 + (/^the$/i.test(tokens[q + 2]?.text ?? '') ? 1 : 0);
      const c = ctx.ms.find((m) => m.ti === q && m.entity.type === 'Country' && /^['’]s$/.test(tokens[m.tj]?.text ?? ''));
      if (c) q = c.tj + 1;
      const obj = ctx.orgs.find((m) => m.ti === q);
      if (obj && obj.entity !== subj.entity) out.push([subj.entity, obj.entity, undefined, 'partner.transitive']);
    }
  }
  // A person visiting or meeting organisations: "Dr. A visited X and Y, where he met ...".
  for (let k = 0; k < tokens.length; k++) {
    if (!/^(visited|met|received|toured|visits|meets|receives)$/.test(lower(tokens[k])) || !ruleOn('partner.visit')) continue;
    // The visitor is the sentence's first person ("Dr. A visited X and Y, where he met ...").
    const person = ctx.ms.find((m) => m.tj <= k && m.entity.type === 'Person');
    // "A delegation of the Siberian Branch ... visited the Academy": the delegation's organisation.
    const delegation = tokens.findIndex((t, i) => i < k && /^delegations?$/i.test(t.text) && /^(of|from)$/i.test(lower(tokens[i + 1])));
    const sender = delegation >= 0 ? ctx.orgs.find((m) => m.ti > delegation && m.ti <= delegation + 4 && m.tj <= k) : undefined;
    const org = sender?.entity ?? (person ? orgOfPerson(ctx, person.entity) : undefined);
    const subj = org ? [org] : [];
    if (!subj.length) continue;
    // Up to the end of the clause: "received at X in Jeddah today a delegation from Y, led by ...".
    let end = tokens.findIndex((t, i) => i > k && /^[,;]$/.test(t.text));
    if (end < 0) end = tokens.length;
    for (const m of ctx.orgs.filter((x) => x.ti > k && x.ti < Math.min(end, k + 30))) for (const a of subj) out.push([a, m.entity, 'meeting', 'partner.visit']);
  }
  // Group nouns alone: "the two organisations agreed to organise a joint session".
  if (cue && ctx.principals.length >= 2 && ruleOn('partner.group-noun')) {
    for (let k = 0; k < tokens.length; k++) {
      if (groupNounAt(ctx, k) > 0) {
        for (const [a, b] of pairsAmong(ctx.principals)) out.push([a, b, undefined, 'partner.group-noun']);
        break;
      }
    }
  }
  ctx.lastWithSubject = withSubject;
  return out;
}

/** After a fronted clause ("Speaking to reporters after a meeting with X, ..."), the clause's subject: an organisation or a person's. */
function subjectAfterFrontedClause(ctx: Ctx, k: number): Entity[] {
  const first = ctx.tokens.findIndex((t) => t.kind === 'word');
  if (first < 0 || !/^(speaking|after|following|during|addressing)$/i.test(ctx.tokens[first]!.text)) return [];
  const comma = ctx.tokens.findIndex((t, i) => i > k && t.text === ',');
  if (comma < 0) return [];
  for (const m of ctx.ms.filter((x) => x.ti > comma && x.ti < comma + 8)) {
    if (m.entity.type === 'Organization') return [m.entity];
    if (m.entity.type === 'Person') {
      const o = orgOfPerson(ctx, m.entity);
      if (o) return [o];
    }
  }
  return [];
}

function pairKeyOf(x: Entity, y: Entity): string {
  return x.key < y.key ? `${x.key}|${y.key}` : `${y.key}|${x.key}`;
}

function tokenSpan(ctx: Ctx, i: number, j: number): string {
  return ctx.tokens.slice(Math.max(0, i), Math.max(0, j)).map((t) => t.text).join(' ');
}

/** Hyphenated joint names: "ICESCO-KAU Science Teachers Academy", "“ICESCO- Leibniz-DAAD” Scholarship". */
function jointNames(ctx: Ctx, a: Analysis): Entity[][] {
  const out: Entity[][] = [];
  const { tokens } = ctx;
  const isDash = (t: Token | undefined) => !!t && /^[-–—]$/.test(t.text);
  for (let k = 0; k < tokens.length; k++) {
    // A run of words joined by dashes that touch at least one neighbour ("ICESCO- Leibniz-DAAD", not "AMMAN — Jordan").
    let e = k;
    const parts: string[] = [];
    let joined = false;
    while (e < tokens.length && tokens[e]!.kind === 'word') {
      const t = tokens[e]!;
      const pieces = t.text.split(/[-–—]/).filter(Boolean);
      if (pieces.length > 1) joined = true;
      parts.push(...pieces);
      const d = tokens[e + 1];
      const next = tokens[e + 2];
      if (isDash(d) && next?.kind === 'word' && (d!.start === t.end || next.start === d!.end)) {
        joined = true;
        e += 2;
        continue;
      }
      e++;
      break;
    }
    if (!joined || parts.length < 2) continue;
    // A name must follow: "ICESCO-KAU Science ...", "“...” Scholarship".
    let f = e;
    while (f < tokens.length && /^["”“’)]$/.test(tokens[f]!.text)) f++;
    if (!/^\p{Lu}/u.test(tokens[f]?.text ?? '')) {
      k = e - 1;
      continue;
    }
    const found: Entity[] = [];
    const unknownAcronyms: string[] = [];
    for (const p of parts) {
      const ent = a.registry.entities.find((x) => x.type === 'Organization' && (x.name === p || x.aliases.has(p)))
        ?? a.registry.entities.filter((x) => x.type === 'Organization' && x.name.split(/\s+/).includes(p)).sort((x, y) => x.first - y.first)[0];
      if (ent) found.push(ent);
      else if (isAcronym(p) && !NON_ORG_ACRONYMS.has(p)) unknownAcronyms.push(p);
    }
    // "ICESCO-Leibniz-DAAD": a partner known only from the joint name.
    if (found.length >= 1 && found.length + unknownAcronyms.length === parts.length) {
      for (const p of unknownAcronyms) found.push(a.registry.create('Organization', p, tokens[k]!.start));
    }
    if (new Set(found).size >= 2 && found.length === parts.length) out.push([...new Set(found)]);
    k = e - 1;
  }
  return out;
}

/** Verbs that open a new, live relation after a termination in the same sentence ("terminated X ... and signed Y"). */
const FRESH_RELATION = /^(signed|sign|signs|agreed|launched|concluded|joined|joins|welcomed|admitted|established|inked|renewed)$/i;

/**
 * Does a cue (termination, refusal, invitation) in the sentence govern the pair? Yes when a cue word comes
 * before the pair's later mention (or its earlier one) with no fresh relation verb in between:
 * "has terminated its agreement with X, and on Friday signed an MoU with Y" ends (A, X) only;
 * "OAU would explore an agreement with APHRC, and invited others to join" keeps (OAU, APHRC).
 * Pairs without mentions in the sentence (group nouns) take the cue sentence-wide.
 */
export function cueScopes(ctx: Pick<Ctx, 'tokens' | 'ms' | 's'>, cue: RegExp, x: Entity, y: Entity): boolean {
  if (!cue.test(ctx.s.text)) return false;
  const px = ctx.ms.filter((m) => m.entity === x).map((m) => m.ti);
  const py = ctx.ms.filter((m) => m.entity === y).map((m) => m.ti);
  if (!px.length || !py.length) return true;
  const [earlier, later] = [Math.min(...px), Math.min(...py)].sort((p, q) => p - q) as [number, number];
  for (let c = 0; c < later; c++) {
    const m = cue.exec(ctx.tokens.slice(c, c + 4).map((t) => t.text).join(' '));
    if (!m || m.index !== 0) continue;
    // The cue reaches the later party, or governs the earlier one ("Ends Partnership with X, Signs ... with Y").
    const fresh = (to: number) => ctx.tokens.slice(c + 1, to).some((t) => FRESH_RELATION.test(t.text));
    if (!fresh(later) || (c < earlier && !fresh(earlier))) return true;
  }
  return false;
}

export function findPartnerships(a: Analysis, roles: RoleFindings): DraftRelation[] {
  const pairs: Pair[] = [];
  let principals: Entity[] = [];
  const ctxOf = (s: Sentence): Ctx => {
    const ms = a.mentions[s.index] ?? [];
    return { s, tokens: s.tokens, ms, orgs: ms.filter((m) => m.entity.type === 'Organization'), roles, principals, lead };
  };
  let lead: Entity[] = [];
  // Principal parties: the first coordinated subject in the body, else in the headline.
  for (const s of [...a.sentences.filter((x) => !x.isHeadline), ...a.sentences.filter((x) => x.isHeadline)]) {
    const ctx = ctxOf(s);
    const g = groupsOf(ctx).find((x) => isSubject(ctx, x));
    if (g) {
      principals = [...new Set(g.map((m) => m.entity))];
      break;
    }
  }
  lead = leadSubject(a);
  // "X and Y signed ...": the first sentence's subject is the principal pair.
  if (lead.length === 1 && principals.includes(lead[0]!)) lead = principals;
  /** The one pair the previous sentence named: "... an MoU between ICESCO and the institute. ... the two parties". */
  let lastPair: Entity[] | null = null;
  let previousWithSubject: Entity[] | null = null;
  let counted: CountedGroup | null = null;
  for (const s of a.sentences) {
    const ctx = ctxOf(s);
    if (lastPair && ruleOn('partner.group-noun')) ctx.principals = lastPair;
    ctx.previousWithSubject = previousWithSubject;
    const kind = kindOf(s.text);
    const found: Found[] = sentencePairs(ctx, a);
    // "... admitted five new members. The new members are A; B; C; D; and E.": each with the organisation.
    if (counted && ruleOn('partner.counted-list')) for (const m of listedGroup(ctx, counted)) for (const x of counted.parties) found.push([x, m, counted.kind, 'partner.counted-list']);
    counted = s.isHeadline ? null : countedGroup(ctx);
    previousWithSubject = ctx.lastWithSubject ?? null;
    if (ruleOn('partner.joint-name')) for (const group of jointNames(ctx, a)) for (const [x, y] of pairsAmong(group)) found.push([x, y, 'programme', 'partner.joint-name']);
    // Pairs the rules found, with every rule that found each.
    const candidates = new Map<string, { x: Entity; y: Entity; kind?: PartnershipKind; rules: Set<string> }>();
    for (const [x, y, k, rule] of found) {
      if (x === y || x.type !== 'Organization' || y.type !== 'Organization') continue;
      const key = pairKeyOf(x, y);
      const c = candidates.get(key) ?? { x, y, rules: new Set<string>() };
      c.rules.add(rule);
      c.kind ??= k;
      candidates.set(key, c);
    }
    for (const c of candidates.values()) {
      if (cueScopes(ctx, INVITATION, c.x, c.y)) continue;
      const status: PartnershipStatus | undefined = cueScopes(ctx, ENDED, c.x, c.y) ? 'ended' : cueScopes(ctx, DECLINED, c.x, c.y) ? 'declined' : undefined;
      const rules = [...c.rules];
      pairs.push({ a: c.x, b: c.y, kind: c.kind ?? kind, sentence: s.index, rules, ...(status ? { status } : {}) });
    }
    // Only a sentence that names exactly one new pair by name sets the referent of a later "the two parties".
    const named = [...candidates.values()].filter((c) => !c.rules.has('partner.group-noun'));
    // A past relation ("had previously sponsored a chair at X") is background, not the parties of the talks.
    lastPair = !s.isHeadline && named.length === 1 && !PAST_ONLY.test(s.text) ? [named[0]!.x, named[0]!.y] : null;
  }
  // "Huawei, HEC sign MoU" over "Huawei Technologies Pakistan and the HEC signed ...": a headline's short name of a
  // party the body names in full is that party, not another organisation.
  const bodyPairs = pairs.filter((p) => !a.sentences[p.sentence]!.isHeadline);
  const shortFor = (x: Entity, y: Entity) => x !== y && y.name.startsWith(`${x.name} `);
  for (let i = pairs.length - 1; i >= 0; i--) {
    const p = pairs[i]!;
    if (!a.sentences[p.sentence]!.isHeadline) continue;
    if (bodyPairs.some((q) => q.a === p.b && shortFor(p.a, q.b) || q.b === p.b && shortFor(p.a, q.a) || q.a === p.a && shortFor(p.b, q.b) || q.b === p.a && shortFor(p.b, q.a))) pairs.splice(i, 1);
  }
  const mainDate = leadDate(a);
  const areaCache = new Map<number, string[]>();
  const areasOf = (s: Sentence) => {
    let v = areaCache.get(s.index);
    if (!v) areaCache.set(s.index, (v = ruleOn('agreement.areas') ? areasIn(a, s) : []));
    return v;
  };
  return pairs.map((p) => {
    const s = a.sentences[p.sentence]!;
    const dates = findDates(a.text, a.publishedAt, s.start, s.end).filter((d) => d.iso);
    const date = dates[0]?.iso ?? (PAST_ONLY.test(s.text) || s.isHeadline ? null : mainDate);
    return {
      type: 'PARTNERS_WITH',
      source: p.a,
      target: p.b,
      properties: { kind: p.kind, date, ...(p.status ? { status: p.status } : {}), ...(areasOf(s).length ? { areas: areasOf(s) } : {}) },
      evidence: [evidenceOf(a.text, s.start, s.end)],
      rules: p.rules,
    };
  });
}

/**
 * The subject of the first body sentence that names an organisation ("The Malaysian National Commission for
 * UNESCO (MNCU) is enlisting ..."): the organisation a press release is about.
 */
function leadSubject(a: Analysis): Entity[] {
  for (const s of a.sentences) {
    if (s.isHeadline) continue;
    const ms = a.mentions[s.index] ?? [];
    const first = ms.find((m) => m.entity.type === 'Organization' || m.entity.type === 'Person');
    if (!first) continue;
    if (first.entity.type !== 'Organization') return [];
    const tokens = s.tokens;
    let b = first.ti;
    if (lower(tokens[b - 1]) === 'the') b--;
    // At the start of the sentence or after its dateline.
    const before = tokens[b - 1];
    if (before && !(before.kind === 'punct' && ms.every((m) => m.entity.type !== 'Organization' || m.ti >= first.ti))) return [];
    if (before && !/^(–|—|--|-|:)$/.test(before.text) && b > 0 && tokens.slice(0, b).some((t) => t.kind === 'word' && /^\p{Ll}/u.test(t.text))) return [];
    return [first.entity];
  }
  return [];
}

/** The date of the event the article reports: the first date in its first body sentences. */
export function leadDate(a: Analysis): string | null {
  for (const s of a.sentences.filter((x) => !x.isHeadline).slice(0, 2)) {
    const d = findDates(a.text, a.publishedAt, s.start, s.end).find((x) => x.iso);
    if (d) return d.iso;
  }
  return a.publishedAt;
}
