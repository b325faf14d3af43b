/**
 * The quality ratchet: extracts the evaluation kit's development sets
 * (../shared/eval/<set>, next to the repository), scores them with the kit's
 * own scorer, and fails when a set's overall F1 falls more than TOLERANCE
 * below the figure recorded in recorded-f1.json. Raise a recorded figure
 * when extraction improves (`npm run eval -- ../shared/eval/dev ../shared/eval/dev-b`
 * prints the measured ones), so that no later change loses quality unnoticed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const TOLERANCE = 0.01;
const here = path.dirname(fileURLToPath(import.meta.url));
const KIT = path.resolve(here, '../../../shared/eval');
const SCORER = path.join(KIT, 'score.mjs');
const RECORDED_FILE = path.join(here, 'recorded-f1.json');
const recorded = JSON.parse(readFileSync(RECORDED_FILE, 'utf8')) as Record<string, number>;
const sets = Object.entries(recorded);

const available = existsSync(SCORER) && sets.every(([name]) => existsSync(path.join(KIT, name, 'docs')));
const inCi = Boolean(process.env.CI);
if (!available && !inCi) {
  process.stderr.write(`quality ratchet skipped: the evaluation kit or one of its sets (${sets.map(([n]) => n).join(', ')}) is not in ${KIT} (in CI, where CI is set, this fails instead)\n`);
}

/** Extracts every document of a gold set into a temporary folder and returns the scorer's overall F1. */
function measure(set: string, predictions: string): number {
  const folder = path.join(KIT, set);
  for (const f of readdirSync(path.join(folder, 'docs')).filter((x) => x.endsWith('.txt'))) {
    const id = f.replace(/\.txt$/, '');
    const result = extract(readFileSync(path.join(folder, 'docs', f), 'utf8'), { id });
    writeFileSync(path.join(predictions, `${id}.json`), JSON.stringify(result));
  }
  const run = spawnSync(process.execPath, [SCORER, '--gold', folder, '--pred', predictions, '--json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`scorer failed on ${set} (exit ${run.status}): ${run.stderr}`);
  return (JSON.parse(run.stdout) as { overall: { f1: number } }).overall.f1;
}

describe.skipIf(!available && !inCi)('quality ratchet on the evaluation kit (tests/quality/recorded-f1.json)', () => {
  const temp: string[] = [];
  afterAll(() => {
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  });

  it('records a figure for both development sets', () => {
    expect(Object.keys(recorded).sort()).toEqual(expect.arrayContaining(['dev', 'dev-b']));
    for (const [, f1] of sets) expect(f1).toBeTypeOf('number');
  });

  it.each(sets)('keeps the overall F1 of %s no more than 0.01 below the recorded %s', { timeout: 120_000 }, (set, figure) => {
    expect(existsSync(SCORER), `evaluation kit missing: ${SCORER}`).toBe(true);
    expect(existsSync(path.join(KIT, set, 'docs')), `gold set missing: ${path.join(KIT, set)}`).toBe(true);
    const predictions = mkdtempSync(path.join(os.tmpdir(), `ratchet-${set}-`));
    temp.push(predictions);
    const f1 = measure(set, predictions);
    process.stderr.write(`quality ratchet: ${set} overall F1 ${f1.toFixed(3)} (recorded ${figure.toFixed(3)})\n`);
    if (f1 > figure + TOLERANCE) process.stderr.write(`quality ratchet: ${set} improved; raise its figure in ${path.relative(process.cwd(), RECORDED_FILE)} to ${f1.toFixed(3)}\n`);
    expect(f1, `${set} overall F1 ${f1.toFixed(4)} fell more than ${TOLERANCE} below the recorded ${figure}`).toBeGreaterThanOrEqual(figure - TOLERANCE);
  });
});
