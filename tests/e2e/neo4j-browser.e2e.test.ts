/**
 * Neo4j Browser served by the tier's Neo4j: it loads, connects by itself
 * (auth disabled), accepts our stylesheet in one `:style` command and draws
 * the partnership graph with it.
 *
 * The Browser's HTTP address: NEO4J_BROWSER_URL, or the local test
 * instance's HTTP port (NEO4J_TEST_HTTP_PORT, 7475) when the tier started it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Graph } from '../../src/graph/executor.ts';
import { connectTestGraph } from '../support/graph.ts';
import { launchChromium, screenshotPath, SKIP_BROWSER_TESTS } from './browser-support.ts';

const externalNeo4j = (process.env.NEO4J_URI ?? '').trim() !== '';
const browserUrl =
  process.env.NEO4J_BROWSER_URL ?? (externalNeo4j ? null : `http://127.0.0.1:${process.env.NEO4J_TEST_HTTP_PORT ?? 7475}/browser/`);
const run = `nb-${Date.now().toString(36)}`;

describe.skipIf(browserUrl === null || SKIP_BROWSER_TESTS)('Neo4j Browser of the tier', () => {
  let browser: Browser;
  let graph: Graph;
  beforeAll(async () => {
    graph = await connectTestGraph();
    await graph.writeRows({
      cypher: `CREATE (a:Organization {id: $run + '-a', name: 'ICESCO', aliases: [], testRun: $run})
               CREATE (b:Organization {id: $run + '-b', name: 'Leibniz Association', aliases: [], testRun: $run})
               CREATE (p:Person {id: $run + '-p', name: 'Matthias Kleiner', aliases: [], testRun: $run})
               CREATE (a)-[:PARTNERS_WITH {kinds: ['discussion'], documentCount: 1}]->(b)
               CREATE (p)-[:HOLDS_ROLE {title: 'President'}]->(b)`,
      params: { run },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await graph?.writeRows({ cypher: 'MATCH (n {testRun: $run}) DETACH DELETE n', params: { run } });
    await graph?.close();
  });

  it('loads, shows the connected state and draws the graph with our style', async () => {
    const bolt = new URL(inject('neo4jUri').replace(/^[a-z+]+:/, 'http:'));
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page.goto(`${browserUrl}?dbms=neo4j://${bolt.host}&preselectAuthMethod=NO_AUTH`);
      await page.waitForSelector('text=/working connection|You are connected/', { timeout: 60_000 });
      await page.waitForTimeout(1_500);
      await page.screenshot({ path: screenshotPath('neo4j-browser-connected.png') });

      const grss = readFileSync(path.join(loadConfig().rootDir, 'cypher', 'browser-style.grss'), 'utf8');
      const editor = page.locator('.monaco-editor').first();
      await editor.click();
      await page.keyboard.insertText(`:style ${grss}`);
      await page.keyboard.press('Control+Enter');
      // The style frame echoes the parsed stylesheet.
      await page.waitForSelector('text=/text-color-internal: #FFFFFF/');
      expect(await page.locator('text=/#1F6FB2/i').count()).toBeGreaterThan(0);

      await editor.click();
      await page.keyboard.insertText(
        'MATCH p = (:Organization {name: "ICESCO"})-[:PARTNERS_WITH]-(:Organization)<-[:HOLDS_ROLE]-(:Person) RETURN p',
      );
      await page.keyboard.press('Control+Enter');
      await page.waitForSelector('svg g.node', { state: 'attached', timeout: 30_000 });
      await page.waitForTimeout(3_000);
      const captions = await page.locator('svg .node text').allTextContents();
      expect(captions.join(' ')).toContain('ICESCO');
      const fills = await page.locator('svg .node circle.b-outline').evaluateAll((circles) => circles.map((c) => c.getAttribute('fill')));
      expect(fills.map((f) => f?.toUpperCase())).toContain('#1F6FB2');
      await page.screenshot({ path: screenshotPath('neo4j-browser-styled.png') });
    } catch (error) {
      await page.screenshot({ path: screenshotPath('neo4j-browser-failure.png') });
      throw error;
    } finally {
      await page.close();
    }
  });
});
