/**
 * npm run extract -- <file-or-folder>... --out <folder>|-
 *
 * Writes one <id>.json per document (the extraction format) into the folder,
 * or with `--out -` prints one JSON document per line (JSON Lines) on stdout.
 * Per-file errors go to stderr as `<path>: <CODE>: <reason>`; the other files
 * are still processed. Exit code 0 when all succeeded, 1 when any file
 * failed, 2 for usage errors.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { extract } from '../extract/index.ts';
import { readDocuments } from '../ingest/read-documents.ts';
import { createLogger } from '../log.ts';

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

function parseArgs(argv: string[]): Args | string {
  const inputs: string[] = [];
  let out: string | undefined;
  let maxBytes: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out' || a === '-o') {
      out = argv[++i];
      if (out === undefined) return '--out needs a folder or -';
    } else if (a === '--max-bytes') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n <= 0) return '--max-bytes needs a positive integer';
      maxBytes = n;
    } else if (a === '--help' || a === '-h') return '';
    else if (a.startsWith('-') && a !== '-') return `unknown option ${a}`;
    else inputs.push(a);
  }
  if (!inputs.length) return 'no input files or folders';
  if (out === undefined) return '--out is required';
  return { inputs, out, ...(maxBytes ? { maxBytes } : {}) };
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    if (args) process.stderr.write(`error: ${args}\n`);
    process.stderr.write(`${USAGE}\n`);
    return args ? 2 : 0;
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
