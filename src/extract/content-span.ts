/**
 * Web-page chrome: navigation, translation and cookie notices, feedback
 * widgets, share bars and "Latest articles" lists. We keep offsets into the
 * original text by choosing which lines are content instead of cutting text.
 */
import { dateLine } from './dates.ts';
import { linesOf } from './text.ts';
import type { Line } from './text.ts';

interface ChromeRule {
  re: RegExp;
  reason: string;
  /** A line the rule exists for. */
  example: string;
}

/** Lines that are never content, wherever they appear. */
export const CHROME_LINE_RULES: readonly ChromeRule[] = [
  { reason: 'translation-disclaimer', example: 'Disclaimer: You are using Google Translate.', re: /\b(google translate|translated (automatically|content)|automatic translation|translation notice|translated language)\b/i },
  { reason: 'feedback-widget', example: 'Overall, how satisfied are you about the website?', re: /^(your opinion|user feedback|give us your feedback|was this (page|article) (useful|helpful)|how would you rate|overall, how satisfied|rate this)/i },
  { reason: 'rating-scale', example: 'Extremely dissatisfied Extremely satisfied', re: /^(extremely (dis)?satisfied|not at all\b|poor\s+excellent|yes\s+no$)/i },
  { reason: 'cookie-notice', example: 'This website uses cookies to improve your browsing experience.', re: /\bcookies?\b/i },
  { reason: 'skip-link', example: 'Skip to main content', re: /^skip to\b/i },
  { reason: 'breadcrumb', example: 'Home › Media Centre › News', re: /(›|»|\s>\s.*\s>\s|^you are here\b|^home\s*[/|])/i },
  { reason: 'share-bar', example: 'Share: Facebook | X | LinkedIn | WhatsApp', re: /^(share|tweet|print this|back to|follow us|subscribe|newsletter|tags:|search\b|menu$|login\b|more news$|related (news|articles)$|latest (articles|news)$|read more$)/i },
  { reason: 'copyright', example: '© 2023 All rights reserved.', re: /(©|all rights reserved|^privacy\b|^imprint\b|^last modified\b|accessibility statement)/i },
  { reason: 'language-switch', example: 'EN | DE', re: /^(\p{L}{2}|العربية|français|english)(\s*\|\s*(\p{L}{2}|العربية|français|english))+$/iu },
  { reason: 'font-size-widget', example: 'A-  A  A+', re: /^A-\s+A\s+A\+$/ },
  { reason: 'related-link', example: 'Also read: University opens new language lab', re: /^(also read|read also|read more|related|see also|recommended|more from us)\s*:\s*\S/i },
];

/** Lines after which nothing is content (the article is over). */
export const END_OF_ARTICLE_RULES: readonly ChromeRule[] = [
  { reason: 'list-heading', example: 'Latest articles', re: /^(latest (articles|news)|related (news|articles|stories)|more news|read (more|also)|see also|other news|you may also like)\b/i },
  { reason: 'share-bar', example: 'Share on LinkedIn    Share on X', re: /^(share|print this page|back to (news|top|newsroom)|tags:|follow us|was this page)/i },
  { reason: 'copyright', example: '© 2023 All rights reserved.', re: /(^©|all rights reserved)/i },
];

/** A navigation bar: several short items separated by | or wide gaps, no sentence. */
function isNavigation(line: string): boolean {
  if (/[.!?]["”]?$/.test(line)) return false;
  const parts = line.split(/\s*\|\s*|\s{3,}/).filter(Boolean);
  return parts.length >= 3 && parts.every((p) => p.split(/\s+/).length <= 4);
}

export function isChromeLine(line: string): boolean {
  return CHROME_LINE_RULES.some((r) => r.re.test(line)) || isNavigation(line);
}

export interface ContentSpan {
  /** The headline line, or null when none was recognised. */
  headline: Line | null;
  /** The date line under the headline and its date. */
  dateLine: Line | null;
  publishedAt: string | null;
  /** Content lines (headline first), excluding the date line and chrome. */
  lines: Line[];
  start: number;
  end: number;
}

/**
 * Finds the article inside a page: the headline is the line above the first
 * date line; the article ends at the first "Latest articles"/share/copyright line.
 */
export function findContent(text: string): ContentSpan {
  const all = linesOf(text);
  const lineText = (l: Line) => text.slice(l.start, l.end);
  let headlineIdx = -1;
  let dateIdx = -1;
  let publishedAt: string | null = null;
  for (let i = 0; i < Math.min(all.length, 25); i++) {
    const l = all[i]!;
    const iso = dateLine(text, l.start, l.end);
    if (!iso) continue;
    // The headline is the nearest preceding line that is not chrome.
    for (let j = i - 1; j >= 0; j--) {
      const t = lineText(all[j]!);
      if (!isChromeLine(t) && t.split(/\s+/).length >= 3) {
        headlineIdx = j;
        break;
      }
    }
    dateIdx = i;
    publishedAt = iso;
    break;
  }
  if (headlineIdx < 0) {
    headlineIdx = all.findIndex((l) => !isChromeLine(lineText(l)));
    if (headlineIdx < 0) headlineIdx = 0;
  }
  const lines: Line[] = [];
  for (let i = headlineIdx; i < all.length; i++) {
    const l = all[i]!;
    const t = lineText(l);
    // A share bar or list heading ends the article only after some of its body (a share bar above the body is chrome).
    if (i > headlineIdx && lines.length > 1 && END_OF_ARTICLE_RULES.some((r) => r.re.test(t))) break;
    if (i === dateIdx || isChromeLine(t)) continue;
    lines.push(l);
  }
  // Without a date line, the first line is a headline only if it looks like one (short, no final period, not alone).
  const firstLine = all[headlineIdx];
  const looksLikeHeadline = !!firstLine && lines.length > 1 && !/[.!?]["”]?$/.test(lineText(firstLine)) && lineText(firstLine).split(/\s+/).length <= 25;
  const headline = dateIdx >= 0 || looksLikeHeadline ? (firstLine ?? null) : null;
  const first = lines[0];
  const last = lines[lines.length - 1];
  return {
    headline,
    dateLine: dateIdx >= 0 ? (all[dateIdx] ?? null) : null,
    publishedAt,
    lines,
    start: first?.start ?? 0,
    end: last?.end ?? 0,
  };
}
