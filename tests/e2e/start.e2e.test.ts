import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.ts';
import { waitFor } from '../support/wait.ts';

/** Runs `src/main.ts` as `npm start` does, on the tier's Neo4j, and returns its output so far. */
function startService(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'src', 'main.ts')], {
    cwd: ROOT_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}


describe('npm start (src/main.ts)', () => {
  it('prints the API address, answers on it, and exits cleanly on SIGINT', async () => {
    const service = startService({ NEO4J_URI: inject('neo4jUri'), PORT: '0', INGEST_ON_START: 'false' });
    try {
      await waitFor('the service to be ready', () => service.output().includes('Press Ctrl-C to stop.'));
      const url = /GraphQL API:\s+(\S+)/.exec(service.output())?.[1];
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
      const health = await fetch(new URL('/readyz', url));
      expect(health.status).toBe(200);
      service.child.kill('SIGINT');
      const [code] = (await once(service.child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (service.child.exitCode === null) service.child.kill('SIGKILL');
    }
  });

  it('stops with one CONFIG_ERROR line on a bad setting', async () => {
    const service = startService({ NEO4J_URI: inject('neo4jUri'), PORT: 'eighty' });
    const [code] = (await once(service.child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(service.output().trim()).toBe('CONFIG_ERROR: PORT must be a whole number from 0 to 65535, got "eighty"');
  });
});
