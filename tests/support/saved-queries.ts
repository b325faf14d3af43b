/**
 * Reads the analyst's saved queries (cypher/queries/*.cypher) the way an
 * analyst uses them: the comment header, the `// :param name => value` lines
 * and the statement. Test helper only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface SavedQuery {
  file: string;
  /** The leading `//` comment lines, without the slashes. */
  header: string[];
  /** Parameters from `:param` lines, values parsed as Cypher literals. */
  params: Record<string, string | number | boolean>;
  /** The statement without comments and without the trailing semicolon. */
  cypher: string;
  /** `$name` parameters the statement uses. */
  usedParams: string[];
}

const PARAM_LINE = /^\/\/\s*:param\s+([A-Za-z_]\w*)\s*=>\s*(.+?)\s*;?\s*$/;

/** Parses the right-hand side of a `:param` line: a quoted string, number or boolean. */
export function parseParamLiteral(raw: string): string | number | boolean {
  const quoted = /^'((?:[^'\\]|\\.)*)'$|^"((?:[^"\\]|\\.)*)"$/.exec(raw);
  if (quoted) return (quoted[1] ?? quoted[2] ?? '').replace(/\\(.)/g, '$1');
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  throw new Error(`Unsupported :param value ${raw}`);
}

export function parseSavedQuery(file: string, text: string): SavedQuery {
  const lines = text.split('\n');
  const header: string[] = [];
  for (const line of lines) {
    if (!line.trim().startsWith('//')) break;
    header.push(line.trim().replace(/^\/\/\s?/, ''));
  }
  const params: SavedQuery['params'] = {};
  for (const line of lines) {
    const match = PARAM_LINE.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) params[match[1]] = parseParamLiteral(match[2]);
  }
  const cypher = lines
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .trim()
    .replace(/;\s*$/, '');
  const usedParams = [...new Set([...cypher.matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => m[1] as string))].sort();
  return { file, header, params, cypher, usedParams };
}

/** Every saved query of `<rootDir>/cypher/queries`, in file-name order. */
export function loadSavedQueries(rootDir: string): SavedQuery[] {
  const dir = path.join(rootDir, 'cypher', 'queries');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => parseSavedQuery(file, readFileSync(path.join(dir, file), 'utf8')));
}
