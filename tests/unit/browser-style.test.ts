import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ENTITY_TYPES, RELATION_TYPES } from '../../src/model/types.ts';

const text = readFileSync(path.join(loadConfig().rootDir, 'cypher', 'browser-style.grss'), 'utf8');
const rules = new Map(
  text
    .trim()
    .split('\n')
    .map((line) => {
      const match = /^(node(?:\.\w+)?|relationship(?:\.\w+)?) \{(.*)\}$/.exec(line.trim());
      if (match === null) throw new Error(`Not a one-line GRASS rule: ${line}`);
      const props = Object.fromEntries(
        match[2]!
          .split(';')
          .map((p) => p.trim())
          .filter(Boolean)
          .map((p) => [p.slice(0, p.indexOf(':')).trim(), p.slice(p.indexOf(':') + 1).trim()]),
      );
      return [match[1]!, props as Record<string, string>] as const;
    }),
);
const px = (selector: string) => Number.parseInt(rules.get(selector)?.diameter ?? '0', 10);

describe('Neo4j Browser stylesheet (cypher/browser-style.grss)', () => {
  it('keeps each rule on one line, since Browser 5.24 fails on multi-line rules pasted after :style', () => {
    expect(rules.size).toBe(text.trim().split('\n').length);
  });

  it.each([...ENTITY_TYPES, 'Document', 'Alias', 'Statement'])('styles %s with its own colour', (label) => {
    expect(rules.get(`node.${label}`)?.color).toMatch(/^#[0-9A-F]{6}$/i);
  });

  it('gives every label a different colour', () => {
    const colours = [...rules].filter(([s]) => s.startsWith('node.')).map(([, p]) => p.color);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('draws organisations largest, people medium, aliases and statements small and grey', () => {
    expect(px('node.Organization')).toBeGreaterThan(px('node.Person'));
    expect(px('node.Person')).toBeGreaterThan(px('node.Alias'));
    expect(px('node.Statement')).toBeLessThanOrEqual(px('node.Alias'));
    for (const label of ['node.Alias', 'node.Statement']) expect(rules.get(label)?.color).toMatch(/^#([A-F0-9])[A-F0-9]\1/i);
  });

  it('captions organisations by short name, other nodes by name, documents by title, aliases by key, statements by type', () => {
    expect(rules.get('node.Organization')?.caption).toBe("'{shortName}'");
    for (const label of ENTITY_TYPES.filter((l) => l !== 'Organization')) expect(rules.get(`node.${label}`)?.caption).toBe("'{name}'");
    expect(rules.get('node.Document')?.caption).toBe("'{title}'");
    expect(rules.get('node.Alias')?.caption).toBe("'{key}'");
    expect(rules.get('node.Statement')?.caption).toBe("'{type}'");
  });

  // The Browser shortens a caption longer than the line it sits on ("PARTNERS_W…"): a few plain words fit.
  it.each([...RELATION_TYPES, 'MENTIONS', 'ALIAS_OF', 'STATED_IN'])('captions %s relationships with a few short words', (type) => {
    const caption = rules.get(`relationship.${type}`)?.caption;
    if (type === 'HOLDS_ROLE') return expect(caption).toBe("'{title}'");
    expect(caption).toMatch(/^'[a-z]+( [a-z]+)?'$/);
    expect(caption!.length - 2).toBeLessThanOrEqual(9);
  });
});
