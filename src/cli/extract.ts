/**
 * npm run extract -- <file-or-folder>... --out <folder>|-
 *
 * Writes one <id>.json per document (the extraction format) into the folder,
 * or with `--out -` prints one JSON document per line (JSON Lines) on stdout.
 * Per-file errors go to stderr as `<path>: <CODE>: <reason>`; the other files
 * are still processed. Exit code 0 when all succeeded, 1 when any file
 * failed, 2 for usage errors (`BAD_USER_INPUT: <reason>` and the usage on
 * stderr).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { extract } from '../extract/index.ts';
import { readDocuments } from '../ingest/read-documents.ts';
import { createLogger } from '../log.ts';
import { integerFlag, parseCommandLine, usageErrorExitCode } from './command-line.ts';

const log = createLogger('extract');

export const USAGE = `usage: npm run extract -- <file-or-folder>... --out <folder>|- [--max-bytes <n>]

  Extracts organisations, people, roles and partnerships from .txt, .md,
  .html/.htm and .jsonl documents (folders are walked in sorted order).
  --out <folder>   write one <id>.json per document
  --out -          print one JSON result per line (JSON Lines) on stdout
  --max-bytes <n>  skip files larger than n bytes (default 2097152)
Exit code: 0 all documents extracted, 1 some failed, 2 usage error.`;

interface Args {
  inputs: string[];
  out: string;
  maxBytes?: number;
}

/** The arguments, or null for --help; a bad flag or a missing one throws BAD_USER_INPUT. */
function readArgs(argv: string[]): Args | null {
  const { values, positionals } = parseCommandLine({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      'max-bytes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  if (!positionals.length) throw new AppError('BAD_USER_INPUT', 'no input files or folders');
  if (values.out === undefined) throw new AppError('BAD_USER_INPUT', '--out is required');
  if (values.out === '') throw new AppError('BAD_USER_INPUT', '--out needs a folder or -');
  const maxBytes = values['max-bytes'] === undefined ? undefined : integerFlag('max-bytes', values['max-bytes'], 1, Number.MAX_SAFE_INTEGER);
  return { inputs: positionals, out: values.out, ...(maxBytes ? { maxBytes } : {}) };
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let args: Args | null;
  try {
    args = readArgs(argv);
  } catch (error) {
    return usageErrorExitCode(error, USAGE);
  }
  if (args === null) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const toStdout = args.out === '-';
  if (!toStdout) await mkdir(args.out, { recursive: true });
  let failed = 0;
  let written = 0;
  for await (const item of readDocuments(args.inputs, args.maxBytes ? { maxBytes: args.maxBytes } : {})) {
    if (item.kind === 'failure') {
      failed++;
      process.stderr.write(`${item.sourcePath}: ${item.code}: ${item.reason}\n`);
      continue;
    }
    try {
      const result = extract(item.text, {
        id: item.id,
        ...(item.title !== undefined ? { title: item.title } : {}),
        ...(item.publishedAt !== undefined ? { publishedAt: item.publishedAt } : {}),
        ...(item.url !== undefined ? { url: item.url } : {}),
      });
      if (toStdout) process.stdout.write(`${JSON.stringify(result)}\n`);
      else await writeFile(path.join(args.out, `${item.id}.json`), `${JSON.stringify(result, null, 2)}\n`);
      written++;
    } catch (error) {
      failed++;
      process.stderr.write(`${item.sourcePath}: INTERNAL_SERVER_ERROR: ${(error as Error).message}\n`);
    }
  }
  log.info(`extracted ${written} document(s)${toStdout ? '' : ` into ${args.out}`}${failed ? `, ${failed} failed` : ''}`);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`INTERNAL_SERVER_ERROR: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
