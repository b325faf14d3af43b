/**
 * The local Neo4j follows its configured ports everywhere: the test instance
 * runs on non-default ports (7688/7475 or NEO4J_TEST_*), so what it advertises
 * must name those, never 7687/7474.
 */
import { describe, expect, inject, it } from 'vitest';

const httpUrl = inject('neo4jHttpUrl');

describe.skipIf(httpUrl === null)('local Neo4j addresses', () => {
  it("advertises its own Bolt port in Neo4j's discovery document", async () => {
    const response = await fetch(`${httpUrl}/`, { headers: { accept: 'application/json' } });
    const discovery = (await response.json()) as { bolt_direct?: string; bolt_routing?: string };
    const boltPort = new URL(inject('neo4jUri')).port;
    expect(discovery.bolt_direct).toBe(`bolt://127.0.0.1:${boltPort}`);
    expect(discovery.bolt_routing).toBe(`neo4j://127.0.0.1:${boltPort}`);
  });
});
