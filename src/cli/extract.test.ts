import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(REPO, 'src/cli/extract.ts');
const TSX = path.join(REPO, 'node_modules/.bin/tsx');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'extract-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]) {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('extract CLI', () => {
  it('writes the good file, reports the bad one on stderr and exits with 1', () => {
    const input = path.join(dir, 'in');
    const out = path.join(dir, 'out');
    mkdirSync(input);
    writeFileSync(path.join(input, 'good.txt'), 'The University of Sfax and Université Laval signed a memorandum of understanding.');
    writeFileSync(path.join(input, 'bad.txt'), Buffer.from([0x00, 0x01, 0x02]));
    const r = run([input, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(input, 'bad.txt')}: NOT_TEXT: `);
    const result = JSON.parse(readFileSync(path.join(out, 'good.json'), 'utf8'));
    expect(result.document.id).toBe('good');
    expect(result.relations.some((x: { type: string }) => x.type === 'PARTNERS_WITH')).toBe(true);
    expect(existsSync(path.join(out, 'bad.json'))).toBe(false);
  }, 30_000);

  it('prints one JSON result per line with --out - and exits with 0', () => {
    const a = path.join(dir, 'a.txt');
    writeFileSync(a, 'ICESCO and UNESCO held talks.');
    const r = run([a, '--out', '-']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).document.id).toBe('a');
  }, 30_000);

  it.each([
    [[], 'no input files or folders'],
    [['x.txt'], '--out is required'],
    [['x.txt', '--out'], "Option '-o, --out <value>' argument missing"],
    [['--bogus', 'x.txt', '--out', 'o'], "Unknown option '--bogus'"],
    [['x.txt', '--out', 'o', '--max-bytes', '0'], '--max-bytes must be a whole number from 1'],
  ])('exits with 2, BAD_USER_INPUT and the usage for %j', (args, reason) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`BAD_USER_INPUT: ${reason}`);
    expect(r.stderr).toContain('usage: npm run extract');
    expect(r.stdout).toBe('');
  }, 30_000);

  it('prints the usage on stdout and exits with 0 for --help', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('usage: npm run extract');
  }, 30_000);
});
