/**
 * `npm run db:start | db:stop | db:status`: the local Neo4j for machines
 * without Docker. Prints one clear line on failure, no stack trace.
 */
import { loadConfig } from '../src/config.ts';
import { formatErrorLine } from '../src/errors.ts';
import { localNeo4jOptions, localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from './launcher.ts';
import { ensureJars } from './launcher.ts';

const USAGE = 'usage: tsx neo4j-local/cli.ts start|stop|status|fetch [--instance dev|test]';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  const instanceFlag = rest.indexOf('--instance');
  const instance = instanceFlag >= 0 ? rest[instanceFlag + 1] : config.local.instance;
  if (instance === undefined || !/^[a-z0-9-]+$/.test(instance)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const options = localNeo4jOptions(config.rootDir, { ...config.local, instance });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  switch (command) {
    case 'start': {
      const started = await startLocalNeo4j(options, say);
      say(`${started.startedNow ? 'Started' : 'Already running'}: Neo4j (${instance}) pid ${started.pid}`);
      say(`  Bolt:    ${started.boltUri}`);
      say(`  Browser: ${started.browserUrl}`);
      say(`  Log:     ${started.logFile}`);
      return 0;
    }
    case 'stop': {
      const stopped = await stopLocalNeo4j(options);
      say(stopped ? `Stopped Neo4j (${instance}).` : `Neo4j (${instance}) was not running.`);
      return 0;
    }
    case 'status': {
      const status = await localNeo4jStatus(options);
      say(status.running ? `Running: Neo4j (${instance}) pid ${status.pid} on ${status.boltUri}, Browser ${status.browserUrl}` : `Not running: Neo4j (${instance}).`);
      return status.running ? 0 : 3;
    }
    case 'fetch': {
      say(`Neo4j jars in ${ensureJars(options, say)}`);
      return 0;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${formatErrorLine(error)}\n`);
    process.exit(1);
  },
);
