/**
 * Runs a compiled entry point (`npm start`, `npm run extract`, `npm run ingest`):
 *
 *   node scripts/run-built.mjs dist/src/cli/extract.js [args...]
 *
 * compiling src/ into dist/ first only when the sources changed since the last
 * build. `tsc -b` alone costs 0.7-1.7 s even when nothing changed; this check
 * is one stat per source file. The sources' fingerprint (path, size and mtime
 * of every file the build reads, and of the folders that hold them, so added
 * and deleted files count) is taken before compiling and stored in
 * dist/.sources-fingerprint once the build succeeds: any difference, older
 * mtimes included, compiles again. The compile is `tsc -p` (incremental,
 * comparing file contents), not `tsc -b` (which trusts timestamps).
 *
 * The entry then runs in this process (no second Node start), with
 * process.argv as if it had been started directly. Compiler output goes to
 * stderr, so stdout carries only what the entry prints.
 *
 * Plain JavaScript on purpose: it has to run before anything is compiled.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSCONFIG = 'tsconfig.build.json';
const FINGERPRINT_FILE = path.join(ROOT, 'dist', '.sources-fingerprint');
/** What tsconfig.build.json compiles (its "include"), and the files that configure the compile. */
const SOURCE_DIRS = ['src', 'neo4j-local'];
const CONFIG_FILES = ['tsconfig.json', TSCONFIG, 'package.json', 'package-lock.json'];
/** Never compiled (tsconfig.build.json "exclude"): changes there need no build. */
const EXCLUDED_DIRS = new Set([path.join('src', 'dashboard', 'public')]);
const USAGE = 'usage: node scripts/run-built.mjs <dist/...js entry point> [arguments...]';

function fingerprintOfSources() {
  const hash = createHash('sha256');
  const add = (relative) => {
    try {
      const stat = statSync(path.join(ROOT, relative));
      hash.update(`${relative}\0${stat.size}\0${stat.mtimeMs}\n`);
    } catch {
      hash.update(`${relative}\0missing\n`);
    }
  };
  const walk = (relative) => {
    add(relative);
    let entries;
    try {
      entries = readdirSync(path.join(ROOT, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return; // no such folder: `add` has recorded it as missing
    }
    for (const entry of entries) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) {
        if (!EXCLUDED_DIRS.has(child)) walk(child);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) add(child);
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  for (const file of CONFIG_FILES) add(file);
  return hash.digest('hex');
}

function storedFingerprint() {
  try {
    return readFileSync(FINGERPRINT_FILE, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Compiles when the sources changed; returns a non-zero exit code when the compile failed. */
function buildIfStale() {
  const fingerprint = fingerprintOfSources();
  if (fingerprint === storedFingerprint()) return 0;
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', TSCONFIG], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    process.stderr.write(`BUILD_FAILED: tsc -p ${TSCONFIG} exited with ${result.status ?? result.signal}\n`);
    return result.status || 1;
  }
  mkdirSync(path.dirname(FINGERPRINT_FILE), { recursive: true });
  writeFileSync(FINGERPRINT_FILE, `${fingerprint}\n`);
  return 0;
}

const [entry, ...args] = process.argv.slice(2);
if (entry === undefined || !entry.endsWith('.js')) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const code = buildIfStale();
if (code !== 0) process.exit(code);
const entryPath = path.resolve(ROOT, entry);
process.argv = [process.argv[0], entryPath, ...args];
await import(pathToFileURL(entryPath).href);
