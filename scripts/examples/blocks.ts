/**
 * Example blocks in the Markdown documents: what `npm run docs:examples`
 * regenerates. A block is delimited by HTML comments that Markdown does not
 * show, and holds the input (a GraphQL document, or `$ command` lines) and
 * the output the generator writes (inside a four-backtick fence, the same
 * comments are a sample of the format, not a block):
 *
 *     <!-- example: partners-of-icesco -->
 *     ```graphql
 *     { partners(of: "ICESCO") { totalCount } }
 *     ```
 *     ```json
 *     ...written by the generator...
 *     ```
 *     <!-- /example -->
 *
 *     <!-- example: extract-one-file -->
 *     ```console
 *     $ npm run extract -- some.txt --out -
 *     ...written by the generator...
 *     ```
 *     <!-- /example -->
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ExampleBlock {
  name: string;
  file: string;
  /** Character offsets of the block's content between its two comments. */
  start: number;
  end: number;
  /** The GraphQL document, for a block with a ```graphql fence. */
  graphql: string | null;
  /** The `$ ` lines of a ```console fence, without the `$ `. */
  commands: string[];
}

const BLOCK = /<!-- example: ([a-z0-9-]+) -->\n([\s\S]*?)<!-- \/example -->/g;
const OPENING = /<!-- example:[^>]*-->/g;

/** The documents that may hold examples: README.md and docs/*.md. */
export function documentFiles(root: string): string[] {
  const docs = readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => path.join('docs', f));
  return ['README.md', ...docs];
}

/** The text with four-backtick fences (which show the block format itself) blanked out, offsets kept. */
function withoutFormatSamples(markdown: string): string {
  return markdown.replace(/^````[\s\S]*?^````/gm, (sample) => sample.replace(/[^\n]/g, ' '));
}

/** Every example block of one Markdown text; a malformed opening comment is an error naming the file. */
export function exampleBlocks(file: string, markdown: string): ExampleBlock[] {
  const blocks: ExampleBlock[] = [];
  const searched = withoutFormatSamples(markdown);
  for (const match of searched.matchAll(BLOCK)) {
    const content = match[2]!;
    const start = match.index + match[0].indexOf('\n') + 1;
    const graphql = /```graphql\n([\s\S]*?)```/.exec(content)?.[1]?.trim() ?? null;
    const consoleFence = /```console\n([\s\S]*?)```/.exec(content)?.[1] ?? '';
    const commands = consoleFence
      .split('\n')
      .filter((line) => line.startsWith('$ '))
      .map((line) => line.slice(2));
    blocks.push({ name: match[1]!, file, start, end: start + content.length, graphql, commands });
  }
  const openings = searched.match(OPENING)?.length ?? 0;
  if (openings !== blocks.length) {
    throw new Error(`${file}: ${openings} example openings but ${blocks.length} complete blocks: each needs "<!-- example: <name> -->" (lower-case, digits, dashes) and "<!-- /example -->"`);
  }
  return blocks;
}

/** Every example block of README.md and docs/*.md. */
export function allExampleBlocks(root: string): ExampleBlock[] {
  return documentFiles(root).flatMap((file) => exampleBlocks(file, readFileSync(path.join(root, file), 'utf8')));
}

/** The block's new content for a GraphQL example: the document as written, then the answer. */
export function graphqlBlock(query: string, answer: unknown): string {
  return `\`\`\`graphql\n${query}\n\`\`\`\n\`\`\`json\n${JSON.stringify(answer, null, 2)}\n\`\`\`\n`;
}

/** The block's new content for a command example: each command and what it printed. */
export function consoleBlock(runs: ReadonlyArray<{ command: string; output: string }>): string {
  const lines = runs.flatMap(({ command, output }) => [`$ ${command}`, ...(output.trimEnd() === '' ? [] : [output.trimEnd()])]);
  return `\`\`\`console\n${lines.join('\n')}\n\`\`\`\n`;
}

/** The Markdown text with the given blocks' contents replaced (blocks from exampleBlocks of this text). */
export function replaceBlocks(markdown: string, replacements: ReadonlyArray<{ block: ExampleBlock; content: string }>): string {
  let out = markdown;
  for (const { block, content } of [...replacements].sort((a, b) => b.block.start - a.block.start)) {
    out = out.slice(0, block.start) + content + out.slice(block.end);
  }
  return out;
}
