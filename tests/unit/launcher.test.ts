import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localNeo4jOptions, localNeo4jStatus, neo4jConfSettings, startLocalNeo4j, stopLocalNeo4j } from '../../neo4j-local/launcher.ts';
import { loadConfig, neo4jUriOf } from '../../src/config.ts';

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

  it('advertises the configured ports, not 7687/7474, in neo4j.conf', () => {
    const settings = neo4jConfSettings(localNeo4jOptions('/tmp/x', { boltPort: 17687, httpPort: 17474 }));
    expect(settings).toMatchObject({
      'server.bolt.listen_address': '127.0.0.1:17687',
      'server.bolt.advertised_address': '127.0.0.1:17687',
      'server.http.listen_address': '127.0.0.1:17474',
      'server.http.advertised_address': '127.0.0.1:17474',
    });
  });

  it('lets the Browser load content from this machine, and runs :style with the service stylesheet on connect when given', () => {
    const plain = neo4jConfSettings(localNeo4jOptions('/tmp/x'));
    // Neo4j 5.26 still spells it "whitelist" (ServerSettings); the Browser compares hostnames only.
    expect(plain['browser.remote_content_hostname_whitelist']?.split(',')).toEqual(['guides.neo4j.com', 'localhost', '127.0.0.1']);
    expect(plain).not.toHaveProperty('browser.post_connect_cmd');
    const styled = neo4jConfSettings(localNeo4jOptions('/tmp/x', { browserStyleUrl: 'http://graph.example.org:4000/neo4j-browser/browser-style.grss' }));
    expect(styled['browser.post_connect_cmd']).toBe('style http://graph.example.org:4000/neo4j-browser/browser-style.grss');
    expect(styled['browser.remote_content_hostname_whitelist']?.split(',')).toContain('graph.example.org');
  });

  it('prints a Browser URL that connects to the configured Bolt port without a login form', async () => {
    const status = await localNeo4jStatus(localNeo4jOptions('/tmp/none', { instance: 'none', boltPort: 17687, httpPort: 17474 }));
    expect(status.boltUri).toBe('bolt://127.0.0.1:17687');
    expect(status.browserUrl).toBe('http://127.0.0.1:17474/browser/?dbms=bolt://127.0.0.1:17687&preselectAuthMethod=NO_AUTH');
  });

  it('gives the CLIs the local Bolt URI from NEO4J_LOCAL_BOLT_PORT, and NEO4J_URI when set', () => {
    expect(neo4jUriOf(loadConfig({ NEO4J_LOCAL_BOLT_PORT: '17687' }))).toBe('bolt://127.0.0.1:17687');
    expect(neo4jUriOf(loadConfig({ NEO4J_LOCAL_BOLT_PORT: '17687', NEO4J_URI: 'neo4j://db:7687' }))).toBe('neo4j://db:7687');
  });
});
