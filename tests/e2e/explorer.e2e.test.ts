/**
 * The GraphQL explorer works offline: GET /graphql in headless Chromium with
 * every request to another host blocked loads GraphiQL, which introspects the
 * schema through /graphql. (Apollo Sandbox showed "cannot be loaded; you
 * might be offline" here.)
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiServer } from '../../src/api/server.ts';
import type { ApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import { Graph } from '../../src/graph/executor.ts';
import { launchChromium, screenshotPath, SKIP_BROWSER_TESTS } from './browser-support.ts';

describe.skipIf(SKIP_BROWSER_TESTS)('offline GraphQL explorer in development', () => {
  let graph: Graph;
  let server: ApiServer;
  let browser: Browser;
  beforeAll(async () => {
    const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), PORT: '0', NODE_ENV: 'development', LOG_LEVEL: 'warn' });
    graph = new Graph(config.neo4j, inject('neo4jUri'));
    server = await createApiServer(config, graph, { warmUp: false });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await graph?.close();
  });

  it('loads GraphiQL from the service alone and introspects the schema', async () => {
    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    const outside: string[] = [];
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const origin = new URL(server.url).origin;
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
      outside.push(url);
      return route.abort('internetdisconnected');
    });
    const introspection = page.waitForResponse((r) => r.url() === `${server.url}/graphql` && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('__schema'), { timeout: 60_000 });
    await page.goto(`${server.url}/graphql`);
    await page.waitForSelector('.graphiql-container', { timeout: 60_000 });
    expect((await introspection).status()).toBe(200);
    await page.screenshot({ path: screenshotPath('graphql-explorer.png') });
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
