/**
 * The dashboard end to end: the real app (API + static routes) on the tier's
 * Neo4j with the two example press releases (ingest/*.txt) ingested at start,
 * driven in headless Chromium. Documents this run added are deleted after.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApp } from '../../src/app.ts';
import type { RunningApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { RULES, ruleById } from '../../src/extract/index.ts';
import { deleteDocument } from '../../src/pipeline/index.ts';
import { connectTestGraph } from '../support/graph.ts';
import { launchChromium, screenshotPath, SKIP_BROWSER_TESTS } from './browser-support.ts';

interface DashboardWindow {
  __dashboard: { nodes: number; edges: number; cy: { nodes(): { map<T>(f: (n: { data(key: string): unknown }) => T): T[] } } };
}

describe.skipIf(SKIP_BROWSER_TESTS)('dashboard on the real server with the example texts ingested', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let documentsBefore: Set<string>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), INGEST_ON_START: 'true', SAMPLE_CORPUS_DIR: 'ingest', LOG_LEVEL: 'warn' });
    // Which documents exist already, so that only this run's are removed afterwards.
    const probe = await connectTestGraph();
    documentsBefore = new Set((await probe.readRows<{ id: string }>({ cypher: 'MATCH (d:Document) RETURN d.id AS id', params: {} })).map((r) => r.id));
    await probe.close();

    app = await startApp(config, { port: 0 });
    expect(app.sampleIngest?.failed).toEqual([]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${app.apiUrl}/dashboard/`);
    await page.waitForSelector('body[data-loaded="true"]', { timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    if (app !== undefined) {
      const after = await app.graph.readRows<{ id: string }>({ cypher: 'MATCH (d:Document) RETURN d.id AS id', params: {} });
      for (const { id } of after) if (!documentsBefore.has(id)) await deleteDocument(app.graph, id);
      await app.stop();
    }
  });

  it('shows ICESCO with its partners in the network and the charts', async () => {
    await page.waitForSelector('[data-testid=network][data-ready=true]');
    const labels = await page.evaluate(() =>
      (window as unknown as DashboardWindow).__dashboard.cy.nodes().map((n) => String(n.data('label'))),
    );
    expect(labels).toContain('ICESCO');
    expect(labels).toContain('Leibniz Association');
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(await page.textContent('[data-testid=network-status]')).toMatch(/^Showing all \d+ organisations with partners$/);
    expect(await page.textContent('[data-testid=chart-top]')).toContain('ICESCO');
    expect(await page.locator('[data-testid=chart-years] .column').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('dashboard-loaded.png'), fullPage: true });
  });

  it('shows the partners, roles and evidence sentences of a clicked node', async () => {
    const point = await page.evaluate(() => {
      const cy = (window as unknown as { __dashboard: { cy: any } }).__dashboard.cy;
      const node = cy.nodes().filter((n: any) => n.data('label') === 'ICESCO')[0];
      const box = cy.container().getBoundingClientRect();
      const position = node.renderedPosition();
      return { x: box.left + position.x, y: box.top + position.y };
    });
    await page.mouse.click(point.x, point.y);
    await page.waitForSelector('[data-testid=details-partners]');
    expect(await page.textContent('[data-testid=details-name]')).toMatch(/Islamic World Educational|ICESCO/);
    expect(await page.textContent('[data-testid=details-partners]')).toContain('Leibniz Association');
    const sentences = await page.locator('[data-testid=details] .evidence blockquote').allTextContents();
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.join(' ')).toMatch(/Leibniz|Kazakhstan/);
    // Each sentence names the extraction rules that read it; the reason is the hover title.
    const rules = page.locator('[data-testid=details] .evidence [data-testid=evidence-rules] .rule');
    const ids = await rules.allTextContents();
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(RULES.map((r) => r.id)).toContain(id);
    expect(await rules.first().getAttribute('title')).toBe(ruleById(ids[0]!).reason);
    expect(await page.textContent('[data-testid=details-people]')).toContain('Director-General');
    await page.screenshot({ path: screenshotPath('dashboard-node-evidence.png'), fullPage: true });
  });

  it('finds "Leibniz" with the search box and opens the hit', async () => {
    await page.fill('[data-testid=search-input]', 'Leibniz');
    await page.press('[data-testid=search-input]', 'Enter');
    await page.waitForSelector('[data-testid=search-results] .search-hit');
    const hits = await page.locator('[data-testid=search-results] .hit-name').allTextContents();
    expect(hits).toContain('Leibniz Association');
    await page.screenshot({ path: screenshotPath('dashboard-search.png') });
    await page.locator('[data-testid=search-results] .search-hit', { hasText: /^Leibniz Association/ }).first().click();
    await page.waitForFunction(() => document.querySelector('[data-testid=details-name]')?.textContent === 'Leibniz Association');
    expect(await page.textContent('[data-testid=details-partners]')).toMatch(/Islamic World Educational|ICESCO/);
    expect(pageErrors).toEqual([]);
    expect(await page.locator('#error').isHidden()).toBe(true);
  });
});
