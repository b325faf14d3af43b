/**
 * Features of a candidate partnership: two organisations in one sentence.
 * The classifier (pair-model.ts) weighs them; the hand rules that fired for
 * the pair are features too, so the model learns when to trust each rule.
 * Features are strings drawn from closed sets (function words, cue stems,
 * buckets), never from the names themselves, so nothing a model learns from
 * one document's names carries to another.
 */
import type { Mention } from './registry.ts';
import type { Sentence, Token } from './text.ts';

/** Cue stems: words whose presence in the sentence says something about cooperation, or against it. */
const CUES: ReadonlyArray<[string, RegExp]> = [
  ['sign', /\b(sign\w*|inked|co-signed)\b/i],
  ['agreement', /\b(agreement|accord|protocol|treaty|memorand\w*|mou|mous)\b/i],
  ['partner', /\bpartner\w*\b/i],
  ['joint', /\b(joint\w*|together|co-\w+)\b/i],
  ['cooperat', /\b(cooperat\w*|co-operat\w*|collaborat\w*)\b/i],
  ['fund', /\b(fund\w*|financ\w*|grant\w*|loan\w*|back\w*|sponsor\w*|donat\w*|invest\w*)\b/i],
  ['implement', /\b(implement\w*|deliver\w*|run by|carried out|execut\w*)\b/i],
  ['support', /\b(support\w*|assist\w*|help\w*)\b/i],
  ['launch', /\b(launch\w*|open\w*|inaugurat\w*|establish\w*|creat\w*|set up)\b/i],
  ['meet', /\b(met|meet\w*|talks|visit\w*|received|welcomed|hosted|delegation)\b/i],
  ['discuss', /\b(discuss\w*|explor\w*|propos\w*|negotiat\w*|plan\w*)\b/i],
  ['member', /\b(member\w*|joined|joins|admitted)\b/i],
  ['work', /\b(work\w*|train\w*|provid\w*|exchange\w*|share\w*)\b/i],
  ['invite', /\binvit\w*\b/i],
  ['attend', /\b(attend\w*|took part|participat\w*|speakers?|present\w*|audience)\b/i],
  ['compete', /\b(rival\w*|compet\w*|ranked|ranking\w*|outperform\w*)\b/i],
  ['negation', /\b(not|no|never|declin\w*|refus\w*|reject\w*)\b/i],
  ['ended', /\b(terminat\w*|ended|ends|withdr\w*|cancel\w*|dissolv\w*|expired)\b/i],
  ['past', /\b(since|previously|already|earlier|last year|in \d{4})\b/i],
];

/** Function words and punctuation that may stand between or around two organisations. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'and', '&', 'with', 'between', 'by', 'of', 'for', 'at', 'in', 'to', 'from', 'on', 'the', 'a', 'an', 'its', 'their', 'as', 'well',
  'including', 'among', 'together', 'through', 'under', 'via', 'while', 'whereas', 'which', 'who', 'whose', 'that', 'both',
  ',', ';', ':', '(', ')', '–', '—', '-', '"', '“', '”', "'s", '’s', 'also', 'will', 'would', 'has', 'have', 'had', 'is', 'are', 'was',
  'were', 'said', 'signed', 'agreed', 'joined', 'backed', 'funded', 'supported', 'implemented', 'led', 'hosted', 'organised', 'organized',
  'partnership', 'cooperation', 'collaboration', 'agreement', 'memorandum', 'initiative', 'programme', 'program', 'project', 'consortium',
  'members', 'member', 'partners', 'partner', 'such', 'like', 'than', 'or', 'nor', 'but', 'not', 'no', 'other', 'another', 'each',
]);

const word = (t: Token | undefined) => {
  if (!t) return '<none>';
  const w = t.text.toLowerCase();
  return FUNCTION_WORDS.has(w) ? w : t.kind === 'punct' ? '<p>' : /^\p{Lu}/u.test(t.text) ? '<Cap>' : '<w>';
};

const bucket = (n: number) => (n <= 1 ? '0-1' : n <= 3 ? '2-3' : n <= 6 ? '4-6' : n <= 12 ? '7-12' : n <= 25 ? '13-25' : '26+');

export interface PairContext {
  sentence: Sentence;
  /** Organisation mentions of the sentence, in order. */
  orgs: Mention[];
  /** Mentions of every kind in the sentence (people, countries), in order. */
  mentions: Mention[];
}

/** Sentence-wide features, shared by every pair of the sentence. */
export function sentenceFeatures(ctx: PairContext): string[] {
  const out: string[] = [];
  for (const [name, re] of CUES) if (re.test(ctx.sentence.text)) out.push(`cue:${name}`);
  if (ctx.sentence.isHeadline) out.push('headline');
  out.push(`orgs:${Math.min(ctx.orgs.length, 6)}`);
  if (ctx.mentions.some((m) => m.entity.type === 'Person')) out.push('has-person');
  return out;
}

/** Features of a pair of mentions m1 (earlier) and m2 (later) in one sentence. */
export function mentionPairFeatures(ctx: PairContext, m1: Mention, m2: Mention): string[] {
  const tokens = ctx.sentence.tokens;
  const out: string[] = [];
  const gap = tokens.slice(m1.tj, m2.ti);
  out.push(`gap:${bucket(gap.length)}`);
  const between = ctx.orgs.filter((m) => m.ti >= m1.tj && m.tj <= m2.ti && m.entity !== m1.entity && m.entity !== m2.entity).length;
  out.push(`orgs-between:${Math.min(between, 3)}`);
  const gapText = gap.map((t) => t.text).join(' ');
  for (const [name, re] of CUES) if (re.test(gapText)) out.push(`gap-cue:${name}`);
  const preText = tokens.slice(Math.max(0, m1.ti - 6), m1.ti).map((t) => t.text).join(' ');
  for (const [name, re] of CUES) if (re.test(preText)) out.push(`pre-cue:${name}`);
  const postText = tokens.slice(m2.tj, m2.tj + 6).map((t) => t.text).join(' ');
  for (const [name, re] of CUES) if (re.test(postText)) out.push(`post-cue:${name}`);
  const gapWords = new Set(gap.map(word));
  for (const w of gapWords) out.push(`gap-has:${w}`);
  if (gap.length <= 6) out.push(`gap-seq:${gap.map(word).join('_')}`);
  if (gap.every((t) => /^(,|and|&|the|\(|\)|;)$/i.test(t.text) || t.kind === 'word' && /^\p{Lu}/u.test(t.text) && t.text === t.text.toUpperCase())) out.push('coordinated');
  if (gap.some((t) => t.text === ';')) out.push('semicolon-between');
  if (ctx.mentions.some((m) => m.entity.type === 'Person' && m.ti >= m1.tj && m.tj <= m2.ti)) out.push('person-between');
  out.push(`before1:${word(tokens[m1.ti - 1])}`, `before2:${word(tokens[m2.ti - 1])}`);
  out.push(`before1b:${word(tokens[m1.ti - 2])}_${word(tokens[m1.ti - 1])}`, `before2b:${word(tokens[m2.ti - 2])}_${word(tokens[m2.ti - 1])}`);
  out.push(`after1:${word(tokens[m1.tj])}`, `after2:${word(tokens[m2.tj])}`);
  out.push(`via1:${m1.via}`, `via2:${m2.via}`);
  if (m1.ti <= 1) out.push('first-at-start');
  // A verb-like lower-case word right after the second mention: the pair is a coordinated subject.
  const after = tokens[m2.tj];
  if (after && after.kind === 'word' && /^\p{Ll}/u.test(after.text) && !FUNCTION_WORDS.has(after.text.toLowerCase())) out.push('verb-after2');
  const before = tokens[m1.ti - 1];
  if (before && before.kind === 'word' && /^\p{Ll}/u.test(before.text) && !FUNCTION_WORDS.has(before.text.toLowerCase())) out.push('word-before1');
  return out;
}
