/**
 * npm run bench:extract [-- --rounds <n>]
 *
 * Single-threaded throughput of our full extraction next to a plain
 * compromise pass (nlp(text) then people/organizations/places) over the same
 * fixture texts, in the same run, after a warm-up. Prints documents/s, KB/s
 * and the ratio ours/plain (>= 1 means we are not slower).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { integerFlag, parseCommandLine, usageErrorExitCode } from '../src/cli/command-line.ts';
import { extract } from '../src/extract/index.ts';

const USAGE = 'usage: npm run bench:extract -- [--rounds <n>]   (n a multiple of 4, default 20)';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(repo, 'tests/fixtures/dev/docs');
const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(dir, f), 'utf8'));
let rounds = 20;
try {
  const { values } = parseCommandLine({ options: { rounds: { type: 'string', default: '20' } } });
  rounds = integerFlag('rounds', values.rounds, 4, 100_000);
} catch (error) {
  process.exit(usageErrorExitCode(error, USAGE));
}
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

let sink = 0;
const ours = (t: string) => {
  const r = extract(t);
  sink += r.entities.length + r.relations.length;
};
const plain = (t: string) => {
  const doc = nlp(t);
  sink += (doc.people().out('array') as string[]).length;
  sink += (doc.organizations().out('array') as string[]).length;
  sink += (doc.places().out('array') as string[]).length;
};

function time(fn: (t: string) => void, n: number): number {
  const start = performance.now();
  for (let r = 0; r < n; r++) for (const t of texts) fn(t);
  return (performance.now() - start) / 1000;
}

// Warm-up (JIT, lazy compromise setup), then alternate to share machine noise.
time(ours, 3);
time(plain, 3);
let tOurs = 0;
let tPlain = 0;
for (let i = 0; i < 4; i++) {
  tOurs += time(ours, rounds / 4);
  tPlain += time(plain, rounds / 4);
}
const docs = texts.length * rounds;
const kb = (bytes * rounds) / 1024;
const row = (name: string, s: number) =>
  `${name.padEnd(26)} ${(docs / s).toFixed(1).padStart(9)} docs/s ${(kb / s).toFixed(1).padStart(9)} KB/s ${(s * 1000).toFixed(0).padStart(7)} ms`;
process.stdout.write(`${texts.length} fixture documents (${(bytes / 1024).toFixed(1)} KB) x ${rounds} rounds, single thread\n`);
process.stdout.write(`${row('our extract()', tOurs)}\n`);
process.stdout.write(`${row('plain compromise pass', tPlain)}\n`);
process.stdout.write(`ratio ours/plain (throughput) ${(tPlain / tOurs).toFixed(2)}  (target >= 1.00)\n`);
if (sink < 0) process.stdout.write('\n');
