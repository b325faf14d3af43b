/**
 * The dashboard's DOM-free modules, in Node: the layout is a function of the
 * data alone and keeps placed nodes still; the filter survives a round trip
 * through the URL; the encodings pick an edge's most formal kind.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain browser ES modules without type declarations
import { layoutNetwork } from '../../src/dashboard/public/layout.js';
// @ts-expect-error plain browser ES modules without type declarations
import { DEFAULT_STATE, parseState, stateToSearch, toNetworkFilter } from '../../src/dashboard/public/filters.js';
// @ts-expect-error plain browser ES modules without type declarations
import { countryColors, edgeKind } from '../../src/dashboard/public/encodings.js';
// @ts-expect-error plain browser ES modules without type declarations
import { shortLabel } from '../../src/dashboard/public/dom.js';
// @ts-expect-error plain browser ES modules without type declarations
import { lastRun, sinceOf } from '../../src/dashboard/public/changes.js';
// @ts-expect-error plain browser ES modules without type declarations
import { exportHref } from '../../src/dashboard/public/downloads.js';
// @ts-expect-error plain browser ES modules without type declarations
import { failureText } from '../../src/dashboard/public/curation.js';
import { shortName } from '../../src/model/names.ts';

type Pos = { x: number; y: number };
type Layout = (nodes: { id: string; partnerCount: number }[], edges: { source: string; target: string }[], options?: { fixed?: Map<string, Pos> }) => Map<string, Pos>;
const layout = layoutNetwork as Layout;

function ring(size: number) {
  const nodes = Array.from({ length: size }, (_, i) => ({ id: `org-${i}`, partnerCount: i === 0 ? size - 1 : 2 }));
  const edges = nodes.slice(1).flatMap((n, i) => [
    { source: 'org-0', target: n.id },
    { source: n.id, target: `org-${((i + 1) % (size - 1)) + 1}` },
  ]);
  return { nodes, edges };
}

describe('dashboard layout', () => {
  it('gives the same positions for the same data, whatever the order it arrives in', () => {
    const { nodes, edges } = ring(60);
    const first = layout(nodes, edges);
    const second = layout([...nodes].reverse(), [...edges].reverse());
    expect([...second].sort()).toEqual([...first].sort());
    expect(new Set([...first.values()].map((p) => `${p.x},${p.y}`)).size).toBe(60);
  });

  it('keeps placed nodes where they are and puts a new one near its partner', () => {
    const { nodes, edges } = ring(30);
    const before = layout(nodes, edges);
    const after = layout([...nodes, { id: 'new', partnerCount: 1 }], [...edges, { source: 'new', target: 'org-7' }], { fixed: before });
    for (const [id, p] of before) expect(after.get(id)).toEqual(p);
    const d = (a: Pos, b: Pos) => Math.hypot(a.x - b.x, a.y - b.y);
    const spread = Math.max(...[...before.values()].map((p) => d(p, before.get('org-0')!)));
    expect(d(after.get('new')!, before.get('org-7')!)).toBeLessThan(spread);
  });
});

describe('dashboard filter state', () => {
  it('round-trips every filter through the query string', () => {
    const state = { ...DEFAULT_STATE, kinds: ['MOU', 'AGREEMENT'], since: '2021-01-01', until: '2022-12-31', country: 'Morocco', area: 'science', type: 'UNIVERSITY', minDocs: 2, around: 'ICESCO', hops: 2, asOf: '2021-12-31', limit: 1000, colour: 'country', open: 'organization:org-icesco' };
    const search = stateToSearch(state);
    expect(search).toBe('?kinds=AGREEMENT%2CMOU&since=2021-01-01&until=2022-12-31&country=Morocco&area=science&type=UNIVERSITY&around=ICESCO&minDocs=2&hops=2&asOf=2021-12-31&limit=1000&colour=country&open=organization%3Aorg-icesco');
    expect(parseState(search)).toEqual({ ...state, kinds: ['AGREEMENT', 'MOU'] });
    expect(toNetworkFilter(state)).toEqual({ kinds: ['MOU', 'AGREEMENT'], since: '2021-01-01', until: '2022-12-31', country: 'Morocco', area: 'science', organizationType: 'UNIVERSITY', minDocuments: 2, around: 'ICESCO', hops: 2, asOf: '2021-12-31' });
  });

  it('ignores what it does not know and sends no filter by default', () => {
    expect(parseState('?kinds=MOU,HANDSHAKE&since=yesterday&minDocs=-3&hops=9&limit=7&type=pirates&asOf=2021-13')).toEqual({ ...DEFAULT_STATE, kinds: ['MOU'] });
    expect(stateToSearch(DEFAULT_STATE)).toBe('');
    expect(toNetworkFilter(DEFAULT_STATE)).toBeNull();
  });
});

describe('dashboard encodings', () => {
  it('colours an edge by its most formal kind', () => {
    expect(edgeKind(['MEETING', 'MOU', 'DISCUSSION'])).toBe('MOU');
    expect(edgeKind(['PROGRAMME', 'AGREEMENT'])).toBe('AGREEMENT');
    expect(edgeKind([])).toBeNull();
  });

  it('gives the most frequent countries their own colour', () => {
    const colors = countryColors([{ country: 'Morocco' }, { country: 'Morocco' }, { country: 'Chile' }, { country: null }]);
    expect([...colors.keys()]).toEqual(['Morocco', 'Chile']);
  });
});

describe('dashboard labels', () => {
  // The network's labels and the Neo4j Browser's captions (Organization.shortName) name an organisation alike.
  it.each([
    ['Islamic World Educational, Scientific, and Cultural Organization', ['ICESCO']],
    ['Leibniz Institute for Catalysis at the University of Rostock', ['LIKAT', 'LIC', 'LIB']],
    ['Leibniz Association', ['WGL']],
    ['Ministry of Science and Higher Education of Kazakhstan', ['Ministry of Science', 'mshe']],
    ['Association of Arab Universities in the Arab region', ['AArU', 'A']],
  ])('labels %s as the short name the graph stores', (name, aliases) => {
    expect(shortLabel({ name, aliases })).toBe(shortName(name, aliases));
  });
});

describe("dashboard what's new and downloads", () => {
  const at = (minutes: number) => ({ at: new Date(Date.UTC(2026, 0, 10, 12, 0) - minutes * 60_000).toISOString() });

  it('takes the newest run of changes as the last ingest, up to the first pause over ten minutes', () => {
    const changes = [at(0), at(1), at(9), at(18), at(40), at(41)];
    expect(lastRun(changes)).toEqual({ changes: changes.slice(0, 4), complete: true });
    // No pause seen yet: the run may go on in the next page.
    expect(lastRun(changes.slice(0, 3))).toEqual({ changes: changes.slice(0, 3), complete: false });
  });

  it('counts 7 and 30 days back from now, and nothing for the last ingest', () => {
    const now = Date.UTC(2026, 0, 31);
    expect(sinceOf('7d', now)).toBe('2026-01-24T00:00:00.000Z');
    expect(sinceOf('30d', now)).toBe('2026-01-01T00:00:00.000Z');
    expect(sinceOf('last', now)).toBeNull();
  });

  it('points the downloads at /export/<file>, with the as-of day when set', () => {
    expect(exportHref('graph.gexf', '', 'http://127.0.0.1:4000/dashboard/?kinds=MOU')).toBe('/export/graph.gexf');
    expect(exportHref('nodes.csv', '2021-12-31', 'http://127.0.0.1:4000/dashboard/')).toBe('/export/nodes.csv?asOf=2021-12-31');
  });
});

describe('dashboard corrections', () => {
  const failure = (message: string, code: string, suggestions?: string[]) => Object.assign(new Error(message), { code, suggestions });

  it('says why a correction was not saved, with the names an unknown name suggests', () => {
    expect(failureText(failure('reason: must not be empty (BAD_USER_INPUT)', 'BAD_USER_INPUT', []))).toBe('Not saved: reason: must not be empty (BAD_USER_INPUT)');
    expect(failureText(failure('No organisation is known by the name "Leibnitz". (NOT_FOUND)', 'NOT_FOUND', ['Leibniz Association', 'Leibniz Institute for Catalysis']))).toBe(
      'Not saved: No organisation is known by the name "Leibnitz". (NOT_FOUND) Did you mean: Leibniz Association, Leibniz Institute for Catalysis?',
    );
    expect(failureText(failure('The bearer token is not valid. (UNAUTHENTICATED)', 'UNAUTHENTICATED'))).toMatch(/^Not saved: The bearer token is not valid\. \(UNAUTHENTICATED\) Check the API token/);
    expect(failureText(failure('Enter the API token', 'NO_TOKEN'))).toBe('Enter the API token');
  });
});
