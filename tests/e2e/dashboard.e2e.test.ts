/**
 * The dashboard end to end: the real app (API + static routes) on the tier's
 * Neo4j with the two example press releases (ingest/*.txt) ingested at start,
 * driven in headless Chromium. Documents this run added are deleted after.
 * Every test waits for conditions (the view's key on <body>, elements), never
 * for fixed times, and the page must log no error at all.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApp } from '../../src/app.ts';
import type { RunningApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { RULES, ruleById } from '../../src/extract/index.ts';
import { deleteDocument } from '../../src/pipeline/index.ts';
import { connectTestGraph } from '../support/graph.ts';
import { launchChromium, openDashboard, screenshotPath, SKIP_BROWSER_TESTS } from './browser-support.ts';

interface NodeData {
  id: string;
  name: string;
  label: string;
  type: string;
  country: string | null;
}
interface EdgeData {
  source: string;
  target: string;
  kinds: string[];
  documentCount: number;
}
interface Drawn {
  nodes: NodeData[];
  edges: EdgeData[];
  positions: Record<string, { x: number; y: number }>;
}

const ROOT = loadConfig().rootDir;

/** What the network shows now: node and edge data and model positions. */
function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __dashboard: { cy: any } }).__dashboard.cy;
    return {
      nodes: cy.nodes().map((n: any) => n.data()),
      edges: cy.edges().map((e: any) => e.data()),
      positions: Object.fromEntries(cy.nodes().map((n: any) => [n.id(), { ...n.position() }])),
    };
  });
}

/** Waits until the page has drawn the view for the current URL's filter (or failed). */
async function viewSettled(page: Page, previousKey: string | null): Promise<string> {
  await page.waitForFunction((prev) => document.body.dataset.view !== 'loading' && document.body.dataset.viewKey !== prev, previousKey, { timeout: 60_000 });
  return (await page.evaluate(() => document.body.dataset.viewKey)) ?? '';
}

async function currentKey(page: Page): Promise<string | null> {
  return (await page.evaluate(() => document.body.dataset.viewKey)) ?? null;
}

describe.skipIf(SKIP_BROWSER_TESTS)('dashboard on the real server with the example texts ingested', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let documentsBefore: Set<string>;
  const problems: string[] = [];
  let base: string;

  const openPage = (url: string): Promise<Page> => openDashboard(browser, url, problems);

  beforeAll(async () => {
    // The database tiers share one Neo4j and run side by side on a busy machine: allow slow queries.
    const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), INGEST_ON_START: 'true', SAMPLE_CORPUS_DIR: 'ingest', LOG_LEVEL: 'warn', QUERY_TIMEOUT_MS: '30000' });
    // Which documents exist already, so that only this run's are removed afterwards.
    const probe = await connectTestGraph();
    documentsBefore = new Set((await probe.readRows<{ id: string }>({ cypher: 'MATCH (d:Document) RETURN d.id AS id', params: {} })).map((r) => r.id));
    await probe.close();

    app = await startApp(config, { port: 0 });
    expect(app.sampleIngest?.failed).toEqual([]);
    base = `${app.apiUrl}/dashboard/`;
    browser = await launchChromium();
    page = await openPage(base);
  });

  afterAll(async () => {
    await browser?.close();
    if (app !== undefined) {
      const after = await app.graph.readRows<{ id: string }>({ cypher: 'MATCH (d:Document) RETURN d.id AS id', params: {} });
      for (const { id } of after) if (!documentsBefore.has(id)) await deleteDocument(app.graph, id);
      await app.stop();
    }
  });

  it('shows ICESCO with its partners, the legend and the charts', async () => {
    await page.waitForSelector('[data-testid=network][data-ready=true]');
    const { nodes, edges } = await drawn(page);
    const labels = nodes.map((n) => n.label);
    expect(labels).toContain('ICESCO');
    expect(labels).toContain('Leibniz Association');
    // The short name labels the node, the full name is kept for the tooltip.
    expect(nodes.find((n) => n.label === 'ICESCO')?.name).toMatch(/^Islamic World Educational/);
    expect(await page.textContent('[data-testid=network-status]')).toMatch(/^Showing all \d+ organisations with partners$/);
    expect(await page.textContent('[data-testid=chart-top]')).toContain('ICESCO');
    expect(await page.locator('[data-testid=chart-years] .column').count()).toBeGreaterThan(0);

    // Legend: one line colour per kind, with the number of lines of that colour; circle colours of the types drawn.
    const kinds = page.locator('[data-testid=legend-kinds] .legend-item');
    expect(await kinds.count()).toBe(7);
    const agreement = page.locator('[data-testid=legend-kinds] .legend-item[data-kind=AGREEMENT]');
    const edgeColours = await page.evaluate(() =>
      (window as unknown as { __dashboard: { cy: any } }).__dashboard.cy.edges().map((e: any) => [e.data('kind'), e.style('line-color')]),
    );
    const agreementEdges = edgeColours.filter(([kind]: [string]) => kind === 'AGREEMENT');
    expect(await agreement.textContent()).toContain(String(agreementEdges.length));
    const swatch = await agreement.locator('.swatch').evaluate((s) => getComputedStyle(s).backgroundColor);
    const rgb = (colour: string) => colour.replace(/\s+/g, '');
    for (const [, colour] of agreementEdges) expect(rgb(colour)).toBe(rgb(swatch));
    expect(edges.some((e) => e.kinds.includes('AGREEMENT'))).toBe(true);
    const types = await page.locator('[data-testid=legend-nodes] .legend-item').allTextContents();
    expect(types).toContain('international org.');

    // Hovering a node shows its full name.
    const at = await page.evaluate(() => {
      const cy = (window as unknown as { __dashboard: { cy: any } }).__dashboard.cy;
      const node = cy.nodes().filter((n: any) => n.data('label') === 'ICESCO')[0];
      const box = cy.container().getBoundingClientRect();
      return { x: box.left + node.renderedPosition().x, y: box.top + node.renderedPosition().y };
    });
    await page.mouse.move(at.x, at.y);
    await page.waitForSelector('[data-testid=network-tooltip]:not([hidden])');
    expect(await page.textContent('[data-testid=network-tooltip]')).toMatch(/Islamic World Educational, Scientific,? and Cultural Organization/);
    await page.mouse.move(5, 5);
  });

  it('draws the same picture on a second load', async () => {
    const first = await drawn(page);
    const again = await openPage(base);
    try {
      const second = await drawn(again);
      expect(second.positions).toEqual(first.positions);
    } finally {
      await again.close();
    }
  });

  it('applies each filter to the network and the charts, keeps positions and puts the filter in the URL', async () => {
    const all = await drawn(page);
    let key = await currentKey(page);
    const check = async (apply: () => Promise<void>, param: string, holds: (view: Drawn) => void | Promise<void>, mayBeEmpty = false) => {
      try {
        await apply();
        key = await viewSettled(page, key);
        expect(new URL(page.url()).searchParams.has(param), param).toBe(true);
        const view = await drawn(page);
        if (mayBeEmpty && view.nodes.length === 0) {
          expect(await page.textContent('[data-testid=network-empty]')).toBe('No partnership matches this filter.');
        } else {
          expect(view.nodes.length, `${param}: ${page.url()}`).toBeGreaterThan(0);
          expect(await page.textContent('[data-testid=network-status]')).toMatch(/matching the filter/);
        }
        expect(view.edges.length).toBeLessThanOrEqual(all.edges.length);
        await holds(view);
        // Organisations still drawn stay where they were.
        for (const node of view.nodes) if (all.positions[node.id]) expect(view.positions[node.id], param).toEqual(all.positions[node.id]);
      } finally {
        await page.click('[data-testid=filter-reset]');
        key = await viewSettled(page, key);
      }
      expect((await drawn(page)).edges.length).toBe(all.edges.length);
    };

    await check(() => page.check('[data-testid=filter-kinds] input[value=MEETING]'), 'kinds', (v) => {
      for (const e of v.edges) expect(e.kinds).toContain('MEETING');
    });
    await check(
      async () => {
        await page.fill('[data-testid=filter-since]', '2022-01-01');
        await page.locator('[data-testid=filter-since]').dispatchEvent('change');
      },
      'since',
      (v) => {
        const labels = v.nodes.map((n) => n.label);
        expect(labels).toHaveLength(2);
        expect(labels).toContain('ICESCO');
      },
    );
    const country = await page.locator('[data-testid=filter-country] option').nth(1).getAttribute('value');
    expect(country).toBeTruthy();
    await check(async () => void (await page.selectOption('[data-testid=filter-country]', country!)), 'country', (v) => {
      const byId = new Map(v.nodes.map((n) => [n.id, n]));
      for (const e of v.edges) expect([byId.get(e.source)?.country, byId.get(e.target)?.country]).toContain(country);
    });
    await check(
      async () => {
        await page.fill('[data-testid=filter-area]', 'science');
        await page.press('[data-testid=filter-area]', 'Enter');
      },
      'area',
      async () => {
        expect(await page.textContent('[data-testid=chart-areas]')).toContain('science');
      },
    );
    await check(async () => void (await page.selectOption('[data-testid=filter-type]', 'GOVERNMENT')), 'type', (v) => {
      const byId = new Map(v.nodes.map((n) => [n.id, n]));
      for (const e of v.edges) expect([byId.get(e.source)?.type, byId.get(e.target)?.type]).toContain('GOVERNMENT');
    });
    await check(
      async () => {
        await page.fill('[data-testid=filter-min-docs]', '2');
        await page.press('[data-testid=filter-min-docs]', 'Enter');
      },
      'minDocs',
      (v) => {
        for (const e of v.edges) expect(e.documentCount).toBeGreaterThanOrEqual(2);
      },
      // The two example texts support no partnership twice.
      true,
    );
    await check(
      async () => {
        await page.fill('[data-testid=filter-around]', 'DAAD');
        await page.press('[data-testid=filter-around]', 'Enter');
      },
      'around',
      (v) => {
        // DAAD, its partners, and the partnerships among them.
        const daad = v.nodes.find((n) => n.label === 'DAAD')!;
        expect(daad).toBeDefined();
        const partners = new Set(v.edges.flatMap((e) => (e.source === daad.id ? [e.target] : e.target === daad.id ? [e.source] : [])));
        expect(v.nodes.map((n) => n.id).sort()).toEqual([daad.id, ...partners].sort());
        expect(v.nodes.length).toBeLessThan(all.nodes.length);
      },
    );
    expect(await page.locator('#error').isHidden()).toBe(true);
  });

  it('restores a shared view from its URL, with the filter in the form and the legend', async () => {
    const shared = await openPage(`${base}?kinds=AGREEMENT,MOU&around=ICESCO&hops=2&colour=country`);
    try {
      const view = await drawn(shared);
      for (const e of view.edges) expect(e.kinds.some((k) => k === 'AGREEMENT' || k === 'MOU')).toBe(true);
      expect(await shared.isChecked('[data-testid=filter-kinds] input[value=MOU]')).toBe(true);
      expect(await shared.inputValue('[data-testid=filter-around]')).toBe('ICESCO');
      expect(await shared.inputValue('[data-testid=filter-hops]')).toBe('2');
      expect(await shared.textContent('[data-testid=legend]')).toContain('Circle colour: country');
      expect(await shared.textContent('[data-testid=filter-summary]')).toContain('within 2 steps of ICESCO');
      await shared.screenshot({ path: screenshotPath('dashboard-shared-filter.png'), fullPage: true });
    } finally {
      await shared.close();
    }
  });

  it('shows the partners, units, roles and evidence of a clicked node, and fits it in view', async () => {
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
    // The picked node and its label are inside the network's box.
    const inside = await page.evaluate(() => {
      const cy = (window as unknown as { __dashboard: { cy: any } }).__dashboard.cy;
      const box = cy.nodes(':selected')[0].renderedBoundingBox({ includeLabels: true });
      return box.x1 >= 0 && box.y1 >= 0 && box.x2 <= cy.width() && box.y2 <= cy.height();
    });
    expect(inside).toBe(true);
    const sentences = await page.locator('[data-testid=details] .evidence blockquote').allTextContents();
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

  it('pages through every sentence of ICESCO–Leibniz, grouped by document, with dates and kinds', async () => {
    const partner = page.locator('[data-testid=details-partners] .partner', { has: page.locator('.partner-name', { hasText: /^Leibniz Association$/ }) });
    const allLink = partner.locator('.all-evidence');
    expect(await allLink.textContent()).toMatch(/^All \d+ sentences →$/);
    const total = Number((await allLink.textContent())!.match(/\d+/)![0]);
    expect(total).toBeGreaterThan(5);
    await allLink.click();
    await page.waitForSelector('[data-testid=evidence-range]');
    expect(new URL(page.url()).searchParams.get('open')).toMatch(/^partnership:/);
    const seen: string[] = [];
    const kinds = new Set<string>();
    for (;;) {
      const range = await page.textContent('[data-testid=evidence-range]');
      const texts = await page.locator('[data-testid=details] .evidence blockquote').allTextContents();
      // One title per document on a page.
      const titles = await page.locator('[data-testid=details] [data-testid=evidence-document]').allTextContents();
      expect(new Set(titles).size).toBe(titles.length);
      for (const chip of await page.locator('[data-testid=details] .evidence .chip').allTextContents()) kinds.add(chip);
      seen.push(...texts);
      expect(range).toBe(`Sentences ${seen.length - texts.length + 1}–${seen.length} of ${total}`);
      if (await page.isDisabled('[data-testid=evidence-next]')) break;
      await page.click('[data-testid=evidence-next]');
      await page.waitForFunction((n) => document.querySelector('[data-testid=evidence-range]')?.textContent?.startsWith(`Sentences ${n + 1}–`), seen.length);
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen.some((s) => /cooperation agreement/.test(s))).toBe(true);
    expect(kinds).toContain('agreement');
    expect(await page.locator('[data-testid=details] [data-testid=evidence-date]').count()).toBeGreaterThan(0);
    await page.click('[data-testid=evidence-prev]');
    await page.waitForFunction((n) => !document.querySelector('[data-testid=evidence-range]')?.textContent?.startsWith(`Sentences ${n}`), seen.length);
  });

  it('opens an agreement page from an organisation, with parties, status and evidence', async () => {
    await page.goto(`${base}?open=organization:org-icesco`);
    await page.waitForSelector('[data-testid=details-agreements]');
    await page.locator('[data-testid=details-agreements] button').first().click();
    await page.waitForSelector('[data-testid=details-parties]');
    expect(await page.textContent('.page-type')).toMatch(/agreement|programme/);
    expect(await page.textContent('[data-testid=details-parties]')).toMatch(/Islamic World Educational/);
    expect(await page.locator('[data-testid=details] .evidence blockquote').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('open')).toMatch(/^(agreement|programme):/);
  });

  it('opens the document of an evidence sentence with that sentence marked, in view, and kept on reload', async () => {
    await page.goto(`${base}?open=organization:org-icesco`);
    await page.waitForSelector('[data-testid=details-partners] [data-testid=evidence-open-document]');
    // A sentence from the body (not the headline), so that the document has to be scrolled to it.
    const item = page.locator('[data-testid=details-partners] .evidence-item', { hasNot: page.locator('blockquote.headline') }).last();
    const sentence = (await item.locator('blockquote').textContent())!;
    expect(sentence.length).toBeGreaterThan(20);
    await item.locator('[data-testid=evidence-open-document]').click();
    await page.waitForSelector('[data-testid=document-highlight]');
    expect(new URL(page.url()).searchParams.get('open')).toMatch(/^document:[^:]+:\d+:\d+$/);
    expect(await page.textContent('.page-type')).toBe('document');
    const check = async () => {
      const marks = page.locator('[data-testid=document-highlight]');
      expect(await marks.count()).toBe(1);
      expect(await marks.textContent()).toBe(sentence);
      const whole = (await page.textContent('[data-testid=document-text]'))!;
      expect(whole.length).toBeGreaterThan(sentence.length);
      expect(whole).toContain(sentence);
      // The marked sentence is inside the panel's visible box.
      const inView = await page.evaluate(() => {
        const panel = document.querySelector('[data-testid=details]')!.getBoundingClientRect();
        const mark = document.querySelector('[data-testid=document-highlight]')!.getBoundingClientRect();
        return mark.top >= panel.top && mark.bottom <= panel.bottom;
      });
      expect(inView).toBe(true);
    };
    await check();
    await page.screenshot({ path: screenshotPath('dashboard-document-highlight.png'), fullPage: true });
    await page.reload();
    await page.waitForSelector('[data-testid=document-highlight]');
    await check();
  });

  it("shows an agreement's status history, oldest first, each with its date and the document that states it", async () => {
    await page.goto(`${base}?open=organization:org-icesco`);
    await page.waitForSelector('[data-testid=details-agreements]');
    await page.locator('[data-testid=details-agreements] li', { hasNot: page.locator('.chip', { hasText: /^programme$/ }) }).first().locator('button').click();
    await page.waitForSelector('[data-testid=details-status-history]');
    expect(await page.textContent('.page-type')).toBe('agreement');
    const items = page.locator('[data-testid=details-status-history] > li');
    expect(await items.count()).toBeGreaterThan(0);
    const dates = await items.locator('[data-testid=status-date]').allTextContents();
    for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect([...dates].sort()).toEqual(dates);
    const statuses = await items.locator('.chip').allTextContents();
    expect(statuses).toHaveLength(dates.length);
    for (const status of statuses) expect(['proposed', 'drafted', 'signed', 'ended']).toContain(status);
    expect(statuses).toContain(await page.textContent('[data-testid=details-status] .chip'));
    for (const title of await items.locator('[data-testid=evidence-open-document]').allTextContents()) expect(title.trim()).not.toBe('');
    await page.screenshot({ path: screenshotPath('dashboard-agreement-history.png'), fullPage: true });
    // Each entry opens its document at the sentence that states the status.
    const last = items.last();
    const sentence = await last.locator('blockquote').textContent();
    await last.locator('[data-testid=evidence-open-document]').click();
    await page.waitForSelector('[data-testid=document-highlight]');
    expect(await page.textContent('[data-testid=document-highlight]')).toBe(sentence);
  });

  it('opens a country page from search, with the organisations based there and their partnerships', async () => {
    await page.fill('[data-testid=search-input]', 'Kazakhstan');
    await page.press('[data-testid=search-input]', 'Enter');
    await page.waitForSelector('[data-testid=search-results] .search-hit');
    await page.locator('[data-testid=search-results] .search-hit', { has: page.locator('.hit-type', { hasText: 'country' }) }).first().click();
    await page.waitForSelector('[data-testid=details][data-state=ready]');
    expect(await page.textContent('.page-type')).toBe('country');
    expect(await page.textContent('[data-testid=details-name]')).toBe('Kazakhstan');
    expect(await page.textContent('[data-testid=details-organizations]')).toMatch(/Ministry of Science and Higher Education/);
    // ICESCO is a partner of the Kazakh ministry.
    expect(await page.textContent('[data-testid=details-organizations]')).toMatch(/Islamic World Educational/);
    // From the country page, the whole page can be narrowed to it.
    const key = await currentKey(page);
    await page.click('[data-testid=filter-country]');
    await page.click('[data-testid=details] [data-testid=filter-country]');
    await viewSettled(page, key);
    expect(new URL(page.url()).searchParams.get('country')).toBe('Kazakhstan');
    expect((await drawn(page)).nodes.map((n) => n.label)).toContain('ICESCO');
    await page.screenshot({ path: screenshotPath('dashboard-country.png'), fullPage: true });
  });

  it('shows an error in the panel instead of "Loading…" when a page cannot be loaded', async () => {
    await page.route('**/graphql', (route) => (route.request().postData()?.includes('DashboardPerson') ? route.fulfill({ status: 502, body: 'bad gateway' }) : route.continue()));
    try {
      await page.goto(`${base}?open=person:person-nobody`);
      await page.waitForSelector('[data-testid=details-error]');
      expect(await page.textContent('[data-testid=details-error]')).toContain('502');
      expect(await page.locator('[data-testid=details-loading]').count()).toBe(0);
    } finally {
      await page.unroute('**/graphql');
      // The 502 is what this test provokes; Chromium logs it as a failed resource.
      const provoked = problems.findIndex((p) => p.includes('502'));
      if (provoked >= 0) problems.splice(provoked, 1);
    }
  });

  it('finds "Leibniz" with the search box and opens the hit; no errors were logged', async () => {
    await page.goto(base);
    await page.waitForSelector('body[data-loaded="true"]');
    await page.fill('[data-testid=search-input]', 'Leibniz');
    await page.press('[data-testid=search-input]', 'Enter');
    await page.waitForSelector('[data-testid=search-results] .search-hit');
    const hits = await page.locator('[data-testid=search-results] .hit-name').allTextContents();
    expect(hits).toContain('Leibniz Association');
    await page.locator('[data-testid=search-results] .search-hit', { hasText: /^Leibniz Association/ }).first().click();
    await page.waitForFunction(() => document.querySelector('[data-testid=details-name]')?.textContent === 'Leibniz Association');
    expect(await page.textContent('[data-testid=details-units]')).toContain('Leibniz Institute for Catalysis');
    await page.screenshot({ path: screenshotPath('dashboard-loaded.png'), fullPage: true });
    // The README's picture: the filter bar, the legend, an organisation with its units and evidence.
    copyFileSync(screenshotPath('dashboard-loaded.png'), path.join(ROOT, '.artifacts', 'screenshots', 'readme-dashboard.png'));
    expect(problems).toEqual([]);
    expect(await page.locator('#error').isHidden()).toBe(true);
  });
});
