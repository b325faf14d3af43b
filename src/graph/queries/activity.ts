/**
 * `stats { newPartnerships, dormantPartnerships }`: partnerships first seen
 * since a day, and current ones last seen before a day (gone quiet), overall
 * and per organisation. Seen = the dates their statements give, else their
 * documents' publication dates (the edge's firstSeen / lastSeen).
 */
import type { CypherQuery } from '../executor.ts';
import { orgMap } from './common.ts';

export type Activity = 'new' | 'dormant';

const CONDITION: Record<Activity, string> = {
  new: 'r.firstSeen >= $day',
  dormant: "coalesce(r.status, 'active') = 'active' AND r.lastSeen < $day",
};

/** The count of matching partnerships and the `top` organisations with most of them. */
export function partnershipActivityQuery(activity: Activity, day: string, top: number): CypherQuery {
  const where = CONDITION[activity];
  return {
    cypher: `CALL () {
  MATCH (a:Organization)-[r:PARTNERS_WITH]->(b:Organization) WHERE a <> b AND ${where}
  RETURN count(r) AS count
}
CALL () {
  MATCH (o:Organization)-[r:PARTNERS_WITH]-(p:Organization) WHERE p <> o AND ${where}
  WITH o, count(r) AS count ORDER BY count DESC, o.name ASC LIMIT toInteger($top)
  RETURN collect({organization: ${orgMap('o')}, count: count}) AS organizations
}
RETURN count, organizations`,
    params: { day, top },
  };
}

/** The day `days` days before `today` (YYYY-MM-DD, UTC). */
export function daysBefore(today: Date, days: number): string {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - days)).toISOString().slice(0, 10);
}

/** The day `months` calendar months before `today`, clamped to the month's end (YYYY-MM-DD, UTC). */
export function monthsBefore(today: Date, months: number): string {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(today.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}
