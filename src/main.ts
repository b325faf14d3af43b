/**
 * `npm start`: a real Neo4j (local unless NEO4J_URI is set), the schema, the
 * sample corpus, and the GraphQL API, until Ctrl-C.
 *
 * The one file in src/ that may load the local-database launcher (the import
 * rules allow it here only), and only when NEO4J_URI is unset: the service
 * image sets it and ships no launcher.
 */
import { startApp } from './app.ts';
import type { Config } from './config.ts';
import { applyProcessSettings, loadConfig } from './config.ts';
import { formatErrorLine } from './errors.ts';
import { createLogger } from './log.ts';

const log = createLogger('start');

/** How long a Neo4j this run launched may take to stop on SIGTERM before it is killed. */
const NEO4J_STOP_GRACE_MS = 6_000;

interface LocalDatabase {
  boltUri: string;
  browserUrl: string;
  /** Stops the instance if this run started it. */
  stop(): Promise<void>;
}

/**
 * The stylesheet the local Neo4j Browser loads on connecting: served by this
 * service (src/app.ts), at the address a browser on this machine reaches it.
 * Unknown with PORT=0.
 */
function browserStyle(config: Readonly<Config>): { browserStyleUrl?: string } {
  if (config.api.port === 0) return {};
  const host = ['0.0.0.0', '::', ''].includes(config.api.host) ? '127.0.0.1' : config.api.host;
  const shown = host.includes(':') ? `[${host}]` : host;
  return { browserStyleUrl: `http://${shown}:${config.api.port}/neo4j-browser/browser-style.grss` };
}

/** Starts (or reuses) the local Neo4j instance of this checkout. */
async function startLocalDatabase(config: Readonly<Config>, progress: (line: string) => void): Promise<LocalDatabase> {
  const { localNeo4jOptions, startLocalNeo4j, stopLocalNeo4j } = await import('../neo4j-local/launcher.ts');
  const local = localNeo4jOptions(config.rootDir, { ...config.local, ...browserStyle(config) });
  const started = await startLocalNeo4j(local, progress);
  progress(started.startedNow ? `Neo4j started (pid ${started.pid})` : `Reusing the running Neo4j (pid ${started.pid})`);
  return {
    boltUri: started.boltUri,
    browserUrl: started.browserUrl,
    stop: async () => {
      if (!started.startedNow) return;
      progress('Stopping the Neo4j this run started...');
      // Bounded, so that the whole shutdown fits in a process manager's stop timeout (10 s).
      await stopLocalNeo4j(local, NEO4J_STOP_GRACE_MS);
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  applyProcessSettings(config);
  const progress = (line: string) => log.info(line);
  const local = config.neo4j.uri === null ? await startLocalDatabase(config, progress) : null;
  let app: Awaited<ReturnType<typeof startApp>>;
  try {
    app = await startApp(config, {
      onProgress: progress,
      ...(local === null ? {} : { neo4jUri: local.boltUri, browserUrl: local.browserUrl }),
    });
  } catch (error) {
    await local?.stop().catch(() => {});
    throw error;
  }
  process.stdout.write(
    [
      '',
      `GraphQL API:   ${app.apiUrl}/graphql`,
      `Dashboard:     ${app.apiUrl}/dashboard/`,
      `Neo4j Browser: ${app.browserUrl ?? '(remote Neo4j: use its own Browser)'}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping...`);
    const stopAll = async () => {
      try {
        await app.stop();
      } finally {
        await local?.stop();
      }
    };
    stopAll().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${formatErrorLine(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${formatErrorLine(error)}\n`);
  process.exit(1);
});
