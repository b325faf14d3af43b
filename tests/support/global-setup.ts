/**
 * Gives the database tiers a real Neo4j. With NEO4J_URI set, that server is
 * used as it is; otherwise a local test instance (its own data folder and
 * ports, 7688/7475 by default, so it never touches `npm start`'s data) is
 * started fresh and stopped at the end if this run started it.
 */
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.ts';
import { localNeo4jOptions, localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j, wipeLocalNeo4j } from '../../neo4j-local/launcher.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    /** HTTP address of the local test instance; null with NEO4J_URI. */
    neo4jHttpUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig();
  if (config.neo4j.uri !== null) {
    project.provide('neo4jUri', config.neo4j.uri);
    project.provide('neo4jHttpUrl', null);
    return async () => {};
  }
  const options = localNeo4jOptions(config.rootDir, {
    instance: 'test',
    boltPort: Number(process.env.NEO4J_TEST_BOLT_PORT ?? 7688),
    httpPort: Number(process.env.NEO4J_TEST_HTTP_PORT ?? 7475),
    heap: config.local.heap,
    pageCache: config.local.pageCache,
    startTimeoutMs: config.local.startTimeoutMs,
  });
  const before = await localNeo4jStatus(options);
  if (!before.running) wipeLocalNeo4j(options);
  const started = await startLocalNeo4j(options, (line) => process.stderr.write(`[neo4j-test] ${line}\n`));
  project.provide('neo4jUri', started.boltUri);
  project.provide('neo4jHttpUrl', `http://127.0.0.1:${options.httpPort}`);
  return async () => {
    if (started.startedNow) await stopLocalNeo4j(options);
  };
}
