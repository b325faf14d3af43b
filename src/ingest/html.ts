/**
 * HTML to text for extraction: scripts, styles, navigation, headers, footers,
 * forms and asides are dropped; links keep their text only.
 */
import { createRequire } from 'node:module';

// Loaded on the first HTML page: plain-text documents never need it, and
// loading it costs a one-document `npm run extract` ~0.05 s.
const requireLazily = createRequire(import.meta.url);
let htmlToText: typeof import('html-to-text') | undefined;
const convert: typeof import('html-to-text').convert = (html, options) =>
  (htmlToText ??= requireLazily('html-to-text') as typeof import('html-to-text')).convert(html, options);

const SKIPPED = ['script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'svg', 'button'];

/** The readable text of an HTML page, one block per line. */
export function htmlToPlainText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      ...SKIPPED.map((selector) => ({ selector, format: 'skip' as const })),
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' as const },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' as const },
    ],
  });
}
