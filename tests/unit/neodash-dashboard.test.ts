import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

interface Report {
  id: string;
  title: string;
  query: string;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  selection: Record<string, unknown>;
  settings: Record<string, unknown>;
}
const dashboard = JSON.parse(readFileSync(path.join(loadConfig().rootDir, 'cypher', 'neodash-dashboard.json'), 'utf8')) as {
  title: string;
  version: string;
  settings: Record<string, unknown>;
  pages: { title: string; reports: Report[] }[];
  parameters: Record<string, unknown>;
  extensions: Record<string, unknown>;
};
const reports = dashboard.pages.flatMap((page) => page.reports);

describe('NeoDash dashboard (cypher/neodash-dashboard.json)', () => {
  it('is a NeoDash 2.4 dashboard', () => {
    expect(dashboard).toMatchObject({ version: '2.4', title: expect.any(String), settings: expect.any(Object), parameters: {}, extensions: expect.any(Object) });
    expect(dashboard.pages.length).toBeGreaterThan(0);
  });

  it('has the views of the web dashboard', () => {
    const titles = reports.map((r) => r.title).join(' | ');
    for (const view of [/Network of partnerships/, /by number of partners/, /over time/, /Agreements by status/, /cooperation areas/, /Search/, /Evidence/]) {
      expect(titles).toMatch(view);
    }
  });

  it.each(reports.map((r) => [r.title, r] as const))('report "%s" is complete and fits the 24-column grid', (_title, report) => {
    expect(['graph', 'table', 'bar', 'line', 'pie', 'value', 'select']).toContain(report.type);
    expect(report.query.trim().length).toBeGreaterThan(0);
    expect(report.x + report.width).toBeLessThanOrEqual(24);
    expect(report.height).toBeGreaterThan(0);
    expect(typeof report.selection).toBe('object');
    expect(typeof report.settings).toBe('object');
    expect(report.query).not.toMatch(/'[^']*'\s*\+|\+\s*'[^']*'/);
  });

  it('uses only the parameters its selectors set', () => {
    const set = new Set(reports.filter((r) => r.type === 'select').map((r) => r.settings.parameterName));
    for (const report of reports) {
      for (const [, name] of report.query.matchAll(/\$(\w+)/g)) expect(set).toContain(name);
    }
  });
});
