/**
 * scripts/run-built.mjs, the launcher of `npm start`, `npm run extract` and
 * `npm run ingest`: it compiles only when the sources changed, and after an
 * edit it runs the new code. Exercised on a one-file project in a temporary
 * folder (its own tsconfig, this repository's TypeScript), and once on the
 * real `npm run extract`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const COMPILE_TIMEOUT_MS = 120_000;

let project: string;
const source = () => path.join(project, 'src', 'hello.ts');
const output = () => path.join(project, 'dist', 'src', 'hello.js');
const PROCESS = 'declare const process: { argv: string[]; stdout: { write(text: string): void } };\n';

function launch(args: string[] = []) {
  const r = spawnSync(process.execPath, ['scripts/run-built.mjs', 'dist/src/hello.js', ...args], { cwd: project, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), 'run-built-'));
  mkdirSync(path.join(project, 'scripts'));
  mkdirSync(path.join(project, 'src'));
  copyFileSync(path.join(REPO, 'scripts', 'run-built.mjs'), path.join(project, 'scripts', 'run-built.mjs'));
  symlinkSync(path.join(REPO, 'node_modules'), path.join(project, 'node_modules'));
  writeFileSync(path.join(project, 'package.json'), '{ "type": "module" }\n');
  // No @types/node and a small lib: the compile stays quick on a loaded machine. The sources declare what they use.
  writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', lib: ['ES2022'], module: 'NodeNext', strict: true, types: [], skipLibCheck: true } }));
  // Not incremental: every compile rewrites dist/, so an unchanged output file proves that no compile ran.
  writeFileSync(path.join(project, 'tsconfig.build.json'), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { outDir: 'dist', rootDir: '.' }, include: ['src'] }));
  writeFileSync(source(), PROCESS + "process.stdout.write(`one ${process.argv.slice(2).join(',')}`);\n");
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('scripts/run-built.mjs', () => {
  it('compiles on the first run and runs the entry with its arguments, printing nothing else on stdout', () => {
    const run = launch(['a', '--b']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('one a,--b');
    expect(run.code).toBe(0);
  }, COMPILE_TIMEOUT_MS);

  it('does not compile again when no source changed', () => {
    const before = statSync(output()).mtimeMs;
    const run = launch();
    expect(run.stdout).toBe('one ');
    expect(statSync(output()).mtimeMs).toBe(before);
  }, COMPILE_TIMEOUT_MS);

  it('runs the new code after a source edit, even when the edited file carries an older mtime', () => {
    writeFileSync(source(), PROCESS + "process.stdout.write('two');\n");
    const past = new Date('2001-01-01T00:00:00Z');
    utimesSync(source(), past, past);
    expect(launch().stdout).toBe('two');
  }, COMPILE_TIMEOUT_MS);

  it('runs a newly added module that the entry imports', () => {
    writeFileSync(path.join(project, 'src', 'word.ts'), "export const word = 'three';\n");
    writeFileSync(source(), "import { word } from './word.js';\n" + PROCESS + "process.stdout.write(word);\n");
    expect(launch().stdout).toBe('three');
  }, COMPILE_TIMEOUT_MS);

  it('stops with BUILD_FAILED and the compiler errors on stderr, nothing on stdout, when the sources do not compile', () => {
    writeFileSync(source(), PROCESS + "const n: number = 'four';\nprocess.stdout.write(String(n));\n");
    const run = launch();
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('TS2322');
    expect(run.stderr).toContain('BUILD_FAILED');
  }, COMPILE_TIMEOUT_MS);

  it('exits 2 with its usage when no entry point is given', () => {
    const r = spawnSync(process.execPath, ['scripts/run-built.mjs'], { cwd: project, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: node scripts/run-built.mjs');
  });
});

describe('npm run extract -- <file> --out -', () => {
  it('prints exactly one JSON document on stdout: no npm banner, no compiler output, no log line', () => {
    const r = spawnSync('npm', ['run', 'extract', '--', 'ingest/icesco-leibniz-2021-01-22.txt', '--out', '-'], { cwd: REPO, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as { document: { id: string } };
    expect(result.document.id).toBe('icesco-leibniz-2021-01-22');
  }, COMPILE_TIMEOUT_MS);
});
