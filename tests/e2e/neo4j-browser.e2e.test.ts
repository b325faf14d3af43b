/**
 * Neo4j Browser served by the tier's Neo4j: it loads, connects by itself
 * (auth disabled), takes our stylesheet from the service's URL with one
 * `:style <url>` (the host is in the allow-list neo4j-local/launcher.ts
 * writes) or pasted after `:style`, and draws the partnership graph with it:
 * organisations captioned by their short name, relationships by a few words.
 *
 * The Browser's HTTP address: NEO4J_BROWSER_URL, or the local test
 * instance's HTTP port (NEO4J_TEST_HTTP_PORT, 7475) when the tier started it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiServer } from '../../src/api/server.ts';
import type { ApiServer } from '../../src/api/server.ts';
import { staticRoutes } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Graph } from '../../src/graph/executor.ts';
import { refreshShortNames } from '../../src/graph/short-names.ts';
import { connectTestGraph } from '../support/graph.ts';
import { PATIENCE_MS } from '../support/wait.ts';
import { launchChromium, screenshotPath, SKIP_BROWSER_TESTS } from './browser-support.ts';

const externalNeo4j = (process.env.NEO4J_URI ?? '').trim() !== '';
const browserUrl =
  process.env.NEO4J_BROWSER_URL ?? (externalNeo4j ? null : `http://127.0.0.1:${process.env.NEO4J_TEST_HTTP_PORT ?? 7475}/browser/`);
const run = `nb-${Date.now().toString(36)}`;
const ICESCO = 'Islamic World Educational, Scientific, and Cultural Organization';
const QUERY = `MATCH p = (:Organization {id: "${run}-a"})-[:PARTNERS_WITH]-(:Organization)<-[:HOLDS_ROLE]-(:Person) RETURN p`;

describe.skipIf(browserUrl === null || SKIP_BROWSER_TESTS)('Neo4j Browser of the tier', () => {
  let browser: Browser;
  let graph: Graph;
  let api: ApiServer;
  beforeAll(async () => {
    graph = await connectTestGraph();
    await graph.writeRows({
      cypher: `CREATE (a:Organization {id: $run + '-a', name: $icesco, aliases: ['ICESCO'], testRun: $run})
               CREATE (b:Organization {id: $run + '-b', name: 'Leibniz Association', aliases: [], testRun: $run})
               CREATE (p:Person {id: $run + '-p', name: 'Matthias Kleiner', aliases: [], testRun: $run})
               CREATE (a)-[:PARTNERS_WITH {kinds: ['discussion'], documentCount: 1}]->(b)
               CREATE (p)-[:HOLDS_ROLE {title: 'President'}]->(b)`,
      params: { run, icesco: ICESCO },
    });
    // The step ingestion runs after each write gives organisations their caption.
    await refreshShortNames(graph, [`${run}-a`, `${run}-b`]);
    const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), LOG_LEVEL: 'warn' });
    api = await createApiServer(config, graph, { staticRoutes: staticRoutes(config.rootDir), port: 0, warmUp: false });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await graph?.writeRows({ cypher: 'MATCH (n {testRun: $run}) DETACH DELETE n', params: { run } });
    await graph?.close();
  });

  async function openConnected(): Promise<Page> {
    const bolt = new URL(inject('neo4jUri').replace(/^[a-z+]+:/, 'http:'));
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${browserUrl}?dbms=neo4j://${bolt.host}&preselectAuthMethod=NO_AUTH`);
    await page.waitForSelector('text=/working connection|You are connected/', { timeout: 60_000 });
    return page;
  }

  async function runCommand(page: Page, text: string): Promise<void> {
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.insertText(text);
    await page.keyboard.press('Control+Enter');
  }

  /**
   * Runs `:style <url>` until the Browser shows the loaded stylesheet. It reads
   * its allow-list from the server a moment after the connection shows; until
   * then only its built-in list (guides.neo4j.com, localhost) holds, so an early
   * refusal is tried again. A host that stays refused fails the test.
   */
  async function loadStyle(page: Page, url: string): Promise<void> {
    const deadline = Date.now() + PATIENCE_MS;
    for (;;) {
      const refusals = await page.locator('text=/Hostname is not allowed/').count();
      await runCommand(page, `:style ${url}`);
      // The style frame echoes the stylesheet it loaded, or says why it could not.
      await page.waitForFunction(
        (before) => document.body.innerText.includes('#1F6FB2') || document.body.innerText.split('Hostname is not allowed').length - 1 > before || /Could not parse/.test(document.body.innerText),
        refusals,
        { timeout: PATIENCE_MS },
      );
      const text = await page.evaluate(() => document.body.innerText);
      if (text.includes('#1F6FB2')) return;
      if (/Could not parse/.test(text) || Date.now() > deadline) throw new Error(`:style ${url} failed: ${text.match(/Hostname is not allowed[^\n]*|Could not parse[^\n]*/)?.[0]}`);
      await page.waitForTimeout(250);
    }
  }

  /** Runs the example query and waits until the graph is drawn with its captions. */
  async function drawExample(page: Page): Promise<{ nodes: string[]; relationships: string[]; fills: (string | undefined)[] }> {
    await runCommand(page, QUERY);
    await page.waitForSelector('svg g.node', { state: 'attached', timeout: 30_000 });
    await page.waitForFunction(() => document.querySelectorAll('svg .relationship text').length >= 2, undefined, { timeout: 30_000 });
    return {
      // The Browser draws a caption as one text element per line, each with a leading space.
      nodes: (await page.locator('svg .node text').allTextContents()).map((t) => t.trim()),
      relationships: (await page.locator('svg .relationship text').allTextContents()).map((t) => t.trim()),
      fills: (await page.locator('svg .node circle.b-outline').evaluateAll((circles) => circles.map((c) => c.getAttribute('fill')))).map((f) => f?.toUpperCase()),
    };
  }

  it('loads the stylesheet from the service by URL and captions organisations by short name', async () => {
    const page = await openConnected();
    try {
      const styleUrl = `${api.url}/neo4j-browser/browser-style.grss`;
      // The service hands the file to other origins (the Browser fetches it cross-origin).
      const served = await fetch(styleUrl, { headers: { origin: new URL(browserUrl!).origin } });
      expect(served.headers.get('access-control-allow-origin')).toBe('*');
      await loadStyle(page, styleUrl);

      const drawn = await drawExample(page);
      expect(drawn.nodes).toContain('ICESCO');
      expect(drawn.nodes.join(' ')).not.toMatch(/Islamic|…/);
      // Relationship captions are whole words, not "PARTNERS_W…".
      expect(drawn.relationships).toContain('partners');
      expect(drawn.relationships).toContain('President');
      expect(drawn.relationships.join(' ')).not.toMatch(/…|_/);
      expect(drawn.fills).toContain('#1F6FB2');
      await page.screenshot({ path: screenshotPath('neo4j-browser-styled.png') });
    } catch (error) {
      await page.screenshot({ path: screenshotPath('neo4j-browser-failure.png') });
      throw error;
    } finally {
      await page.close();
    }
  });

  it('accepts the stylesheet pasted after :style, as the documented fallback', async () => {
    const page = await openConnected();
    try {
      await page.screenshot({ path: screenshotPath('neo4j-browser-connected.png') });
      const grss = readFileSync(path.join(loadConfig().rootDir, 'cypher', 'browser-style.grss'), 'utf8');
      await runCommand(page, `:style ${grss}`);
      await page.waitForSelector('text=/text-color-internal: #FFFFFF/');
      expect(await page.locator('text=/#1F6FB2/i').count()).toBeGreaterThan(0);
      const drawn = await drawExample(page);
      expect(drawn.nodes).toContain('ICESCO');
      expect(drawn.relationships).toContain('partners');
      expect(drawn.fills).toContain('#1F6FB2');
    } catch (error) {
      await page.screenshot({ path: screenshotPath('neo4j-browser-paste-failure.png') });
      throw error;
    } finally {
      await page.close();
    }
  });
});
