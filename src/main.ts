/**
 * `npm start`: a real Neo4j (local unless NEO4J_URI is set), the schema, the
 * sample corpus, and the GraphQL API, until Ctrl-C.
 */
import { startApp } from './app.ts';
import { applyProcessSettings, loadConfig } from './config.ts';
import { formatErrorLine } from './errors.ts';
import { createLogger } from './log.ts';

const log = createLogger('start');

async function main(): Promise<void> {
  const config = loadConfig();
  applyProcessSettings(config);
  const app = await startApp(config, { onProgress: (line) => log.info(line) });
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
    app.stop().then(
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
