/**
 * `npm run bench:dashboard`: the dashboard in headless Chromium on a graph
 * of the generated corpus. Prints the first render (navigation start to the
 * network, the figures and the filter choices drawn) and, for each filter,
 * the time from the change in the filter bar to the network and the figures
 * drawn again (one GraphQL request, filtered on the server, then layout and
 * drawing).
 *
 * The server keeps `network` and `stats` answers until the next write
 * (src/api/view-cache.ts), so each figure is taken twice: "cold", right after
 * a write that changes nothing (every answer computed afresh, as after an
 * ingestion), and "warm" (the answers kept, as for the next analyst opening
 * the same view). Each warm filter round comes after a cold one of the same
 * filter.
 *
 *   npm run corpus:generate -- --count 5000 --out .scratch/corpus
 *   NEO4J_URI=bolt://127.0.0.1:7690 npm run bench:dashboard -- --ingest .scratch/corpus
 *
 * Options: --ingest <dir> (ingest that folder first; unchanged documents
 * cost nothing), --runs N (first renders to measure, 5), --rounds N (times
 * each filter is applied, 3). Needs NEO4J_URI and Chromium (CHROMIUM_PATH).
 */
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { createApiServer } from '../src/api/server.ts';
import { staticRoutes } from '../src/app.ts';
import { integerFlag, parseCommandLine, usageErrorExitCode } from '../src/cli/command-line.ts';
import { applyProcessSettings, loadConfig } from '../src/config.ts';
import { Graph } from '../src/graph/executor.ts';
import { applySchema } from '../src/graph/schema.ts';
import { ingestPaths } from '../src/pipeline/index.ts';

const USAGE = 'usage: NEO4J_URI=bolt://127.0.0.1:<port> npm run bench:dashboard -- [--ingest <dir>] [--runs N] [--rounds N]';

const { values, RUNS, ROUNDS } = (() => {
  try {
    const { values } = parseCommandLine({
      options: {
        ingest: { type: 'string' },
        runs: { type: 'string', default: '5' },
        rounds: { type: 'string', default: '3' },
      },
    });
    return { values, RUNS: integerFlag('runs', values.runs, 1, 1_000), ROUNDS: integerFlag('rounds', values.rounds, 1, 1_000) };
  } catch (error) {
    process.exit(usageErrorExitCode(error, USAGE));
  }
})();

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s[s.length - 1]! };
};
const ms = (n: number) => `${Math.round(n).toString().padStart(5)} ms`;

interface FilterSample {
  walls: number[];
  drawns: number[];
}

function newSample() {
  return { first: [] as number[], networkDrawn: [] as number[], view: [] as number[], fetchMs: [] as number[], drawMs: [] as number[], layoutMs: [] as number[] };
}

/** Applies one filter through the filter bar and waits for the redrawn view; ms from the change to drawn. */
async function timeFilter(page: Page, apply: (p: Page) => Promise<void>): Promise<{ wall: number; drawn: number }> {
  const before = await page.evaluate(() => document.body.dataset.viewKey ?? '');
  const count = await page.evaluate(() => (window as unknown as { __dashboardTimings: unknown[] }).__dashboardTimings.length);
  const started = Date.now();
  await apply(page);
  await page.waitForFunction((prev) => document.body.dataset.view === 'ready' && document.body.dataset.viewKey !== prev, before, { timeout: 60_000 });
  const wall = Date.now() - started;
  const timing = await page.evaluate((n) => (window as unknown as { __dashboardTimings: { ms: number }[] }).__dashboardTimings[n]!, count);
  return { wall, drawn: timing.ms };
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', PORT: '0', LOG_LEVEL: 'warn' });
  applyProcessSettings(config);
  if (config.neo4j.uri === null) throw new Error('Set NEO4J_URI to a Neo4j holding the generated corpus (or use --ingest).');
  const graph = new Graph(config.neo4j, config.neo4j.uri);
  await graph.verify();
  await applySchema(graph, config.rootDir);
  if (values.ingest !== undefined) {
    log(`ingesting ${values.ingest} ...`);
    const summary = await ingestPaths(graph, [values.ingest], { maxBytes: config.maxDocumentBytes });
    log(`ingested: ${summary.new} new, ${summary.unchanged} unchanged, ${summary.failed.length} failed`);
  }
  const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
  const [counts] = await graph.readRows<{ documents: number; organizations: number; partnerships: number }>({
    cypher: 'RETURN COUNT { MATCH (:Document) } AS documents, COUNT { MATCH (:Organization) } AS organizations, COUNT { MATCH ()-[:PARTNERS_WITH]->() } AS partnerships',
    params: {},
  });
  const api = await createApiServer(config, graph, { staticRoutes: staticRoutes(config.rootDir), port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const url = `${api.url}/dashboard/`;
    /** Forgets every kept answer: a write through the Graph seam (it changes nothing but the graph's version). */
    const invalidate = () => graph.writeRows({ cypher: 'RETURN 1 AS nothing', params: {} });
    const loads = { cold: newSample(), warm: newSample() };
    let page: Page | null = null;
    // Run 0 warms the server (JIT, Neo4j's plan cache) and is not counted; then a cold and a warm load per run.
    for (let step = 0; step <= 2 * RUNS; step += 1) {
      const run = Math.ceil(step / 2);
      const sample = step % 2 === 1 ? loads.cold : loads.warm;
      if (step % 2 === 1 || step === 0) await invalidate();
      await page?.close();
      page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      page.on('pageerror', (error) => log(`page error: ${error.message}`));
      await page.goto(url);
      await page.waitForSelector('body[data-loaded="true"]', { timeout: 60_000 });
      const loaded = await page.evaluate(() => (window as unknown as { __dashboardLoadedAt: number }).__dashboardLoadedAt);
      const drawnAt = await page.evaluate(() => (window as unknown as { __dashboardViewDrawnAt?: number }).__dashboardViewDrawnAt ?? Number.NaN);
      const timing = await page.evaluate(() => (window as unknown as { __dashboardTimings: { ms: number; fetchMs: number; drawMs: number; layoutMs: number }[] }).__dashboardTimings[0]!);
      if (run > 0) {
        sample.first.push(loaded);
        sample.networkDrawn.push(drawnAt);
        sample.view.push(timing.ms);
        sample.fetchMs.push(timing.fetchMs);
        sample.drawMs.push(timing.drawMs);
        sample.layoutMs.push(timing.layoutMs ?? 0);
      }
    }
    const p = page!;
    const shown = await p.evaluate(() => document.querySelector('[data-testid=network-status]')?.textContent ?? '');
    const country = (await p.locator('[data-testid=filter-country] option').nth(1).getAttribute('value')) ?? '';
    const area = (await p.locator('#area-options option').first().getAttribute('value')) ?? '';
    const hub = await p.evaluate(() => (window as unknown as { __dashboard: { cy: any } }).__dashboard.cy.nodes().filter((n: any) => n.data('rank') === 0)[0].data('name') as string);
    const reset = (q: Page) => q.click('[data-testid=filter-reset]');
    const filters: Array<[string, (q: Page) => Promise<void>]> = [
      ['kind = MoU', (q) => q.check('[data-testid=filter-kinds] input[value=MOU]')],
      ['type = university', async (q) => void (await q.selectOption('[data-testid=filter-type]', 'UNIVERSITY'))],
      [`country = ${country}`, async (q) => void (await q.selectOption('[data-testid=filter-country]', country))],
      ['since 2021-01-01', async (q) => (await q.fill('[data-testid=filter-since]', '2021-01-01'), await q.locator('[data-testid=filter-since]').dispatchEvent('change'))],
      ['min. 2 documents', async (q) => (await q.fill('[data-testid=filter-min-docs]', '2'), await q.press('[data-testid=filter-min-docs]', 'Enter'))],
      [`area = ${area}`, async (q) => (await q.fill('[data-testid=filter-area]', area), await q.press('[data-testid=filter-area]', 'Enter'))],
      ['around the top hub, 2 steps', async (q) => (await q.fill('[data-testid=filter-around]', hub), await q.selectOption('[data-testid=filter-hops]', '2'), await q.press('[data-testid=filter-around]', 'Enter'))],
    ];
    const results: Array<[string, { cold: FilterSample; warm: FilterSample }]> = [];
    for (const [name, apply] of filters) {
      const rounds = { cold: { walls: [] as number[], drawns: [] as number[] }, warm: { walls: [] as number[], drawns: [] as number[] } };
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const temperature of ['cold', 'warm'] as const) {
          if (temperature === 'cold') await invalidate();
          const t = await timeFilter(p, apply);
          rounds[temperature].walls.push(t.wall);
          rounds[temperature].drawns.push(t.drawn);
          await timeFilter(p, reset);
        }
      }
      results.push([name, rounds]);
    }

    console.log(`dashboard on ${counts!.documents} documents, ${counts!.organizations} organisations, ${counts!.partnerships} partnerships; ${shown}`);
    const loadNow = (await import('node:os')).loadavg()[0]!.toFixed(1);
    console.log(`Chromium ${browser.version()} headless, 1400x1000; load average ${load} at start, ${loadNow} at the end; medians (min-max) of ${RUNS} loads / ${ROUNDS} rounds per filter`);
    console.log(`server cache: ${api.viewCache.hits} answers served kept, ${api.viewCache.misses} computed`);
    for (const temperature of ['cold', 'warm'] as const) {
      const { first, networkDrawn, view, fetchMs, drawMs, layoutMs } = loads[temperature];
      const f = stats(first);
      const v = stats(view);
      console.log(`first render, ${temperature} (navigation to drawn) ${ms(f.median)}  (${Math.round(f.min)}-${Math.round(f.max)})  target < 2000 ms`);
      if (networkDrawn.every((n) => Number.isFinite(n))) {
        const d = stats(networkDrawn);
        console.log(`  network and figures drawn              ${ms(d.median)}  (${Math.round(d.min)}-${Math.round(d.max)})`);
      }
      console.log(`  of which the view (request + draw)    ${ms(v.median)}  (${Math.round(v.min)}-${Math.round(v.max)}): request ${ms(stats(fetchMs).median)}, layout + draw ${ms(stats(drawMs).median)} (layout ${ms(stats(layoutMs).median)})`);
    }
    for (const [name, rounds] of results) {
      const line = (r: FilterSample) => {
        const w = stats(r.walls);
        return `${ms(w.median)} (${w.min}-${w.max}), request + draw ${ms(stats(r.drawns).median)}`;
      };
      console.log(`filter ${name.padEnd(30)} cold ${line(rounds.cold)} | warm ${line(rounds.warm)}  target < 300 ms`);
    }
  } finally {
    await browser.close();
    await api.stop();
    await graph.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
