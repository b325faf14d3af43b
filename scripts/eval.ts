/**
 * npm run eval -- <gold-folder> [--scorer <path>] [--verbose] [--json]
 *
 * Runs the extractor over <gold-folder>/docs/*.txt into .eval-out/ and prints
 * the scorer's table (default scorer: ../shared/eval/score.mjs next to the repo).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/extract/index.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const usage = 'usage: npm run eval -- <gold-folder> [--scorer <score.mjs>] [--verbose] [--json]';
let scorer = path.resolve(repo, '../shared/eval/score.mjs');
const pass: string[] = [];
let gold: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--scorer') scorer = path.resolve(args[++i] ?? '');
  else if (a === '--verbose' || a === '--json') pass.push(a);
  else if (a.startsWith('-')) {
    process.stderr.write(`unknown option ${a}\n${usage}\n`);
    process.exit(2);
  } else gold = a;
}
if (!gold) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}
const docs = path.join(gold, 'docs');
if (!existsSync(docs)) {
  process.stderr.write(`no docs/ folder in ${gold}\n`);
  process.exit(2);
}
if (!existsSync(scorer)) {
  process.stderr.write(`scorer not found: ${scorer} (use --scorer)\n`);
  process.exit(2);
}
const out = path.join(repo, '.eval-out');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const started = performance.now();
let n = 0;
for (const f of readdirSync(docs).filter((x) => x.endsWith('.txt')).sort()) {
  const id = f.replace(/\.txt$/, '');
  const result = extract(readFileSync(path.join(docs, f), 'utf8'), { id });
  writeFileSync(path.join(out, `${id}.json`), `${JSON.stringify(result, null, 2)}\n`);
  n++;
}
process.stderr.write(`extracted ${n} documents in ${(performance.now() - started).toFixed(0)} ms into ${path.relative(process.cwd(), out) || out}\n`);
const r = spawnSync(process.execPath, [scorer, '--gold', gold, '--pred', out, ...pass], { stdio: 'inherit' });
process.exit(r.status ?? 1);
