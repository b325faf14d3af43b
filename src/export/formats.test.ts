import { parse as parseCsv } from 'csv-parse/sync';
import graphology from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import type { ExportData } from './formats.ts';
import { toGexf, toGraphml, toJsonl, toNodesCsv, toRelationshipsCsv } from './formats.ts';

// Names with the characters each format must escape: commas, quotes, <, &, a line break.
const data: ExportData = {
  asOf: '2022-06-30',
  nodes: [
    { id: 'org-a', label: 'Organization', name: 'Smith, Jones & "Partners" <Ltd>', aliases: ['SJP', 'S&J'] },
    { id: 'org-b', label: 'Organization', name: 'Line\nBreak Institute', aliases: [] },
    { id: 'agr-1', label: 'Agreement', name: 'cooperation agreement', aliases: [] },
  ],
  edges: [
    { key: 'PARTNERS_WITH|org-a|org-b', type: 'PARTNERS_WITH', source: 'org-a', target: 'org-b', kinds: ['meeting', 'mou'], status: 'active', title: null, firstSeen: '2021-01-02', lastSeen: '2022-01-01', documentCount: 2 },
    { key: 'PARTY_TO|org-a|agr-1', type: 'PARTY_TO', source: 'org-a', target: 'agr-1', kinds: [], status: 'signed', title: null, firstSeen: '2022-01-01', lastSeen: '2022-01-01', documentCount: 1 },
  ],
  statements: [],
};

describe('export formats', () => {
  it('writes CSV that a CSV parser reads back with the neo4j-admin headers, names intact', () => {
    const nodes = parseCsv(toNodesCsv(data), { columns: true }) as Array<Record<string, string>>;
    expect(nodes.map((n) => n.name)).toEqual(data.nodes.map((n) => n.name));
    expect(nodes[0]).toEqual({ 'id:ID': 'org-a', ':LABEL': 'Organization', name: data.nodes[0]!.name, 'aliases:string[]': 'SJP;S&J' });
    const rels = parseCsv(toRelationshipsCsv(data), { columns: true }) as Array<Record<string, string>>;
    expect(rels[0]).toMatchObject({ ':START_ID': 'org-a', ':END_ID': 'org-b', ':TYPE': 'PARTNERS_WITH', 'kinds:string[]': 'meeting;mou', 'documentCount:int': '2' });
    expect(rels).toHaveLength(2);
  });

  it('writes GEXF that a GEXF parser reads back: names as labels, two edge types between the same nodes', () => {
    const graph = parseGexf(graphology.MultiDirectedGraph, toGexf(data));
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(2);
    expect(graph.getNodeAttribute('org-a', 'label')).toBe(data.nodes[0]!.name);
    expect(graph.getEdgeAttributes('PARTNERS_WITH|org-a|org-b')).toMatchObject({ type: 'PARTNERS_WITH', kinds: 'meeting;mou', documentCount: 2 });
  });

  it('escapes GraphML text and names the day', () => {
    const xml = toGraphml(data);
    expect(xml).toContain('<graph id="partnerships-as-of-2022-06-30" edgedefault="directed">');
    expect(xml).toContain('Smith, Jones &amp; "Partners" &lt;Ltd&gt;');
    expect(xml.match(/<edge /g)).toHaveLength(2);
  });

  it('writes one JSON object per line, by record', () => {
    const lines = toJsonl(data).trimEnd().split('\n').map((l) => JSON.parse(l) as { record: string });
    expect(lines.map((l) => l.record)).toEqual(['node', 'node', 'node', 'edge', 'edge']);
  });
});
