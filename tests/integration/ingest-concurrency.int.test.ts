/**
 * Two `npm run ingest` processes started at once on overlapping folders give
 * the same graph, node for node and property for property, as running them
 * one after the other. This file owns the database while it runs.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import type { Graph } from '../../src/graph/executor.ts';
import { connectTestGraph } from '../support/graph.ts';
import { pictureOf, wipe } from '../support/ingest-snapshot.ts';

interface Run {
  code: number | null;
  output: string;
}

function ingest(folder: string): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', folder, '--batch', '10', '--workers', '1'], {
    env: { ...process.env, NEO4J_URI: inject('neo4jUri'), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

function counts(run: Run): { new: number; unchanged: number; updated: number; failed: number } {
  const m = /new: (\d+) {2}unchanged: (\d+) {2}updated: (\d+) {2}failed: (\d+)/.exec(run.output);
  if (m === null) throw new Error(`no summary in:\n${run.output}`);
  return { new: Number(m[1]), unchanged: Number(m[2]), updated: Number(m[3]), failed: Number(m[4]) };
}

describe('two ingest processes at once', () => {
  let graph: Graph;
  let root: string;
  let first: string;
  let second: string;
  beforeAll(async () => {
    graph = await connectTestGraph();
    root = mkdtempSync(path.join(os.tmpdir(), 'ingest-concurrency-'));
    const corpus = path.join(root, 'corpus');
    generateCorpus({ count: 150, out: corpus, seed: 2024 });
    const files = readdirSync(corpus).sort();
    first = path.join(root, 'first');
    second = path.join(root, 'second');
    mkdirSync(first);
    mkdirSync(second);
    // 100 documents each, 50 in common.
    for (const name of files.slice(0, 100)) copyFileSync(path.join(corpus, name), path.join(first, name));
    for (const name of files.slice(50)) copyFileSync(path.join(corpus, name), path.join(second, name));
  });
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await wipe(graph);
    await graph.close();
  });

  it('gives the same graph as running them one after the other, with every document written once', async () => {
    await wipe(graph);
    const [a, b] = await Promise.all([ingest(first), ingest(second)]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    const together = await pictureOf(graph);
    const [ca, cb] = [counts(a), counts(b)];
    // 150 distinct documents: each new exactly once; the 50 shared ones are unchanged for whichever process came second.
    expect(ca.new + cb.new).toBe(150);
    expect(ca.new + ca.unchanged + cb.new + cb.unchanged).toBe(200);
    expect(ca.updated + cb.updated + ca.failed + cb.failed).toBe(0);

    await wipe(graph);
    const sequentialA = await ingest(first);
    const sequentialB = await ingest(second);
    expect([sequentialA.code, sequentialB.code]).toEqual([0, 0]);
    const oneAfterTheOther = await pictureOf(graph);

    expect(together.nodes).toBe(oneAfterTheOther.nodes);
    expect(together.relationships).toBe(oneAfterTheOther.relationships);
    expect(together.nodeLines).toEqual(oneAfterTheOther.nodeLines);
    expect(together.relationshipLines).toEqual(oneAfterTheOther.relationshipLines);
    expect(together.nodeLines.some((line) => line.startsWith('IngestLock'))).toBe(false);
  }, 360_000);
});
