/**
 * Command-line flags for the CLIs, scripts and benchmarks: node:util's
 * parseArgs (strict: unknown flags and missing values are errors), with its
 * errors turned into BAD_USER_INPUT so that every command reports them the
 * same way, as one `BAD_USER_INPUT: <reason>` line, its usage, exit code 2.
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { AppError, formatErrorLine, isAppError } from '../errors.ts';

/** Exit code of a command called the wrong way. */
export const USAGE_EXIT_CODE = 2;

/** parseArgs with `strict: true`; a flag it rejects throws AppError BAD_USER_INPUT. */
export function parseCommandLine<const T extends Omit<ParseArgsConfig, 'strict'>>(config: T): ReturnType<typeof parseArgs<T & { strict: true }>> {
  try {
    return parseArgs({ ...config, strict: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      throw new AppError('BAD_USER_INPUT', (error as Error).message, { cause: error });
    }
    throw error;
  }
}

/** A whole number from min to max given as a flag's text, else BAD_USER_INPUT naming the flag. */
export function integerFlag(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new AppError('BAD_USER_INPUT', `--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/**
 * For a command's top-level catch: a BAD_USER_INPUT error prints its line and
 * the usage to stderr and gives exit code 2; anything else is rethrown.
 */
export function usageErrorExitCode(error: unknown, usage: string): number {
  if (!isAppError(error) || error.code !== 'BAD_USER_INPUT') throw error;
  process.stderr.write(`BAD_USER_INPUT: ${error.message}\n${usage}\n`);
  return USAGE_EXIT_CODE;
}

/** Runs a command's `main` on its arguments: what it returns is the exit code; an error it lets through is one line on stderr and exit code 1. */
export function runCommand(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${formatErrorLine(error)}\n`);
      process.exitCode = 1;
    },
  );
}
