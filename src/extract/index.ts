/**
 * The extraction engine: press-release text in, entities and relations out
 * (see types.ts for the contract). Synchronous, deterministic, no network.
 */
import { createHash } from 'node:crypto';
import { analyze } from './analyze.ts';
import { findContent } from './content-span.ts';
import { findPartOf } from './part-of.ts';
import { findPartnerships } from './partnerships.ts';
import { findRoles } from './roles.ts';
import { findTopicsAndAgreements } from './agreements.ts';
import { findBasedIn } from './based-in.ts';
import { splitSentences } from './text.ts';
import { buildResult } from './result.ts';
import { withDisabledRules } from './rules.ts';
import type { ExtractOptions, ExtractionResult } from './types.ts';

export type { ExtractOptions, ExtractionResult } from './types.ts';
export { ENTITY_RULES, RULES, ruleById } from './rules.ts';
export type { Rule } from './rules.ts';

/** A short stable id for a text: the first 16 hex digits of its SHA-256. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Extracts organisations, people, countries, roles and partnerships from one document. */
export function extract(text: string, options: ExtractOptions = {}): ExtractionResult {
  if (options.disable?.length) return withDisabledRules(options.disable, () => extractAll(text, options));
  return extractAll(text, options);
}

function extractAll(text: string, options: ExtractOptions): ExtractionResult {
  const content = findContent(text);
  const publishedAt = options.publishedAt ?? content.publishedAt;
  const title = options.title ?? (content.headline ? text.slice(content.headline.start, content.headline.end) : null);
  const sentences = splitSentences(text, content.lines, content.headline);
  const analysis = analyze(text, sentences, publishedAt);
  const roles = findRoles(analysis);
  const partOf = findPartOf(analysis);
  const partnerships = findPartnerships(analysis, roles);
  const extra = findTopicsAndAgreements(analysis, partnerships);
  const basedIn = findBasedIn(analysis);
  return buildResult({
    id: options.id ?? documentHash(text),
    title,
    publishedAt,
    url: options.url,
    analysis,
    relations: [...roles.relations, ...partOf, ...partnerships, ...extra, ...basedIn],
  });
}
