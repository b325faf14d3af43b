import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../errors.ts';
import { integerFlag, parseCommandLine, usageErrorExitCode } from './command-line.ts';

const OPTIONS = { out: { type: 'string', short: 'o' }, verbose: { type: 'boolean' } } as const;

describe('parseCommandLine', () => {
  it('reads flags, short flags and positionals', () => {
    const { values, positionals } = parseCommandLine({ args: ['a.txt', '-o', 'out', '--verbose', 'b.txt'], options: OPTIONS, allowPositionals: true });
    expect(values).toEqual({ out: 'out', verbose: true });
    expect(positionals).toEqual(['a.txt', 'b.txt']);
  });

  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--out'], "Option '-o, --out <value>' argument missing"],
    [['--verbose=yes'], "Option '--verbose' does not take an argument"],
  ])('turns %j into BAD_USER_INPUT saying %s', (args, message) => {
    let caught: unknown;
    try {
      parseCommandLine({ args, options: OPTIONS, allowPositionals: true });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('BAD_USER_INPUT');
    expect((caught as AppError).message).toContain(message);
  });

  it('refuses positionals unless they are allowed', () => {
    expect(() => parseCommandLine({ args: ['a.txt'], options: OPTIONS })).toThrow(/Unexpected argument 'a.txt'/);
  });
});

describe('integerFlag', () => {
  it('accepts a whole number within the range', () => {
    expect(integerFlag('runs', '7', 1, 100)).toBe(7);
  });

  it.each(['0', '101', '2.5', 'x', ''])('refuses %j naming the flag and the range', (raw) => {
    expect(() => integerFlag('runs', raw, 1, 100)).toThrow(`--runs must be a whole number from 1 to 100, got "${raw}"`);
  });
});

describe('usageErrorExitCode', () => {
  it('prints BAD_USER_INPUT and the usage on stderr and gives exit code 2', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(usageErrorExitCode(new AppError('BAD_USER_INPUT', 'no input'), 'usage: x')).toBe(2);
      expect(write).toHaveBeenCalledWith('BAD_USER_INPUT: no input\nusage: x\n');
    } finally {
      write.mockRestore();
    }
  });

  it('rethrows anything that is not a usage error', () => {
    const bug = new Error('bug');
    expect(() => usageErrorExitCode(bug, 'usage: x')).toThrow(bug);
    expect(() => usageErrorExitCode(new AppError('NOT_FOUND', 'gone'), 'usage: x')).toThrow('gone');
  });
});
