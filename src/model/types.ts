/**
 * The domain types every stage shares: the extraction format (what the
 * extractor emits per document), entity labels and relation types.
 * It is the contract between extraction, ingestion and the evaluation
 * scorer (see README, "Extraction format").
 */

/** Entity labels the extractor may emit; the graph uses the same names as node labels. */
export type EntityType =
  | 'Organization'
  | 'Person'
  | 'Country'
  | 'Place'
  | 'Programme'
  | 'Event'
  | 'Agreement'
  | 'Topic';

export const ENTITY_TYPES: readonly EntityType[] = [
  'Organization',
  'Person',
  'Country',
  'Place',
  'Programme',
  'Event',
  'Agreement',
  'Topic',
];

/** Relation types; closed so that graph code never takes a type from input text. */
export type RelationType =
  | 'PARTNERS_WITH' // Organization -> Organization
  | 'HOLDS_ROLE' // Person -> Organization, properties.title
  | 'PART_OF' // Organization -> Organization (unit, institute, member)
  | 'PARTY_TO' // Organization -> Agreement | Programme
  | 'PARTICIPATED_IN' // Organization | Person -> Event
  | 'BASED_IN' // Organization -> Country | Place
  | 'LOCATED_IN' // Place -> Country
  | 'CONCERNS'; // Agreement | Programme | Event -> Topic (area of cooperation)

export const RELATION_TYPES: readonly RelationType[] = [
  'PARTNERS_WITH',
  'HOLDS_ROLE',
  'PART_OF',
  'PARTY_TO',
  'PARTICIPATED_IN',
  'BASED_IN',
  'LOCATED_IN',
  'CONCERNS',
];

export type PartnershipKind =
  | 'meeting'
  | 'discussion'
  | 'mou'
  | 'agreement'
  | 'programme'
  | 'joint-event'
  | 'membership';

export const PARTNERSHIP_KINDS: readonly PartnershipKind[] = [
  'meeting',
  'discussion',
  'mou',
  'agreement',
  'programme',
  'joint-event',
  'membership',
];

/** Status of a partnership (PARTNERS_WITH.properties.status); absent means current. */
export type PartnershipStatus = 'active' | 'ended' | 'declined';

/** Status of an agreement or programme (Agreement/Programme entity `status`, PARTY_TO status). */
export type AgreementStatus = 'proposed' | 'drafted' | 'signed' | 'ended';

export interface Evidence {
  /** Character offset into the document text as given to the extractor (inclusive). */
  start: number;
  /** Character offset (exclusive). */
  end: number;
  /** text.slice(start, end): the sentence that states the fact. */
  text: string;
}

export interface ExtractedEntity {
  /** Local to one document: e1, e2, ... */
  id: string;
  type: EntityType;
  /** Fullest form the text gives, honorifics stripped for people. */
  name: string;
  /** Acronyms, short forms and spelling variants the text uses. */
  aliases: string[];
  /**
   * Free per-type attributes: Agreement/Programme `status` (AgreementStatus),
   * Event `date` (YYYY-MM-DD), Organization `country`, ...
   */
  properties?: Record<string, string | number | boolean | null>;
  /** Ids of the rules that found the entity where no general name pattern did (see src/extract/rules.ts). */
  rules?: string[];
  /** Sentences that mention the entity (optional; relations always carry evidence). */
  mentions?: Evidence[];
}

export interface RelationProperties {
  /** HOLDS_ROLE: the position, e.g. "Director-General". */
  title?: string;
  /** PARTNERS_WITH: what kind of cooperation the sentence states. */
  kind?: PartnershipKind;
  /** YYYY-MM-DD, resolved against the publication date; null when the text gives none. */
  date?: string | null;
  /** PARTNERS_WITH: 'ended' or 'declined' when the text says so; PARTY_TO: the agreement's status. */
  status?: PartnershipStatus | AgreementStatus;
  /** PARTICIPATED_IN: organiser, speaker, participant ... */
  role?: string;
  /** PARTNERS_WITH: areas of cooperation the same sentence names ("in smart agriculture and heritage preservation"). */
  areas?: string[];
  [key: string]: string | number | boolean | null | undefined | string[];
}

export interface ExtractedRelation {
  type: RelationType;
  /** Entity ids within the same document. */
  source: string;
  target: string;
  properties: RelationProperties;
  /** At least one sentence that states the relation. */
  evidence: Evidence[];
  /** Ids of the extraction rules that produced it (see src/extract/rules.ts); absent in older files. */
  rules?: string[];
}

export interface DocumentMeta {
  /** Stable id; the CLI uses the file name without extension. */
  id: string;
  title: string | null;
  /** YYYY-MM-DD or null when unknown. */
  publishedAt: string | null;
  url?: string | null;
}

export interface ExtractionResult {
  document: DocumentMeta;
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
}

/** What callers may tell the extractor about a document they already know. */
export interface ExtractOptions {
  id?: string;
  title?: string | null;
  publishedAt?: string | null;
  url?: string | null;
  /** Rule ids switched off for this extraction (ablation: `npm run eval -- --disable <id>`). */
  disable?: readonly string[];
}

/** A partnership kind as the GraphQL enum spells it: 'joint-event' -> 'JOINT_EVENT'. */
export type PartnershipKindEnum = PartnershipKind extends infer K
  ? K extends `${infer A}-${infer B}`
    ? `${Uppercase<A>}_${Uppercase<B>}`
    : Uppercase<K & string>
  : never;

/** The enum value of a stored kind ("joint-event" -> JOINT_EVENT); null for a kind the model does not know. */
export function partnershipKindEnum(kind: string): PartnershipKindEnum | null {
  const stored = kind.trim().toLowerCase().replace(/[_\s]+/g, '-');
  return (PARTNERSHIP_KINDS as readonly string[]).includes(stored) ? (stored.toUpperCase().replace(/-/g, '_') as PartnershipKindEnum) : null;
}

/** The stored kind of an enum value (JOINT_EVENT -> "joint-event"). */
export function partnershipKindOfEnum(value: string): string {
  return value.toLowerCase().replace(/_/g, '-');
}
