/**
 * Wires the stages together for `npm start` and the end-to-end tests: the
 * given Neo4j, the schema, the sample corpus, and the API with the dashboard.
 * Starting a local Neo4j is main.ts's business: the service image has no
 * launcher.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createApiServer } from './api/server.ts';
import type { Config } from './config.ts';
import { neo4jUriOf } from './config.ts';
import { Graph } from './graph/executor.ts';
import { applySchema } from './graph/schema.ts';
import { refreshShortNames } from './graph/short-names.ts';
import { ingestPaths } from './pipeline/index.ts';
import type { IngestSummary } from './pipeline/index.ts';

export interface StartAppOptions {
  onProgress?: (line: string) => void;
  /** Overrides config.api.port (0: any free port). */
  port?: number;
  /** The Bolt URI to use (default: config.neo4j.uri, else the local instance's address). */
  neo4jUri?: string;
  /** Neo4j Browser of the local instance the caller started, if any. */
  browserUrl?: string | null;
}

export interface RunningApp {
  /** e.g. http://127.0.0.1:4000 */
  apiUrl: string;
  /** Neo4j Browser of the local instance; null with a remote NEO4J_URI. */
  browserUrl: string | null;
  graph: Graph;
  /** What the sample corpus ingest did; null when INGEST_ON_START is off. */
  sampleIngest: IngestSummary | null;
  stop(): Promise<void>;
}

/** The static routes the API serves beside /graphql. */
export function staticRoutes(rootDir: string) {
  // cytoscape's package exports hide package.json; its main entry sits in dist/.
  const cytoscapeDist = path.dirname(createRequire(import.meta.url).resolve('cytoscape'));
  return [
    { prefix: '/dashboard', dir: path.join(rootDir, 'src', 'dashboard', 'public') },
    { prefix: '/vendor/cytoscape', dir: cytoscapeDist },
    // The Neo4j Browser loads its stylesheet from here (`:style <api>/neo4j-browser/browser-style.grss`), cross-origin.
    { prefix: '/neo4j-browser', dir: path.join(rootDir, 'cypher'), headers: { 'access-control-allow-origin': '*' } },
  ];
}

/** Starts everything; `stop()` undoes it, including a Neo4j this call launched. */
export async function startApp(config: Readonly<Config>, options: StartAppOptions = {}): Promise<RunningApp> {
  const progress = options.onProgress ?? (() => {});
  const undo: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of undo.splice(0).reverse()) await step();
  };
  try {
    const uri = options.neo4jUri ?? neo4jUriOf(config);
    const browserUrl = options.browserUrl ?? null;
    const graph = new Graph(config.neo4j, uri);
    undo.push(() => graph.close());
    await graph.verify();
    await applySchema(graph, config.rootDir);
    // Graphs written before organisations had a short name (the Browser's caption) get one.
    await refreshShortNames(graph, null);
    progress('Graph schema applied');

    let sampleIngest: IngestSummary | null = null;
    if (config.ingestOnStart) {
      progress(`Ingesting the sample corpus in ${path.relative(process.cwd(), config.sampleCorpusDir) || '.'}...`);
      sampleIngest = await ingestPaths(graph, [config.sampleCorpusDir], { maxBytes: config.maxDocumentBytes });
      progress(
        `Sample corpus: ${sampleIngest.new} new, ${sampleIngest.unchanged} unchanged, ${sampleIngest.updated} updated, ${sampleIngest.failed.length} failed`,
      );
      for (const failure of sampleIngest.failed) progress(`  ${failure.source}: ${failure.code}: ${failure.reason}`);
    }

    const api = await createApiServer(config, graph, {
      staticRoutes: staticRoutes(config.rootDir),
      ...(options.port === undefined ? {} : { port: options.port }),
    });
    undo.push(() => api.stop());
    return { apiUrl: api.url, browserUrl, graph, sampleIngest, stop };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}
