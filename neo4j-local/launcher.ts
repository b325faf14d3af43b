/**
 * Runs a real Neo4j 5 Community server from its Maven Central jars, for
 * machines without Docker. The jars are fetched once into `<root>/.neo4j/jars`;
 * each instance ("dev" for `npm start`, "test" for `npm test`) has its own
 * home with data, logs and a pid file, so a restart keeps its data.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { localNeo4jAddresses } from '../src/config.ts';
import { AppError } from '../src/errors.ts';

export interface LocalNeo4jOptions {
  /** Repository root; `.neo4j/` lives below it. */
  rootDir: string;
  /** Instance name: a folder under `.neo4j/`. */
  instance: string;
  boltPort: number;
  httpPort: number;
  /** JVM heap, e.g. "512m". */
  heap: string;
  pageCache: string;
  startTimeoutMs: number;
  /**
   * Address of the Neo4j Browser stylesheet served by the service
   * (`<api>/neo4j-browser/browser-style.grss`): the Browser runs `:style <url>`
   * on connecting. Its host must be in the Browser's allow-list (see below).
   */
  browserStyleUrl?: string;
  /** Extra neo4j.conf lines (e.g. Browser settings). */
  extraConfig?: Record<string, string>;
}

/**
 * Hosts the Browser may fetch `:style <url>` / `:play <url>` content from:
 * Neo4j's default (guides.neo4j.com, localhost) plus 127.0.0.1, where the
 * service listens by default. The Neo4j 5.26 setting is still spelled
 * `browser.remote_content_hostname_whitelist`; the Browser compares hostnames
 * only, so any port of these hosts is allowed.
 */
export const BROWSER_CONTENT_HOSTS = ['guides.neo4j.com', 'localhost', '127.0.0.1'] as const;

export interface LocalNeo4jStatus {
  running: boolean;
  pid: number | null;
  boltUri: string;
  /** Neo4j Browser, opening connected to this instance (`?dbms=<boltUri>&preselectAuthMethod=NO_AUTH`). */
  browserUrl: string;
  home: string;
  logFile: string;
}

export interface StartResult extends LocalNeo4jStatus {
  /** False when an instance was already running and is reused. */
  startedNow: boolean;
}

type Progress = (line: string) => void;

const NEO4J_MAIN_CLASS = 'org.neo4j.server.CommunityEntryPoint';

/** Defaults for an instance; ports and memory can be overridden per call. */
export function localNeo4jOptions(rootDir: string, overrides: Partial<LocalNeo4jOptions> = {}): LocalNeo4jOptions {
  return {
    rootDir,
    instance: 'dev',
    boltPort: 7687,
    httpPort: 7474,
    heap: '512m',
    pageCache: '256m',
    startTimeoutMs: 120_000,
    ...overrides,
  };
}

function paths(options: LocalNeo4jOptions) {
  const base = path.join(options.rootDir, '.neo4j');
  const home = path.join(base, options.instance);
  return {
    base,
    jars: path.join(base, 'jars'),
    pom: path.join(options.rootDir, 'neo4j-local', 'pom.xml'),
    home,
    conf: path.join(home, 'conf'),
    data: path.join(home, 'data'),
    logs: path.join(home, 'logs'),
    logFile: path.join(home, 'logs', 'console.log'),
    pidFile: path.join(home, 'neo4j.pid'),
  };
}

function statusOf(options: LocalNeo4jOptions, pid: number | null, running: boolean): LocalNeo4jStatus {
  const p = paths(options);
  const addresses = localNeo4jAddresses(options);
  return {
    running,
    pid,
    boltUri: addresses.boltUri,
    browserUrl: addresses.browserUrl,
    home: p.home,
    logFile: p.logFile,
  };
}

function commandExists(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPid(pidFile: string): number | null {
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portAnswers(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (value: boolean) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function httpReady(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Fetches the server and Browser jars with Maven, once. */
export function ensureJars(options: LocalNeo4jOptions, progress: Progress = () => {}): string {
  const p = paths(options);
  if (existsSync(p.jars) && readdirSync(p.jars).some((f) => f.startsWith('neo4j-server'))) return p.jars;
  if (!commandExists('mvn', ['-v'])) {
    throw new AppError(
      'LOCAL_NEO4J_ERROR',
      'Maven (mvn) is not installed; it fetches the Neo4j jars once. Install it (apt-get install -y maven) or set NEO4J_URI to an existing Neo4j 5 server.',
    );
  }
  progress(`Fetching Neo4j jars from Maven Central into ${p.jars} (first start only)...`);
  mkdirSync(p.jars, { recursive: true });
  const result = spawnSync('mvn', ['-q', '-B', '-f', p.pom, 'dependency:copy-dependencies', `-DoutputDirectory=${p.jars}`], {
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    rmSync(p.jars, { recursive: true, force: true });
    const tail = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-3).join(' | ');
    throw new AppError('LOCAL_NEO4J_ERROR', `Maven could not fetch the Neo4j jars (exit ${result.status}): ${tail}`);
  }
  return p.jars;
}

/**
 * The instance's neo4j.conf settings. Listen and advertised addresses both
 * follow the configured ports: Neo4j's discovery document (GET /) and the
 * Browser use the advertised ones, which otherwise default to 7687/7474.
 */
export function neo4jConfSettings(options: LocalNeo4jOptions): Record<string, string> {
  const p = paths(options);
  return {
    'server.default_listen_address': '127.0.0.1',
    'server.default_advertised_address': '127.0.0.1',
    'server.bolt.listen_address': `127.0.0.1:${options.boltPort}`,
    'server.bolt.advertised_address': `127.0.0.1:${options.boltPort}`,
    'server.http.listen_address': `127.0.0.1:${options.httpPort}`,
    'server.http.advertised_address': `127.0.0.1:${options.httpPort}`,
    'server.https.enabled': 'false',
    'server.directories.data': p.data,
    'server.directories.logs': p.logs,
    'server.memory.pagecache.size': options.pageCache,
    'dbms.security.auth_enabled': 'false',
    'dbms.usage_report.enabled': 'false',
    'db.transaction.timeout': '60s',
    // Netty's graceful stop otherwise idles 5 s after the databases have stopped:
    // without it a stop takes ~1 s instead of ~6 s, and fits in a process manager's timeout.
    'internal.dbms.bolt.netty_server_shutdown_quiet_period': '0',
    ...browserSettings(options.browserStyleUrl),
    ...options.extraConfig,
  };
}

/** The Browser's allow-list, and the `:style <url>` it runs on connecting when the service's address is known. */
function browserSettings(styleUrl: string | undefined): Record<string, string> {
  const hosts: string[] = [...BROWSER_CONTENT_HOSTS];
  const settings: Record<string, string> = {};
  if (styleUrl !== undefined) {
    const host = new URL(styleUrl).hostname;
    if (!hosts.includes(host)) hosts.push(host);
    settings['browser.post_connect_cmd'] = `style ${styleUrl}`;
  }
  return { 'browser.remote_content_hostname_whitelist': hosts.join(','), ...settings };
}

function writeConfig(options: LocalNeo4jOptions): void {
  const p = paths(options);
  mkdirSync(p.conf, { recursive: true });
  mkdirSync(p.data, { recursive: true });
  mkdirSync(p.logs, { recursive: true });
  const settings = neo4jConfSettings(options);
  const text = Object.entries(settings)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  writeFileSync(path.join(p.conf, 'neo4j.conf'), `# Written by neo4j-local/launcher.ts on each start.\n${text}\n`);
}

/** Whether the instance's recorded process is alive and answers on its ports. */
export async function localNeo4jStatus(options: LocalNeo4jOptions): Promise<LocalNeo4jStatus> {
  const p = paths(options);
  const pid = readPid(p.pidFile);
  if (pid === null || !processAlive(pid)) return statusOf(options, null, false);
  const running = (await portAnswers(options.boltPort)) && (await httpReady(options.httpPort));
  return statusOf(options, pid, running);
}

/**
 * Starts the instance, or reuses it when it already runs. The server runs
 * detached (it outlives `npm run db:start`); stop it with `stopLocalNeo4j`.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions, progress: Progress = () => {}): Promise<StartResult> {
  const p = paths(options);
  const pid = readPid(p.pidFile);
  if (pid !== null && processAlive(pid)) {
    const ready = await waitUntilReady(options, pid, progress);
    return { ...ready, startedNow: false };
  }
  if (!commandExists('java', ['-version'])) {
    throw new AppError(
      'LOCAL_NEO4J_ERROR',
      'Java is not installed; the local Neo4j needs Java 17 or 21 (apt-get install -y openjdk-17-jre-headless), or set NEO4J_URI to an existing Neo4j 5 server.',
    );
  }
  for (const [name, port] of [
    ['Bolt', options.boltPort],
    ['HTTP', options.httpPort],
  ] as const) {
    if (await portAnswers(port)) {
      throw new AppError(
        'LOCAL_NEO4J_ERROR',
        `Port ${port} (Neo4j ${name}) is already taken by another process. Stop that process, or point the service at it with NEO4J_URI=bolt://127.0.0.1:${options.boltPort} if it is a Neo4j 5 server.`,
        { details: { port } },
      );
    }
  }
  const jars = ensureJars(options, progress);
  writeConfig(options);
  const log = openSync(p.logFile, 'a');
  const child = spawn(
    'java',
    [
      `-Xmx${options.heap}`,
      '-XX:+UseG1GC',
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '-Dio.netty.tryReflectionSetAccessible=true',
      '-cp',
      `${jars}/*`,
      NEO4J_MAIN_CLASS,
      `--home-dir=${p.home}`,
      `--config-dir=${p.conf}`,
      '--console-mode',
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  child.unref();
  if (child.pid === undefined) throw new AppError('LOCAL_NEO4J_ERROR', `Could not launch java; see ${p.logFile}`);
  writeFileSync(p.pidFile, `${child.pid}\n`);
  progress(`Starting Neo4j (${options.instance}) on bolt://127.0.0.1:${options.boltPort}, log: ${p.logFile}`);
  const ready = await waitUntilReady(options, child.pid, progress);
  return { ...ready, startedNow: true };
}

async function waitUntilReady(options: LocalNeo4jOptions, pid: number, progress: Progress): Promise<LocalNeo4jStatus> {
  const p = paths(options);
  const deadline = Date.now() + options.startTimeoutMs;
  let lastNotice = Date.now();
  while (Date.now() < deadline) {
    if (!processAlive(pid)) {
      rmSync(p.pidFile, { force: true });
      throw new AppError('LOCAL_NEO4J_ERROR', `Neo4j exited during start-up; see the log at ${p.logFile}`);
    }
    if ((await portAnswers(options.boltPort)) && (await httpReady(options.httpPort))) return statusOf(options, pid, true);
    if (Date.now() - lastNotice > 10_000) {
      progress('Still waiting for Neo4j to answer...');
      lastNotice = Date.now();
    }
    await sleep(250);
  }
  throw new AppError(
    'LOCAL_NEO4J_ERROR',
    `Neo4j did not answer on port ${options.boltPort} within ${Math.round(options.startTimeoutMs / 1000)} s; see the log at ${p.logFile}`,
  );
}

/** Stops the instance with SIGTERM (then SIGKILL after a grace period). Returns whether it was running. */
export async function stopLocalNeo4j(options: LocalNeo4jOptions, graceMs = 30_000): Promise<boolean> {
  const p = paths(options);
  const pid = readPid(p.pidFile);
  if (pid === null || !processAlive(pid)) {
    rmSync(p.pidFile, { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (processAlive(pid) && Date.now() < deadline) await sleep(100);
  if (processAlive(pid)) {
    process.kill(pid, 'SIGKILL');
    const killDeadline = Date.now() + 2_000;
    while (processAlive(pid) && Date.now() < killDeadline) await sleep(50);
  }
  rmSync(p.pidFile, { force: true });
  return true;
}

/** Removes the instance's data (its home folder); it must be stopped. */
export function wipeLocalNeo4j(options: LocalNeo4jOptions): void {
  rmSync(paths(options).home, { recursive: true, force: true });
}
