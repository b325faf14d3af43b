/**
 * Every example block of README.md and docs/*.md, by name, in the order
 * `npm run docs:examples` runs them: reads of the sample corpus first, then
 * the mutations (which leave the graph as they found it), then the command
 * lines (the ingest commands last: they add documents). The input (the
 * GraphQL document, the commands) is written in the block itself; an entry
 * here says how to run it. Outputs that would differ from run to run
 * (timings) are normalised here, nowhere else.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface GraphqlExample {
  kind: 'graphql';
  /** Variables sent with the document. */
  variables?: (root: string) => Record<string, unknown>;
  /** Send the API token (mutations). */
  authorised?: boolean;
}

export interface CommandExample {
  kind: 'command';
  /** Files the commands expect, relative to the repository (written before they run). */
  files?: Record<string, string>;
  normalise?: (output: string) => string;
}

export type Example = GraphqlExample | CommandExample;

const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');

/**
 * What depends on the clock: "seconds: 1.61 (16.2 documents/s)", and the
 * progress lines printed along the way (how many depends on speed); the last
 * one, "[ingest] 26/26 ...", is always printed and kept.
 */
const withoutTimings = (output: string) =>
  output
    .replace(/^seconds: [\d.]+ \([\d.]+ documents\/s\)$/gm, 'seconds: … (… documents/s)')
    .split('\n')
    .filter((line) => {
      const progress = /^\[ingest\] (\d+)\/(\d+) /.exec(line);
      return progress === null || progress[1] === progress[2];
    })
    .join('\n');

export const EXAMPLES: ReadonlyArray<readonly [name: string, example: Example]> = [
  ['readme-organization', { kind: 'graphql' }],
  ['api-organization', { kind: 'graphql' }],
  ['api-partners', { kind: 'graphql' }],
  ['api-partners-units', { kind: 'graphql' }],
  ['api-connection', { kind: 'graphql' }],
  ['api-search', { kind: 'graphql' }],
  ['api-stats', { kind: 'graphql' }],
  ['api-error-date', { kind: 'graphql' }],
  ['api-error-first', { kind: 'graphql' }],
  ['api-error-not-found', { kind: 'graphql' }],
  [
    'api-ingest-document',
    {
      kind: 'graphql',
      authorised: true,
      variables: (root) => ({ input: { id: 'sfax-laval', text: read(root, 'tests/fixtures/dev/docs/dev01-sfax-laval-mou.txt') } }),
    },
  ],
  ['api-delete-document', { kind: 'graphql', authorised: true }],
  ['api-unauthenticated', { kind: 'graphql' }],
  ['extract-cli', { kind: 'command' }],
  ['extract-cli-failure', { kind: 'command', files: { '.scratch/examples/empty.txt': '' } }],
  ['ingest-cli', { kind: 'command', files: { '.scratch/examples/empty.txt': '' }, normalise: withoutTimings }],
];
