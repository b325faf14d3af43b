/**
 * The partnership classifier: logistic regression over the features of
 * pair-features.ts, trained at build time from the gold sets by
 * `npm run train:pairs` (scripts/train-pairs.ts) and shipped as
 * pair-model.json. Deterministic at run time: a sum of weights and a
 * sigmoid.
 */
import { createRequire } from 'node:module';

export interface PairModel {
  version: 1;
  bias: number;
  weights: Record<string, number>;
  /** Probability at or above which a candidate pair is a partnership. */
  threshold: number;
  /** Gold sets and document counts the model was trained on, for the record. */
  trainedOn: string[];
}

const require = createRequire(import.meta.url);
let shipped: PairModel | null | undefined;

/** The model shipped with the extractor (null when the file is missing, e.g. before the first training). */
export function shippedPairModel(): PairModel | null {
  if (shipped === undefined) {
    try {
      shipped = require('./pair-model.json') as PairModel;
    } catch {
      shipped = null;
    }
  }
  return shipped;
}

export function pairProbability(model: PairModel, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}
