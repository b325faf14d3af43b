// Colours and names of what the dashboard encodes: partnership kinds (edge
// colour), organisation types and countries (node colour). Pure data, no DOM.

/** Kinds from the most formal down: an edge with several kinds takes the colour of the first it has. */
export const KINDS = [
  { id: 'AGREEMENT', label: 'agreement', color: '#C0392B' },
  { id: 'MOU', label: 'MoU', color: '#E67E22' },
  { id: 'PROGRAMME', label: 'programme', color: '#8E44AD' },
  { id: 'MEMBERSHIP', label: 'membership', color: '#16A085' },
  { id: 'JOINT_EVENT', label: 'joint event', color: '#2E86C1' },
  { id: 'DISCUSSION', label: 'discussion', color: '#7F8C8D' },
  { id: 'MEETING', label: 'meeting', color: '#A9B4C2' },
];
export const KIND_LABELS = Object.fromEntries(KINDS.map((k) => [k.id, k.label]));
const KIND_RANK = new Map(KINDS.map((k, i) => [k.id, i]));

/** The kind that colours an edge: its most formal one. */
export function edgeKind(kinds) {
  let best = null;
  for (const k of kinds || []) if (KIND_RANK.has(k) && (best === null || KIND_RANK.get(k) < KIND_RANK.get(best))) best = k;
  return best;
}

export function kindColor(kind) {
  return KINDS[KIND_RANK.get(kind)]?.color ?? '#A9B4C2';
}

export const TYPES = [
  { id: 'GOVERNMENT', label: 'government', color: '#1F6FB2' },
  { id: 'UNIVERSITY', label: 'university', color: '#2BA89A' },
  { id: 'RESEARCH', label: 'research institute', color: '#7DBF63' },
  { id: 'INTERNATIONAL', label: 'international org.', color: '#D9534F' },
  { id: 'ASSOCIATION', label: 'association, network', color: '#E8B31C' },
  { id: 'FOUNDATION', label: 'foundation, fund', color: '#E377C2' },
  { id: 'COMPANY', label: 'company', color: '#8C6D5A' },
  { id: 'OTHER', label: 'other', color: '#9AA1AC' },
];
export const TYPE_LABELS = Object.fromEntries(TYPES.map((t) => [t.id, t.label]));

/** Distinct colours for the countries with most organisations in view; the rest are "other". */
const COUNTRY_PALETTE = ['#1F6FB2', '#D9534F', '#2BA89A', '#E8B31C', '#8E63B8', '#F28C38', '#7DBF63', '#E377C2', '#17BECF', '#8C6D5A'];
export const OTHER_COLOR = '#B8BEC7';

/** Country → colour for the most frequent countries of `nodes` (ties by name), the rest and unknown grey. */
export function countryColors(nodes) {
  const counts = new Map();
  for (const n of nodes) if (n.country) counts.set(n.country, (counts.get(n.country) || 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, COUNTRY_PALETTE.length);
  return new Map(top.map(([country], i) => [country, COUNTRY_PALETTE[i]]));
}

/** Node colour: by organisation type or by country (with the map from countryColors). */
export function nodeColor(node, colourBy, countries) {
  if (colourBy === 'country') return (node.country && countries.get(node.country)) || OTHER_COLOR;
  return TYPES.find((t) => t.id === node.type)?.color ?? OTHER_COLOR;
}

export const STATUS_COLORS = { PROPOSED: '#8E63B8', DRAFTED: '#E8B31C', SIGNED: '#2BA89A', ENDED: '#9AA1AC' };
