/**
 * npm run bench:cli [-- --runs <n>] [--file <path>]
 *
 * Where the wall time of `npm run extract -- <one file> --out -` goes: each
 * step started as its own process, <n> times (default 7), median and fastest
 * printed, from Node's own start to the whole npm command. Needs a built
 * dist/ (the launcher builds it on the first measured run when it is stale,
 * so that run is a warm-up).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { integerFlag, parseCommandLine, usageErrorExitCode } from '../src/cli/command-line.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_MS = 1500;

const USAGE = `usage: npm run bench:cli -- [--runs <n>] [--file <path>]
  --runs <n>     runs per step, median and fastest printed (default 7)
  --file <path>  the document to extract (default ingest/icesco-leibniz-2021-01-22.txt)`;

function options(): { runs: number; file: string } | null {
  const { values } = parseCommandLine({
    options: { runs: { type: 'string', default: '7' }, file: { type: 'string', default: 'ingest/icesco-leibniz-2021-01-22.txt' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return null;
  return { runs: integerFlag('runs', values.runs, 1, 100), file: values.file };
}

interface Step {
  name: string;
  command: string;
  args: string[];
}

function timeOnce(step: Step): number {
  const start = performance.now();
  const result = spawnSync(step.command, step.args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'silent' } });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${step.name} exited with ${result.status}: ${result.stderr.toString().slice(0, 500)}`);
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function main(): number {
  let parsed: ReturnType<typeof options>;
  try {
    parsed = options();
  } catch (error) {
    return usageErrorExitCode(error, USAGE);
  }
  if (parsed === null) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { runs, file } = parsed;
  const node = process.execPath;
  const esm = (code: string): string[] => ['--input-type=module', '-e', code];
  const steps: Step[] = [
    { name: 'node start (node -e 0)', command: node, args: ['-e', '0'] },
    { name: 'load compromise, default ESM entry (before)', command: node, args: esm("await import('compromise')") },
    { name: "load compromise/two's CommonJS build (now)", command: node, args: esm("import { createRequire } from 'node:module'; createRequire(import.meta.url)('compromise/two')") },
    { name: 'load the readers (dist/src/ingest)', command: node, args: esm("await import('./dist/src/ingest/read-documents.js')") },
    { name: 'load extraction (dist/src/extract)', command: node, args: esm("await import('./dist/src/extract/index.js')") },
    { name: 'node dist/src/cli/extract.js (no build check)', command: node, args: ['dist/src/cli/extract.js', file, '--out', '-'] },
    { name: 'build check + CLI (scripts/run-built.mjs)', command: node, args: ['scripts/run-built.mjs', 'dist/src/cli/extract.js', file, '--out', '-'] },
    { name: 'npm run extract -- <file> --out -', command: 'npm', args: ['run', 'extract', '--', file, '--out', '-'] },
    { name: 'tsc -b tsconfig.build.json, nothing changed', command: node, args: ['node_modules/typescript/bin/tsc', '-b', 'tsconfig.build.json'] },
  ];
  // The document's own extraction, in process, after loading: the part no start-up trick removes.
  const extractOnce = esm(
    `import { readFileSync } from 'node:fs'; const { extract } = await import('./dist/src/extract/index.js'); const text = readFileSync(${JSON.stringify(file)}, 'utf8'); const t = performance.now(); extract(text, { id: 'x' }); process.stdout.write(String(performance.now() - t));`,
  );

  timeOnce(steps[6]!); // builds dist/ when it is stale, so no measured run pays for a compile
  process.stdout.write(`${file}, ${runs} runs per step, wall time per process (median, fastest)\n`);
  let npmMedian = 0;
  for (const step of steps) {
    const times = Array.from({ length: runs }, () => timeOnce(step));
    if (step.command === 'npm') npmMedian = median(times);
    process.stdout.write(`${step.name.padEnd(50)} ${median(times).toFixed(0).padStart(6)} ms ${Math.min(...times).toFixed(0).padStart(6)} ms\n`);
  }
  const inProcess = Array.from({ length: runs }, () => Number(spawnSync(node, extractOnce, { cwd: ROOT, encoding: 'utf8' }).stdout));
  process.stdout.write(`${'extract() of the document, first call in a process'.padEnd(50)} ${median(inProcess).toFixed(0).padStart(6)} ms ${Math.min(...inProcess).toFixed(0).padStart(6)} ms\n`);
  process.stdout.write(`npm run extract: median ${npmMedian.toFixed(0)} ms (target < ${TARGET_MS} ms on a quiet machine)\n`);
  return 0;
}

process.exitCode = main();
