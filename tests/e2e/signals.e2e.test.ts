/**
 * Process managers signal the pid they started. These tests start the service
 * exactly as a user does (`npm start`), send SIGTERM or SIGINT to the pid of
 * that npm process, and expect the service, and the local Neo4j it launched,
 * to be gone within 10 s.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.ts';
import { freePort, portOpen, processAlive, waitFor } from '../support/wait.ts';

const STOP_BUDGET_MS = 10_000;

function npmStart(env: Record<string, string>) {
  const child = spawn('npm', ['start'], { cwd: ROOT_DIR, env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Sends `signal` to the npm pid and returns how long until it exited, and its exit code. */
async function stopWith(service: ReturnType<typeof npmStart>, signal: NodeJS.Signals): Promise<{ ms: number; code: number | null }> {
  const sent = performance.now();
  expect(process.kill(service.child.pid!, signal)).toBe(true);
  const code = await Promise.race([service.exited, new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), STOP_BUDGET_MS * 3))]);
  if (code === 'late') throw new Error(`npm start did not exit within ${STOP_BUDGET_MS * 3} ms of ${signal}:\n${service.output()}`);
  return { ms: performance.now() - sent, code };
}

describe('npm start under a process manager', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('stops the service within 10 s when %s is sent to the pid of npm start', async (signal) => {
    const port = await freePort();
    const service = npmStart({ NEO4J_URI: inject('neo4jUri'), PORT: String(port), INGEST_ON_START: 'false' });
    try {
      await waitFor('the service to be ready', () => service.output().includes('Press Ctrl-C to stop.'));
      expect(await portOpen(port)).toBe(true);
      const stopped = await stopWith(service, signal);
      process.stderr.write(`[signals] npm start stopped ${Math.round(stopped.ms)} ms after ${signal}\n`);
      expect(stopped.ms).toBeLessThan(STOP_BUDGET_MS);
      expect(stopped.code).toBe(0);
      // The node process behind npm is gone too: nothing listens on its port any more.
      expect(await portOpen(port)).toBe(false);
    } finally {
      if (service.child.exitCode === null) service.child.kill('SIGKILL');
    }
  });

  it('stops the local Neo4j it started within 10 s of SIGTERM to the pid of npm start', async () => {
    const [boltPort, httpPort, port] = [await freePort(), await freePort(), await freePort()];
    const instance = `e2e-signals-${process.pid}`;
    const service = npmStart({
      NEO4J_URI: '',
      NEO4J_LOCAL_INSTANCE: instance,
      NEO4J_LOCAL_BOLT_PORT: String(boltPort),
      NEO4J_LOCAL_HTTP_PORT: String(httpPort),
      PORT: String(port),
      INGEST_ON_START: 'false',
    });
    let neo4jPid: number | null = null;
    try {
      await waitFor('the service to be ready', () => service.output().includes('Press Ctrl-C to stop.'), 150_000);
      neo4jPid = Number(/Neo4j started \(pid (\d+)\)/.exec(service.output())?.[1]);
      expect(processAlive(neo4jPid)).toBe(true);
      expect(service.output()).toContain(`Neo4j Browser: http://127.0.0.1:${httpPort}/browser/?dbms=bolt://127.0.0.1:${boltPort}&preselectAuthMethod=NO_AUTH`);
      const stopped = await stopWith(service, 'SIGTERM');
      process.stderr.write(`[signals] npm start and its Neo4j stopped ${Math.round(stopped.ms)} ms after SIGTERM\n`);
      expect(stopped.ms).toBeLessThan(STOP_BUDGET_MS);
      expect(processAlive(neo4jPid)).toBe(false);
      expect(await portOpen(boltPort)).toBe(false);
    } finally {
      if (service.child.exitCode === null) service.child.kill('SIGKILL');
      if (neo4jPid !== null && processAlive(neo4jPid)) process.kill(neo4jPid, 'SIGKILL');
      rmSync(path.join(ROOT_DIR, '.neo4j', instance), { recursive: true, force: true });
    }
  }, 240_000);
});
