import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/executor.ts';
import { schemaStatements } from '../../src/graph/schema.ts';
import { loadConfig } from '../../src/config.ts';
import { connectTestGraph } from '../support/graph.ts';

describe('graph schema on a real Neo4j', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await connectTestGraph();
  });
  afterAll(async () => {
    await graph.close();
  });

  it('creates every constraint and index of cypher/schema.cypher, and a second run changes nothing', async () => {
    const expected = schemaStatements(loadConfig().rootDir)
      .map((statement) => /^CREATE (?:FULLTEXT )?(?:CONSTRAINT|INDEX) (\w+)/.exec(statement)?.[1])
      .filter((name): name is string => name !== undefined);
    const names = async () => {
      const indexes = await graph.readRows<{ name: string }>({ cypher: 'SHOW INDEXES YIELD name RETURN name', params: {} });
      const constraints = await graph.readRows<{ name: string }>({ cypher: 'SHOW CONSTRAINTS YIELD name RETURN name', params: {} });
      return [...indexes, ...constraints].map((row) => row.name).sort();
    };
    const first = await names();
    for (const name of expected) expect(first).toContain(name);
    await connectTestGraph().then((g) => g.close());
    expect(await names()).toEqual(first);
  });

  it('refuses a second Document with the same id (uniqueness constraint)', async () => {
    const id = `test-schema-${Date.now()}`;
    try {
      await graph.writeRows({ cypher: 'CREATE (:Document {id: $id})', params: { id } });
      await expect(graph.writeRows({ cypher: 'CREATE (:Document {id: $id})', params: { id } })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    } finally {
      await graph.writeRows({ cypher: 'MATCH (d:Document {id: $id}) DELETE d', params: { id } });
    }
  });
});
