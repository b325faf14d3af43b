/**
 * npm run eval -- <gold-folder>... [--by-rule] [--errors] [--disable <id>[,<id>]]... [--scorer <score.mjs>] [--json]
 *
 * Runs the extractor over each <gold-folder>/docs/*.txt into .eval-out/<folder>/
 * and prints the evaluation kit's own table for it (default scorer:
 * ../shared/eval/score.mjs next to the repository).
 *   --by-rule   per rule: documents it fired in, true and false positives on each
 *               gold set; rules that fire in only one document are flagged
 *   --errors    every false positive and missed gold fact, per document
 *   --disable   runs without the given rules (ablation)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandLine, usageErrorExitCode } from '../src/cli/command-line.ts';
import { AppError } from '../src/errors.ts';
import { ENTITY_RULES, RULES, extract, ruleById } from '../src/extract/index.ts';
import type { ExtractionResult } from '../src/model/types.ts';
import { FACT_KINDS, judge } from './eval-match.ts';
import type { GoldFile, Verdict } from './eval-match.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const usage = 'usage: npm run eval -- <gold-folder>... [--by-rule] [--errors] [--disable <id>[,<id>]] [--scorer <score.mjs>] [--json]';

function fail(message: string): never {
  process.exit(usageErrorExitCode(new AppError('BAD_USER_INPUT', message), usage));
}

let parsed;
try {
  parsed = parseCommandLine({
    allowPositionals: true,
    options: {
      'by-rule': { type: 'boolean', default: false },
      errors: { type: 'boolean', default: false },
      disable: { type: 'string', multiple: true, default: [] },
      scorer: { type: 'string', default: path.resolve(repo, '../shared/eval/score.mjs') },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
} catch (error) {
  process.exit(usageErrorExitCode(error, usage));
}
const { values, positionals: folders } = parsed;
if (!folders.length) fail('no gold folder given');
const disable = values.disable.flatMap((d) => d.split(',')).map((d) => d.trim()).filter(Boolean);
for (const id of disable) {
  try {
    ruleById(id);
  } catch {
    fail(`unknown rule "${id}" (npm run eval -- <folder> --by-rule lists them)`);
  }
}
const scorer = path.resolve(values.scorer);

if (!existsSync(scorer)) fail(`scorer not found: ${scorer} (use --scorer)`);

interface RuleTally {
  docs: Set<string>;
  tp: number;
  fp: number;
}

const tallies = new Map<string, Map<string, RuleTally>>();
let status = 0;
for (const folder of folders) {
  const docs = path.join(folder, 'docs');
  if (!existsSync(docs)) fail(`no docs/ folder in ${folder}`);
  const setName = path.basename(path.resolve(folder));
  const out = path.join(repo, '.eval-out', setName);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const started = performance.now();
  const byRule = new Map<string, RuleTally>();
  tallies.set(setName, byRule);
  const files = readdirSync(docs).filter((x) => x.endsWith('.txt')).sort();
  const errors: string[] = [];
  for (const f of files) {
    const id = f.replace(/\.txt$/, '');
    const result = extract(readFileSync(path.join(docs, f), 'utf8'), { id, disable });
    writeFileSync(path.join(out, `${id}.json`), `${JSON.stringify(result, null, 2)}\n`);
    const goldPath = path.join(folder, 'gold', `${id}.json`);
    if (!existsSync(goldPath)) continue;
    const { verdicts } = judge(JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile, result);
    credit(byRule, id, result, verdicts);
    const wrong = verdicts.filter((v) => v.verdict !== 'tp');
    if (wrong.length) errors.push(`${id}\n${wrong.map((v) => `  ${v.verdict.toUpperCase()} ${v.kind.padEnd(13)} ${v.label}${rulesOf(result, v)}`).join('\n')}`);
  }
  process.stderr.write(`${setName}: extracted ${files.length} documents in ${(performance.now() - started).toFixed(0)} ms into ${path.relative(process.cwd(), out) || out}\n`);
  if (values.errors) process.stdout.write(`${errors.join('\n')}\n`);
  const pass = [...(values.json ? ['--json'] : []), ...(values.verbose ? ['--verbose'] : [])];
  const r = spawnSync(process.execPath, [scorer, '--gold', folder, '--pred', out, ...pass], { stdio: 'inherit' });
  if (r.status !== 0) status = r.status ?? 1;
}
if (values['by-rule']) printByRule();
process.exit(status);

/** Credits each rule with the true and false positives of the facts it produced. */
function credit(byRule: Map<string, RuleTally>, id: string, result: ExtractionResult, verdicts: Verdict[]): void {
  const entityRules = new Map(result.entities.map((e) => [e.id, e.rules ?? []]));
  for (const v of verdicts) {
    if (v.verdict === 'fn' || !v.relations && !v.entity) continue;
    const rules = new Set(v.relations ? v.relations.flatMap((i) => result.relations[i]?.rules ?? []) : entityRules.get(v.entity!) ?? []);
    for (const rule of rules) {
      const t = byRule.get(rule) ?? { docs: new Set<string>(), tp: 0, fp: 0 };
      t.docs.add(id);
      if (v.verdict === 'tp') t.tp++;
      else t.fp++;
      byRule.set(rule, t);
    }
  }
  // Rules that fired on relations the scorer does not read (locations, agreements) count their documents only.
  for (const r of [...result.relations, ...result.entities]) for (const rule of r.rules ?? []) {
    const t = byRule.get(rule) ?? { docs: new Set<string>(), tp: 0, fp: 0 };
    t.docs.add(id);
    byRule.set(rule, t);
  }
}

function rulesOf(result: ExtractionResult, v: Verdict): string {
  if (!v.relations) return '';
  const rules = [...new Set(v.relations.flatMap((i) => result.relations[i]?.rules ?? []))];
  return rules.length ? `  [${rules.join(', ')}]` : '';
}

function printByRule(): void {
  const sets = [...tallies.keys()];
  const rows = [...RULES, ...ENTITY_RULES].map((rule) => {
    const cells = sets.map((s) => tallies.get(s)!.get(rule.id) ?? { docs: new Set<string>(), tp: 0, fp: 0 });
    const docs = cells.reduce((n, c) => n + c.docs.size, 0);
    return { rule, cells, docs };
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(rows.map((r) => ({
      id: r.rule.id,
      reason: r.rule.reason,
      documents: r.docs,
      sets: Object.fromEntries(sets.map((s, i) => [s, { documents: r.cells[i]!.docs.size, tp: r.cells[i]!.tp, fp: r.cells[i]!.fp }])),
    })), null, 2)}\n`);
    return;
  }
  const head = `${'rule'.padEnd(30)}${sets.map((s) => `${s.padStart(8)} docs   tp   fp`).join('')}  `;
  process.stdout.write(`\n${head}\n`);
  for (const r of rows) {
    const flag = r.docs === 0 ? 'never fires' : r.docs === 1 ? 'ONE DOCUMENT ONLY' : '';
    const cells = r.cells.map((c) => `${String(c.docs.size).padStart(13)}${String(c.tp).padStart(5)}${String(c.fp).padStart(5)}`).join('');
    process.stdout.write(`${r.rule.id.padEnd(30)}${cells}  ${flag}\n`);
  }
  process.stdout.write(`(tp/fp count scored facts: the organisations and people a rule found, and the partnerships, roles and part_of it gave; kinds: ${FACT_KINDS.join(', ')})\n`);
}
