"""Reads an export back with readers independent of the writers (networkx,
Python's csv and json) and prints what it found as JSON: node and edge
counts, statements (JSON Lines), and each edge's type, kinds and document
count by its key. Usage: read-export.py gexf|graphml|jsonl FILE
                         read-export.py csv NODES_FILE RELATIONSHIPS_FILE"""
import csv
import json
import sys

import networkx as nx


def edge_view(key, attrs):
    kinds = attrs.get('kinds') or ''
    return key, {'type': attrs['type'], 'documentCount': int(attrs['documentCount']), 'kinds': sorted(k for k in kinds.split(';') if k)}


def main():
    fmt = sys.argv[1]
    statements = None
    if fmt == 'gexf':
        g = nx.MultiDiGraph(nx.read_gexf(sys.argv[2]))
        edges = dict(edge_view(d['id'], d) for _, _, d in g.edges(data=True))
        labels = {d['entityType'] for _, d in g.nodes(data=True)}
        nodes = g.number_of_nodes()
        edge_count = g.number_of_edges()
    elif fmt == 'graphml':
        g = nx.read_graphml(sys.argv[2], force_multigraph=True)
        edges = dict(edge_view(k, d) for _, _, k, d in g.edges(keys=True, data=True))
        labels = {d['label'] for _, d in g.nodes(data=True)}
        nodes = g.number_of_nodes()
        edge_count = g.number_of_edges()
    elif fmt == 'csv':
        with open(sys.argv[2], newline='', encoding='utf-8') as f:
            node_rows = list(csv.DictReader(f))
        with open(sys.argv[3], newline='', encoding='utf-8') as f:
            edge_rows = list(csv.DictReader(f))
        ids = {r['id:ID'] for r in node_rows}
        assert all(r[':START_ID'] in ids and r[':END_ID'] in ids for r in edge_rows), 'relationship to an unknown node'
        edges = dict(edge_view(r['key'], {'type': r[':TYPE'], 'documentCount': r['documentCount:int'], 'kinds': r['kinds:string[]']}) for r in edge_rows)
        labels = {r[':LABEL'] for r in node_rows}
        nodes = len(node_rows)
        edge_count = len(edge_rows)
    elif fmt == 'jsonl':
        with open(sys.argv[2], encoding='utf-8') as f:
            records = [json.loads(line) for line in f if line.strip()]
        node_rows = [r for r in records if r['record'] == 'node']
        edge_rows = [r for r in records if r['record'] == 'edge']
        statement_rows = [r for r in records if r['record'] == 'statement']
        edges = dict(edge_view(r['key'], {**r, 'kinds': ';'.join(r['kinds'])}) for r in edge_rows)
        labels = {r['label'] for r in node_rows}
        nodes = len(node_rows)
        edge_count = len(edge_rows)
        statements = {'count': len(statement_rows), 'withEvidence': sum(1 for s in statement_rows if s['text'] and s['document']['id'])}
    else:
        raise SystemExit('unknown format ' + fmt)
    print(json.dumps({'nodes': nodes, 'edges': edge_count, 'labels': sorted(labels), 'edgesByKey': edges, 'statements': statements}))


main()
