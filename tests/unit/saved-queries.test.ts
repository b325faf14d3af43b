import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { loadSavedQueries, parseSavedQuery } from '../support/saved-queries.ts';

const queries = loadSavedQueries(loadConfig().rootDir);

describe('saved Cypher queries (cypher/queries)', () => {
  it('cover the analyst views', () => {
    expect(queries.map((q) => q.file)).toEqual([
      '01-partner-network.cypher',
      '02-all-partnerships.cypher',
      '03-agreements-by-status.cypher',
      '04-people-and-roles.cypher',
      '05-shortest-chain.cypher',
      '06-organizations-per-country.cypher',
      '07-partnerships-per-area.cypher',
      '08-partnership-evidence.cypher',
    ]);
  });

  it.each(queries.map((q) => [q.file, q] as const))('%s opens with a comment that explains it', (_file, query) => {
    const prose = query.header.filter((line) => !line.startsWith(':param'));
    expect(prose.length).toBeGreaterThanOrEqual(2);
    expect(prose.join(' ').length).toBeGreaterThan(60);
  });

  it.each(queries.map((q) => [q.file, q] as const))('%s sets every $param it uses with a :param line, and no others', (_file, query) => {
    expect(Object.keys(query.params).sort()).toEqual(query.usedParams);
  });

  it.each(queries.map((q) => [q.file, q] as const))('%s builds no value by string concatenation', (_file, query) => {
    const withoutLiterals = query.cypher.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
    expect(withoutLiterals).not.toMatch(/''\s*\+|\+\s*''/);
    expect(query.cypher).not.toMatch(/\$\{|`\s*\+/);
  });

  it.each(queries.map((q) => [q.file, q] as const))('%s is one statement', (_file, query) => {
    expect(query.cypher).not.toMatch(/;\s*\S/);
    expect(query.cypher).toMatch(/\bRETURN\b/);
  });

  it.each(queries.filter((q) => q.usedParams.length > 0).map((q) => [q.file, q] as const))(
    '%s resolves names through full names, aliases and Alias nodes',
    (_file, query) => {
      expect(query.cypher).toMatch(/toLower\(\w+\.name\) = toLower\(trim\(\$\w+\)\)/);
      expect(query.cypher).toMatch(/coalesce\(\w+\.aliases, \[\]\)/);
      expect(query.cypher).toMatch(/\(al:Alias\)-\[:ALIAS_OF\]->/);
    },
  );

  it('flags a concatenated value and a missing :param line', () => {
    const bad = parseSavedQuery('bad.cypher', "// Finds one organisation by a name glued into the text.\n// Bad on purpose.\nMATCH (o:Organization) WHERE o.name = 'IC' + 'ESCO' OR o.id = $id RETURN o;");
    const withoutLiterals = bad.cypher.replace(/'(?:[^'\\]|\\.)*'/g, "''");
    expect(withoutLiterals).toMatch(/''\s*\+/);
    expect(Object.keys(bad.params)).not.toEqual(bad.usedParams);
  });

  it('parses :param values as Cypher literals', () => {
    const query = parseSavedQuery('x.cypher', "// x\n// :param org => 'O\\'Neil Institute'\n// :param n => 3\nRETURN $org, $n");
    expect(query.params).toEqual({ org: "O'Neil Institute", n: 3 });
  });
});
