/**
 * Organisation types read off the head nouns of a name ("Ministry of ...",
 * "... University", "Leibniz Institute for ..."): the graph stores no type,
 * and the head noun is what an analyst goes by. The first type whose words
 * occur in the name wins, so "University Institute of X" is a university.
 * The same table classifies names in TypeScript and filters in Cypher (as
 * regular-expression parameters), so both always agree.
 */

export const ORGANIZATION_TYPES = ['GOVERNMENT', 'UNIVERSITY', 'RESEARCH', 'INTERNATIONAL', 'ASSOCIATION', 'FOUNDATION', 'COMPANY', 'OTHER'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

/** Head nouns per type, in order of precedence; OTHER is what matches none. */
const WORDS: Record<Exclude<OrganizationType, 'OTHER'>, readonly string[]> = {
  // "Ministry of Science and Higher Education of the Republic of Kazakhstan"
  GOVERNMENT: ['ministry', 'ministère', 'ministerio', 'government', 'parliament', 'municipality', 'embassy', 'agency', 'authority', 'commission'],
  // "University of Sfax", "Université Laval", "National Engineering School of Sfax"
  UNIVERSITY: ['university', 'université', 'universidad', 'universidade', 'universität', 'università', 'universiti', 'college', 'school', 'polytechnic'],
  // "Leibniz Institute for Catalysis", "Centre for Marine Science"
  RESEARCH: ['institute', 'institut', 'instituto', 'centre', 'center', 'laboratory', 'observatory', 'academy', 'library'],
  // "Islamic World Educational, Scientific and Cultural Organization", "... Bank"
  INTERNATIONAL: ['organization', 'organisation', 'united nations', 'bank', 'programme'],
  // "Leibniz Association", "European University Association" (a university before), "... Council", "... Network"
  ASSOCIATION: ['association', 'council', 'network', 'society', 'union', 'federation', 'league', 'alliance', 'consortium', 'forum'],
  FOUNDATION: ['foundation', 'fund', 'trust', 'endowment'],
  COMPANY: ['company', 'corporation', 'ltd', 'inc', 'gmbh', 'group', 'holding', 'plc'],
};

// Word boundaries spelled out: `\b` in JavaScript does not treat "é" as a letter.
const JS_PATTERNS = Object.entries(WORDS).map(
  ([type, words]) => [type as OrganizationType, new RegExp(`(?:^|[^\\p{L}])(?:${words.join('|')})(?:[^\\p{L}]|$)`, 'iu')] as const,
);

/** The type of an organisation named `name`. */
export function organizationType(name: string): OrganizationType {
  for (const [type, pattern] of JS_PATTERNS) if (pattern.test(name)) return type;
  return 'OTHER';
}

/** A Java regular expression (Cypher `=~`, whole-string match) for names containing one of `words`. */
function cypherPattern(words: readonly string[]): string {
  return `(?iu)(?:|.*[^\\p{L}])(?:${words.join('|')})(?:[^\\p{L}].*|)`;
}

/**
 * Parameters that select names of `type` in Cypher: the name matches
 * `include` and none of the earlier types' words (`exclude`, null when
 * there is none).
 */
export function organizationTypePatterns(type: OrganizationType): { include: string | null; exclude: string | null } {
  const index = ORGANIZATION_TYPES.indexOf(type);
  const earlier = ORGANIZATION_TYPES.slice(0, index).filter((t): t is Exclude<OrganizationType, 'OTHER'> => t !== 'OTHER');
  const before = earlier.flatMap((t) => WORDS[t]);
  return {
    include: type === 'OTHER' ? null : cypherPattern(WORDS[type]),
    exclude: before.length === 0 ? null : cypherPattern(before),
  };
}
