/**
 * Agreements (MoU, cooperation agreement, protocol, executive programme ...)
 * with a status, PARTY_TO from their parties, PARTY_TO/PARTICIPATED_IN for
 * named programmes and events in partnership sentences, and cooperation
 * areas as Topic entities with CONCERNS.
 */
import type { Analysis } from './analyze.ts';
import { findDates } from './dates.ts';
import type { Entity } from './registry.ts';
import type { Sentence } from './text.ts';
import { evidenceOf } from './result.ts';
import type { DraftRelation } from './result.ts';
import type { AgreementStatus } from './types.ts';
import { nounPhrase } from './nlp.ts';
import { ruleOn } from './rules.ts';

interface StatusRule {
  status: AgreementStatus;
  re: RegExp;
  reason: string;
  example: string;
}

/** First matching rule wins. */
export const STATUS_RULES: readonly StatusRule[] = [
  { status: 'ended', re: /\b(terminat\w*|ended|cancel\w*)\b/i, reason: 'termination', example: 'has terminated its research data agreement' },
  { status: 'proposed', re: /\b(agreed to (draft|prepare|explore)|to explore|intend to sign|will sign|would prepare|to prepare|proposed|propose|plan(s|ned)? to|to be drafted)\b/i, reason: 'a plan, not a text', example: 'agreed to draft a cooperation agreement' },
  { status: 'drafted', re: /\b(draft|finali[sz]ed the text)\b/i, reason: 'the text exists', example: 'have finalised the text of a draft cooperation agreement' },
  { status: 'signed', re: /\b(sign(ed|s|ing)?|inked|concluded)\b/i, reason: 'signature', example: 'signed a memorandum of understanding' },
  { status: 'proposed', re: /./, reason: 'mentioned only', example: 'the upcoming joint Ph.D. program' },
];

/** Agreement nouns with up to three modifiers: "draft cooperation agreement", "data-sharing protocol". */
const AGREEMENT_RE =
  /\b((?:(?:[a-z][\w-]*|[A-Z][\w-]*)\s+){0,3}?)(memorandum of understanding|memorandum|MoU|agreement|protocol|executive programme|cooperation programme|programme document|action plan)\b/g;
const MODIFIER_STOP = /^(the|a|an|and|of|to|on|in|with|its|their|this|that|both|under|has|have|had|signed|sign|will|would|new|first|separate|which|who|by|for)$/i;

/** Joint programmes named by description: "the joint Ph.D. program", "a double degree programme", "a youth training programme". */
const JOINT_PROGRAMME_RE =
  /\b((?:joint|double|dual)\s+(?:[\w.'’-]+\s+){0,3}?(?:programmes?|programs?|degrees?|scholarships?|fellowships?|laborator(?:y|ies)|research groups?)|(?:[\w'’-]+\s+){1,2}?(?:scholarship|fellowship|exchange|training|mobility|internship)\s+(?:programmes?|programs?))\b/gi;
/** Programmes named after their partners: "“ICESCO- Leibniz-DAAD” Scholarship", "the IsDB-UT Fellowship". */
const NAMED_PROGRAMME_RE = /([“"]?\p{Lu}[\p{L}\d]*(?:\s?[-–]\s?\p{Lu}[\p{L}\d]*)+[”"]?\s+(?:Scholarships?|Fellowships?|Programmes?|Programs?|Awards?|Prizes?|Chairs?|Academy|Centre|Center|Laboratory|Lab))/gu;

/** Words before an event that make the one who does them a participant: "to participate in", "attended", "took part in". */
const PARTICIPATION = /\b(participat\w*|attend\w*|took part|take part|taking part|speak(?:s|ing)? at|spoke at|address(?:ed|es)?|join(?:ed|s)?)\b(?:\s+in|\s+at)?(?:\s+the)?\s*$/i;

/** Cooperation areas: "in the fields of science, technology and ...", "cooperation in smart agriculture, ...". */
const AREA_RES: readonly RegExp[] = [
  /\b(?:in|on) the (?:fields?|areas?|domains?) of ([^.;:()]+)/gi,
  /\bcooperation in ([^.;:()]+)/gi,
  /\bcooperation, in ([^.;:()]+)/gi,
  /\bcooperation in (?:the )?(?:fields?|areas?) of ([^.;:()]+)/gi,
  /\bcovering ([^.;:()]+)/gi,
];
const AREA_STOP = /\b(through|with|between|among|for|to|by|at|which|that|who|during|as|including|under|over|while|from|so)\b/i;

export function findTopicsAndAgreements(a: Analysis, partnerships: DraftRelation[]): DraftRelation[] {
  const out: DraftRelation[] = [];
  const agreements = new Map<string, Entity>();
  const partiesAt = new Map<number, Set<Entity>>();
  for (const r of partnerships) {
    if (r.properties.status === 'ended' || r.properties.status === 'declined') continue;
    for (const ev of r.evidence) {
      const set = partiesAt.get(ev.start) ?? new Set<Entity>();
      set.add(r.source);
      set.add(r.target);
      partiesAt.set(ev.start, set);
    }
  }
  let lastAgreement: Entity | undefined;
  for (const s of a.sentences) {
    if (s.isHeadline) continue;
    const ev = evidenceOf(a.text, s.start, s.end);
    const parties = partiesAt.get(s.start) ?? new Set<Entity>();
    // Programmes named in a partnership sentence: "the upcoming joint Ph.D. program", "a “ICESCO-Leibniz-DAAD” Scholarship".
    if (parties.size && ruleOn('programme.parties')) {
      for (const re of [JOINT_PROGRAMME_RE, NAMED_PROGRAMME_RE]) {
        re.lastIndex = 0;
        let p: RegExpExecArray | null;
        while ((p = re.exec(s.text)) !== null) {
          let name = p[1]!.replace(/[“”"]/g, '').replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ').trim();
          // "ICESCO’s youth training programme": the owner is the only party, and not part of the name.
          const owner = /^(\S+)['’]s\s+/.exec(name);
          if (owner) name = name.slice(owner[0].length);
          const status = STATUS_RULES.find((r) => r.re.test(s.text))!.status;
          if (status === 'ended') continue;
          let e = a.registry.entities.find((x) => x.type === 'Programme' && x.name.toLowerCase() === name.toLowerCase());
          if (!e) {
            e = a.registry.create('Programme', name, s.start + p.index + p[0].indexOf(p[1]!));
            e.properties.status = status === 'signed' ? 'signed' : 'proposed';
          }
          // Its own parties: those in its name ("ICESCO-Leibniz-DAAD"), or those right after it ("between ICESCO and LIKAT").
          const at = s.start + p.index;
          const parts = name.split(/[-\s]+/);
          const byPart = (part: string) => [...parties].find((x) => x.name === part || x.aliases.has(part))
            ?? [...parties].filter((x) => x.name.split(/\s+/).includes(part)).sort((x, y) => x.first - y.first)[0];
          const inName = [...new Set(parts.map(byPart).filter((x): x is Entity => !!x))];
          const span = p[0].length;
          const after = [...parties].filter((x) => (a.mentions[s.index] ?? []).some((m) => m.entity === x && m.start > at && m.start < at + span + 60));
          const ownerEntity = owner ? [...parties].find((x) => x.name === owner[1] || x.aliases.has(owner[1]!)) : undefined;
          const own = ownerEntity ? [ownerEntity] : inName.length >= 2 ? inName : after.length >= 2 ? after : [...parties];
          for (const party of own) out.push({ type: 'PARTY_TO', source: party, target: e, properties: { status: e.properties.status as AgreementStatus }, evidence: [ev], rules: ['programme.parties'] });
        }
      }
    }
    AGREEMENT_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = AGREEMENT_RE.exec(s.text)) !== null) {
      const mods = (m[1] ?? '').trim().split(/\s+/).filter(Boolean);
      while (mods.length && MODIFIER_STOP.test(mods[0]!)) mods.shift();
      if (mods.some((w) => MODIFIER_STOP.test(w))) mods.splice(0, mods.findLastIndex((w) => MODIFIER_STOP.test(w)) + 1);
      const head = m[2]!.toLowerCase() === 'mou' || /^memorandum/i.test(m[2]!) ? 'memorandum of understanding' : m[2]!;
      const name = [...mods.filter((w) => !/^\d/.test(w) && !/^[A-Z]/.test(w)), head].join(' ');
      const status = STATUS_RULES.find((r) => r.re.test(s.text))!.status;
      if (status === 'ended') continue;
      const key = head;
      // "Under the agreement, ...": a bare definite mention refers back to the agreement the text already named.
      const definite = !mods.length && /\b(the|this|that|its)\s+$/i.test(s.text.slice(0, m.index + (m[1]?.length ?? 0)));
      let e = definite && lastAgreement && ruleOn('agreement.coreference') ? lastAgreement : agreements.get(key);
      if (e && e === lastAgreement && definite && agreements.get(key) !== e) e.rules.add('agreement.coreference');
      if (!e) {
        e = a.registry.create('Agreement', name, s.start + m.index + (m[1]?.length ?? 0));
        e.properties.status = status;
        agreements.set(key, e);
      } else if (rank(status) > rank(String(e.properties.status) as AgreementStatus)) e.properties.status = status;
      lastAgreement = e;
      if (ruleOn('agreement.parties')) for (const p of parties) out.push({ type: 'PARTY_TO', source: p, target: e, properties: { status }, evidence: [ev], rules: ['agreement.parties'] });
      if (ruleOn('agreement.areas')) for (const t of topicsIn(a, s.text, s.start)) out.push({ type: 'CONCERNS', source: e, target: t, properties: {}, evidence: [ev], rules: ['agreement.areas'] });
    }
    // Named programmes and events in a partnership sentence.
    for (const mention of a.mentions[s.index] ?? []) {
      const e = mention.entity;
      if (e.type === 'Programme') {
        e.properties.status ??= STATUS_RULES.find((r) => r.re.test(s.text))!.status === 'signed' ? 'signed' : 'proposed';
        if (ruleOn('agreement.parties')) for (const p of parties) out.push({ type: 'PARTY_TO', source: p, target: e, properties: { status: e.properties.status as AgreementStatus }, evidence: [ev], rules: ['agreement.parties'] });
      }
      if (e.type === 'Event') {
        // "the first Arab Manuscripts Week, ... from 22 to 28 April 2024": the event's (start) date.
        const d = findDates(a.text, a.publishedAt, s.start, s.end).find((x) => x.iso && x.kind !== 'relative');
        if (d && e.properties.date === undefined) e.properties.date = d.iso;
        if (ruleOn('event.organisers')) for (const p of parties) out.push({ type: 'PARTICIPATED_IN', source: p, target: e, properties: { role: 'organiser' }, evidence: [ev], rules: ['event.organisers'] });
      }
    }
    // "the visit of the ICESCO Director-General ... to participate in the 7th Congress": the organisation that takes part.
    if (ruleOn('event.participants')) {
      const ms = a.mentions[s.index] ?? [];
      for (const ev2 of ms.filter((m) => m.entity.type === 'Event')) {
        const lead = s.text.slice(Math.max(0, ev2.start - s.start - 40), ev2.start - s.start);
        if (!PARTICIPATION.test(lead)) continue;
        const verbAt = ev2.start - 40;
        const who = ms.filter((m) => (m.entity.type === 'Organization' || m.entity.type === 'Person') && m.end <= Math.max(verbAt, s.start) + 40 && m.end < ev2.start).pop();
        if (who && !out.some((r) => r.type === 'PARTICIPATED_IN' && r.source === who.entity && r.target === ev2.entity)) {
          out.push({ type: 'PARTICIPATED_IN', source: who.entity, target: ev2.entity, properties: { role: 'participant' }, evidence: [ev], rules: ['event.participants'] });
        }
      }
    }
    topicsIn(a, s.text, s.start);
  }
  return out;
}

function rank(s: AgreementStatus): number {
  return s === 'signed' ? 3 : s === 'drafted' ? 2 : s === 'proposed' ? 1 : 0;
}

/** The areas of cooperation a sentence names, as topic names (the Topic entities are created as a side effect). */
export function areasIn(a: Analysis, s: Sentence): string[] {
  return [...new Set(topicsIn(a, s.text, s.start).map((t) => t.name))];
}

function topicsIn(a: Analysis, text: string, offset: number): Entity[] {
  const out: Entity[] = [];
  for (const re of AREA_RES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      let list = m[1] ?? '';
      const stop = AREA_STOP.exec(list);
      if (stop) list = list.slice(0, stop.index);
      // A quoted or capitalised title ("the “ICESCO Forum on ... Patent Writing”") is a named thing, not an area.
      if (/[“”"]/.test(list) || /\b\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(list)) continue;
      for (const raw of list.split(/,\s*(?:and\s+)?|\s+and\s+/)) {
        const np = nounPhrase(raw.trim().replace(/^(the|and)\s+/i, '').replace(/\s+(among other areas.*|of common interest.*|of interest.*)$/i, ''));
        if (!np) continue;
        const item = np;
        const words = item.split(/\s+/).filter(Boolean);
        if (!words.length || words.length > 4 || /[A-Z]/.test(item[0] ?? '') && words.length > 1 || /\d/.test(item)) continue;
        if (/^(other|several|mutual|common|various|both|all|ways|the)$/i.test(words[0]!)) continue;
        let t = a.registry.entities.find((e) => e.type === 'Topic' && e.name === item.toLowerCase());
        if (!t) t = a.registry.create('Topic', item.toLowerCase(), offset + m.index);
        out.push(t);
      }
    }
  }
  return out;
}
