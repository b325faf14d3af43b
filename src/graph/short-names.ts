/**
 * Keeps `Organization.shortName` (the Neo4j Browser's caption, see
 * cypher/browser-style.grss) in step with each organisation's name and
 * aliases. A step of its own after the document writes, and once at start
 * for graphs written before the property existed: it only sets the property
 * where it is missing or stale, so running it again writes nothing.
 */
import { shortName } from '../model/names.ts';
import type { CypherQuery, Graph } from './executor.ts';

interface NameRow {
  id: string;
  name: string;
  aliases: string[];
  shortName: string | null;
}

/** Name, aliases and stored short name of the given organisations (all of them with `ids` null). */
export function organizationNamesQuery(ids: readonly string[] | null): CypherQuery {
  return {
    cypher: `MATCH (o:Organization)${ids === null ? '' : ' WHERE o.id IN $ids'}
RETURN o.id AS id, o.name AS name, coalesce(o.aliases, []) AS aliases, o.shortName AS shortName`,
    params: ids === null ? {} : { ids: [...ids] },
  };
}

/** Sets each row's short name on its organisation. */
export function setShortNamesQuery(rows: readonly { id: string; shortName: string }[]): CypherQuery {
  return {
    cypher: `UNWIND $rows AS row
MATCH (o:Organization {id: row.id})
SET o.shortName = row.shortName`,
    params: { rows: rows.map((r) => ({ id: r.id, shortName: r.shortName })) },
  };
}

/** Short names that differ from the stored ones. */
export function staleShortNames(rows: readonly NameRow[]): { id: string; shortName: string }[] {
  return rows.flatMap((r) => {
    if (typeof r.name !== 'string') return [];
    const short = shortName(r.name, r.aliases);
    return r.shortName === short ? [] : [{ id: r.id, shortName: short }];
  });
}

/** Brings `shortName` up to date on the given organisations (every one with `ids` null); returns how many changed. */
export async function refreshShortNames(graph: Graph, ids: readonly string[] | null): Promise<number> {
  if (ids !== null && ids.length === 0) return 0;
  const stale = staleShortNames(await graph.readRows<NameRow>(organizationNamesQuery(ids)));
  if (stale.length > 0) await graph.writeRows(setShortNamesQuery(stale));
  return stale.length;
}
