/**
 * npm run train:pairs -- <gold-folder>... [--out src/extract/pair-model.json] [--folds 5] [--check-only]
 *
 * Trains the partnership classifier (logistic regression, src/extract/pair-model.ts) on the candidate
 * pairs the extractor proposes for the gold sets' documents, labelled by the gold partnerships. Prints
 * how it does on documents it was not trained on: k-fold over all documents, and, with two or more
 * sets, trained on all sets but one and tested on the one left out. Deterministic: same data, same model.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extract } from '../src/extract/index.ts';
import type { PairModel } from '../src/extract/pair-model.ts';
import { pairLabels } from './eval-match.ts';
import type { GoldFile } from './eval-match.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals: folders } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: path.join(repo, 'src/extract/pair-model.json') },
    folds: { type: 'string', default: '5' },
    epochs: { type: 'string', default: '600' },
    l2: { type: 'string', default: '0.002' },
    'check-only': { type: 'boolean', default: false },
  },
});
if (!folders.length) {
  process.stderr.write('usage: npm run train:pairs -- <gold-folder>... [--out FILE] [--folds N] [--check-only]\n');
  process.exit(2);
}

interface Example { features: string[]; label: 0 | 1; doc: string; pair: string }
interface Doc { id: string; set: string; examples: Example[]; goldPairs: Set<string> }

const docs: Doc[] = [];
for (const folder of folders) {
  const set = path.basename(path.resolve(folder));
  const dir = path.join(folder, 'docs');
  if (!existsSync(dir)) throw new Error(`no docs/ in ${folder}`);
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const id = f.replace(/\.txt$/, '');
    const goldPath = path.join(folder, 'gold', `${id}.json`);
    if (!existsSync(goldPath)) continue;
    const raw: Array<{ source: string; target: string; features: string[] }> = [];
    const result = extract(readFileSync(path.join(dir, f), 'utf8'), {
      id,
      pairModel: null,
      onPairCandidate: (c) => raw.push({ source: c.source.name, target: c.target.name, features: c.features }),
    });
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile;
    const { orgOf, goldPairs, pairKey } = pairLabels(gold, result);
    const idOf = (name: string) => result.entities.find((e) => e.type === 'Organization' && e.name === name)?.id;
    const examples: Example[] = [];
    for (const c of raw) {
      const a = idOf(c.source);
      const b = idOf(c.target);
      if (!a || !b) continue;
      const pair = pairKey(orgOf.get(a)!, orgOf.get(b)!);
      examples.push({ features: c.features, label: goldPairs.has(pair) ? 1 : 0, doc: `${set}/${id}`, pair });
    }
    docs.push({ id: `${set}/${id}`, set, examples, goldPairs });
  }
}

function train(data: Example[]): { bias: number; weights: Map<string, number> } {
  const index = new Map<string, number>();
  for (const e of data) for (const f of e.features) if (!index.has(f)) index.set(f, index.size);
  const w = new Float64Array(index.size);
  let b = 0;
  const epochs = Number(values.epochs);
  const l2 = Number(values.l2);
  const xs = data.map((e) => [...new Set(e.features)].map((f) => index.get(f)!));
  const pos = data.filter((e) => e.label).length || 1;
  const neg = data.length - pos || 1;
  // Classes weighted to balance: a partnership missed costs as much as all the non-partnerships together.
  const cw = (y: number) => (y ? data.length / (2 * pos) : data.length / (2 * neg));
  for (let epoch = 0; epoch < epochs; epoch++) {
    const g = new Float64Array(index.size);
    let gb = 0;
    const lr = 0.5 / Math.sqrt(1 + epoch / 50);
    data.forEach((e, i) => {
      let z = b;
      for (const k of xs[i]!) z += w[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const d = (p - e.label) * cw(e.label);
      gb += d;
      for (const k of xs[i]!) g[k]! += d;
    });
    b -= (lr * gb) / data.length;
    for (let k = 0; k < w.length; k++) w[k] = w[k]! - lr * (g[k]! / data.length + l2 * w[k]!);
  }
  const weights = new Map<string, number>();
  for (const [f, k] of index) if (Math.abs(w[k]!) >= 1e-3) weights.set(f, Math.round(w[k]! * 1e4) / 1e4);
  return { bias: Math.round(b * 1e4) / 1e4, weights };
}

function prob(m: { bias: number; weights: Map<string, number> }, features: string[]): number {
  let z = m.bias;
  for (const f of new Set(features)) z += m.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** Document-level pair scores: the best sentence's probability for each predicted pair. */
function scoreDocs(m: { bias: number; weights: Map<string, number> }, test: Doc[]): Array<{ doc: Doc; scores: Map<string, number> }> {
  return test.map((doc) => {
    const scores = new Map<string, number>();
    for (const e of doc.examples) scores.set(e.pair, Math.max(scores.get(e.pair) ?? 0, prob(m, e.features)));
    return { doc, scores };
  });
}

function f1At(scored: ReturnType<typeof scoreDocs>, threshold: number): { p: number; r: number; f: number } {
  let tp = 0;
  let np = 0;
  let ng = 0;
  for (const { doc, scores } of scored) {
    ng += doc.goldPairs.size;
    for (const [pair, s] of scores) {
      if (s < threshold || pair.split('|').some((x) => !x.startsWith('g')) && false) continue;
      // Pairs of unmatched organisations are predictions too (false positives).
      np++;
      if (doc.goldPairs.has(pair)) tp++;
    }
  }
  const p = np ? tp / np : 0;
  const r = ng ? tp / ng : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

function bestThreshold(scored: ReturnType<typeof scoreDocs>): number {
  let best = 0.5;
  let bestF = -1;
  for (let t = 0.2; t <= 0.9; t += 0.025) {
    const { f } = f1At(scored, t);
    if (process.env.TRACE) process.stderr.write(`t=${t.toFixed(3)} f=${f.toFixed(3)}\n`);
    if (f > bestF + 1e-9) {
      bestF = f;
      best = Math.round(t * 1000) / 1000;
    }
  }
  return best;
}

const fmt = (x: { p: number; r: number; f: number }) => `P ${x.p.toFixed(3)}  R ${x.r.toFixed(3)}  F1 ${x.f.toFixed(3)}`;
const examplesOf = (ds: Doc[]) => ds.flatMap((d) => d.examples);

// k-fold over documents (every k-th document in a fold: deterministic).
const k = Math.max(2, Number(values.folds));
const oof: ReturnType<typeof scoreDocs> = [];
for (let fold = 0; fold < k; fold++) {
  const test = docs.filter((_, i) => i % k === fold);
  const model = train(examplesOf(docs.filter((_, i) => i % k !== fold)));
  oof.push(...scoreDocs(model, test));
}
const oofThreshold = bestThreshold(oof);
process.stdout.write(`candidates ${examplesOf(docs).length} (${examplesOf(docs).filter((e) => e.label).length} positive) in ${docs.length} documents\n`);
process.stdout.write(`${k}-fold, documents not trained on (threshold ${oofThreshold}): ${fmt(f1At(oof, oofThreshold))}\n`);
const sets = [...new Set(docs.map((d) => d.set))];
if (sets.length > 1) {
  for (const held of sets) {
    const model = train(examplesOf(docs.filter((d) => d.set !== held)));
    const scored = scoreDocs(model, docs.filter((d) => d.set === held));
    process.stdout.write(`trained without ${held}, tested on ${held} (threshold ${oofThreshold}): ${fmt(f1At(scored, oofThreshold))}\n`);
  }
}
if (!values['check-only']) {
  const model = train(examplesOf(docs));
  const out: PairModel = {
    version: 1,
    bias: model.bias,
    threshold: oofThreshold,
    trainedOn: sets.map((s) => `${s} (${docs.filter((d) => d.set === s).length} documents)`),
    weights: Object.fromEntries([...model.weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
  writeFileSync(values.out, `${JSON.stringify(out, null, 1)}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), values.out)}: ${model.weights.size} weights, threshold ${oofThreshold}\n`);
}
