import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localNeo4jOptions, localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from '../../neo4j-local/launcher.ts';

function listen(): Promise<{ server: net.Server; port: number }> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as net.AddressInfo).port }));
  });
}

describe('local Neo4j launcher (no server started)', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('refuses to start on a taken port with one line naming the port', async () => {
    const { server, port } = await listen();
    const root = mkdtempSync(path.join(os.tmpdir(), 'launcher-'));
    cleanups.push(() => server.close(), () => rmSync(root, { recursive: true, force: true }));
    const options = localNeo4jOptions(root, { instance: 'taken', boltPort: port, httpPort: port + 1 });
    await expect(startLocalNeo4j(options)).rejects.toMatchObject({
      code: 'LOCAL_NEO4J_ERROR',
      message: expect.stringContaining(`Port ${port} (Neo4j Bolt) is already taken`),
    });
  });

  it('reports an instance that was never started as not running, and stopping it is a no-op', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'launcher-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const options = localNeo4jOptions(root, { instance: 'none', boltPort: 1, httpPort: 2 });
    expect((await localNeo4jStatus(options)).running).toBe(false);
    expect(await stopLocalNeo4j(options)).toBe(false);
  });
});
