/**
 * `npm run ingest`: summary, exit codes, delete. Runs the real CLI against the
 * tier's Neo4j. This file owns the database while it runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Graph } from '../../src/graph/executor.ts';
import { connectTestGraph } from '../support/graph.ts';
import { countAll, wipe } from '../support/ingest-snapshot.ts';

function cli(args: string[], env: Record<string, string> = { NEO4J_URI: inject('neo4jUri') }) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run ingest', () => {
  let graph: Graph;
  let dir: string;
  beforeAll(async () => {
    graph = await connectTestGraph();
    await wipe(graph);
    dir = mkdtempSync(path.join(os.tmpdir(), 'ingest-cli-'));
    writeFileSync(path.join(dir, 'icesco-leibniz.txt'), readFileSync('ingest/icesco-leibniz-2021-01-22.txt'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await wipe(graph);
    await graph.close();
  });

  it('ingests a folder, prints a summary with the failure, and exits 1 because one document failed', () => {
    const run = cli([dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/documents: 2 {2}new: 1 {2}unchanged: 0 {2}updated: 0 {2}failed: 1/);
    expect(run.stdout).toMatch(/nodes created: [1-9]\d* {2}relationships created: [1-9]\d*/);
    expect(run.stdout).toMatch(/failed .*empty\.txt: EMPTY_DOCUMENT/);
    // Not a TTY: plain progress lines on stderr.
    expect(run.stderr).toMatch(/\[ingest\] 2\/2 new 1 unchanged 0 updated 0 failed 1/);
  });

  it('connects to the local instance on NEO4J_LOCAL_BOLT_PORT when NEO4J_URI is not set', () => {
    const port = new URL(inject('neo4jUri')).port;
    const run = cli([path.join(dir, 'icesco-leibniz.txt')], { NEO4J_URI: '', NEO4J_LOCAL_BOLT_PORT: port });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/new: 0 {2}unchanged: 1/);
  });

  it('names the configured local port when nothing answers there', () => {
    const run = cli([dir], { NEO4J_URI: '', NEO4J_LOCAL_BOLT_PORT: '9', NEO4J_CONNECT_TIMEOUT_MS: '1000' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^SERVICE_UNAVAILABLE: No Neo4j answers on bolt:\/\/127\.0\.0\.1:9: start the local instance/);
  });

  it('exits 0 with nothing created when the files are unchanged', () => {
    const run = cli([path.join(dir, 'icesco-leibniz.txt')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/new: 0 {2}unchanged: 1/);
    expect(run.stdout).toMatch(/nodes created: 0 {2}relationships created: 0/);
  });

  it('deletes a document by id and exits 2 on usage errors, with one line and no stack', async () => {
    const run = cli(['--delete', 'icesco-leibniz']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/deleted icesco-leibniz: \d+ nodes and \d+ relationships removed/);
    expect(await countAll(graph)).toEqual({ nodes: 0, relationships: 0 });

    const usage = cli(['--bogus']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/error: unknown option --bogus/);
    expect(cli([]).code).toBe(2);
  });

  it.each([
    [['--workers', '0'], /^error: --workers needs a whole number from 1 to 64\n/],
    [['--batch'], /^error: --batch needs a whole number from 1 to 64\n/],
    [['--delete'], /^error: --delete needs a document id\n/],
    [['--delete', '--workers', '2'], /^error: --delete needs a document id\n/],
    [['--delete', 'some-id', 'some/folder'], /^error: --delete takes a document id and no paths\n/],
    [['--workers=3', '--nope', 'folder'], /^error: unknown option --nope\n/],
  ])('rejects %j with one error line, the usage and exit code 2', (args, message) => {
    const run = cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage:\n  npm run ingest -- <file-or-folder>... [--workers N] [--batch N]');
    expect(run.stdout).toBe('');
  });

  it('prints the usage and exits 0 for --help and -h', () => {
    for (const flag of ['--help', '-h']) {
      const run = cli([flag]);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/^Usage:\n/);
      expect(run.stderr).not.toContain('error:');
    }
  });

  it('decodes UTF-16 and Windows-1252 files, says which encodings it used, and names the .jsonl line of a too-long id', () => {
    const mixed = mkdtempSync(path.join(os.tmpdir(), 'ingest-cli-encodings-'));
    try {
      const text = readFileSync('ingest/icesco-leibniz-2021-01-22.txt', 'utf8');
      writeFileSync(path.join(mixed, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      writeFileSync(path.join(mixed, 'cp1252.txt'), iconv.encode(`${text}\nThe café’s “partners” paid 5 €.`, 'windows-1252'));
      writeFileSync(path.join(mixed, 'batch.jsonl'), [JSON.stringify({ id: 'short', text: 'ICESCO met UNESCO in Rabat.' }), JSON.stringify({ id: 'x'.repeat(9_000), text: 'ICESCO met UNESCO.' })].join('\n'));
      const run = cli([mixed]);
      expect(run.stdout).toMatch(/documents: 4 {2}new: 3 {2}unchanged: 0 {2}updated: 0 {2}failed: 1/);
      expect(run.stdout).toMatch(/^encodings: utf-16le 1, utf-8 1, windows-1252 1$/m);
      expect(run.stdout).toMatch(/failed .*batch\.jsonl:2: BAD_USER_INPUT line 2: "id" must be at most 256 characters/);
      expect(run.code).toBe(1);
    } finally {
      rmSync(mixed, { recursive: true, force: true });
    }
  });
});
