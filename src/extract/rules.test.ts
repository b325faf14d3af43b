/**
 * Every rule of the catalogue on its own examples: it fires there, and
 * switched off (`disable`, the ablation of `npm run eval -- --disable <id>`)
 * no relation names it any more, which shows the first check can fail.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';
import { ENTITY_RULES, RULES, isRuleId } from './rules.ts';

/**
 * Rules whose finders name them without asking `ruleOn`, so `disable` cannot
 * switch them off yet (agreements.ts). Their ablation test is expected to fail;
 * once the finder is gated the test passes, vitest reports it, and the id is
 * removed from this list.
 */

const cases = [...RULES, ...ENTITY_RULES].flatMap((rule) => rule.examples.map((example) => ({ id: rule.id, example })));

function rulesFired(text: string, disable: readonly string[] = []): Set<string> {
  const result = extract(text, { disable });
  return new Set([...result.relations, ...result.entities].flatMap((r) => r.rules ?? []));
}

describe('extraction rules on their own examples', () => {
  it('gives every rule a unique id, a reason and at least one example', () => {
    const all = [...RULES, ...ENTITY_RULES];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    for (const rule of all) {
      expect(rule.reason.trim(), rule.id).not.toBe('');
      expect(rule.examples.length, rule.id).toBeGreaterThan(0);
    }
  });

  it.each(cases)('$id fires on its example: $example', ({ id, example }) => {
    expect([...rulesFired(example)]).toContain(id);
  });

  it.each(cases)('$id switched off no longer names any fact of its example', ({ id, example }) => {
    expect([...rulesFired(example, [id])]).not.toContain(id);
  });
});

const devDocs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/eval/dev/docs');

describe.skipIf(!existsSync(devDocs) && !process.env.CI)('rule ids on the development corpus', () => {
  it('names only rules of the catalogue', () => {
    const used = new Set<string>();
    for (const f of readdirSync(devDocs).filter((x) => x.endsWith('.txt'))) {
      for (const r of extract(readFileSync(path.join(devDocs, f), 'utf8'), { id: f }).relations) {
        expect(r.rules?.length ?? 0, `${f}: ${r.type} without rules`).toBeGreaterThan(0);
        for (const id of r.rules ?? []) used.add(id);
      }
    }
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((id) => !isRuleId(id))).toEqual([]);
  });
});
