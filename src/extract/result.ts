/**
 * Turns the working entities and relations into the contract's shape:
 * ids e1, e2, ... in order of first mention, duplicates removed, stable order.
 */
import type { Analysis } from './analyze.ts';
import type { Entity } from './registry.ts';
import type { DocumentMeta, Evidence, ExtractedEntity, ExtractedRelation, ExtractionResult, RelationProperties, RelationType } from './types.ts';

/** A relation between working entities, before ids are assigned. */
export interface DraftRelation {
  type: RelationType;
  source: Entity;
  target: Entity;
  properties: RelationProperties;
  evidence: Evidence[];
  /** Ids of the rules (rules.ts) that produced the relation. */
  rules: string[];
}

export interface ResultInput {
  id: string;
  title: string | null;
  publishedAt: string | null;
  url?: string | null | undefined;
  analysis: Analysis;
  relations: DraftRelation[];
}

/** The sentence [start, end) as evidence. */
export function evidenceOf(text: string, start: number, end: number): Evidence {
  return { start, end, text: text.slice(start, end) };
}

export function buildResult(input: ResultInput): ExtractionResult {
  const { analysis } = input;
  const live = analysis.registry.entities.filter((e) => Number.isFinite(e.first));
  const used = new Set<Entity>();
  for (const list of analysis.mentions) for (const m of list) used.add(m.entity);
  for (const r of input.relations) {
    used.add(r.source);
    used.add(r.target);
  }
  const ordered = live.sort((a, b) => a.first - b.first || a.key - b.key);
  const ids = new Map<Entity, string>();
  const entities: ExtractedEntity[] = ordered.map((e, i) => {
    const id = `e${i + 1}`;
    ids.set(e, id);
    const aliases = [...e.aliases].filter((a) => a !== e.name).sort();
    const out: ExtractedEntity = { id, type: e.type, name: e.name, aliases };
    // Keys starting with "_" are working notes of the finders, not output.
    const props = Object.fromEntries(Object.entries(e.properties).filter(([k]) => !k.startsWith('_')));
    if (Object.keys(props).length) out.properties = props;
    if (e.rules.size) out.rules = [...e.rules].sort();
    return out;
  });
  const seen = new Map<string, ExtractedRelation>();
  for (const r of input.relations) {
    const source = ids.get(r.source);
    const target = ids.get(r.target);
    if (!source || !target || source === target) continue;
    const props = Object.fromEntries(Object.entries(r.properties).filter(([, v]) => v !== undefined)) as RelationProperties;
    const key = `${r.type}|${source}|${target}|${JSON.stringify(props)}`;
    const prev = seen.get(key);
    if (prev) {
      for (const ev of r.evidence) if (!prev.evidence.some((x) => x.start === ev.start)) prev.evidence.push(ev);
      prev.rules = [...new Set([...(prev.rules ?? []), ...r.rules])].sort();
      continue;
    }
    seen.set(key, { type: r.type, source, target, properties: props, evidence: [...r.evidence], rules: [...new Set(r.rules)].sort() });
  }
  const document: DocumentMeta = { id: input.id, title: input.title, publishedAt: input.publishedAt };
  if (input.url !== undefined) document.url = input.url;
  return { document, entities, relations: [...seen.values()] };
}
