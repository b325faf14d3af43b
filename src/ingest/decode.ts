/**
 * Bytes to text, for press archives in any common encoding: a byte-order mark
 * decides (UTF-8, UTF-16LE, UTF-16BE); otherwise valid UTF-8 is UTF-8,
 * NUL-patterned bytes are BOM-less UTF-16, and anything else goes to a
 * maintained detector (chardet) and decoder (iconv-lite) for legacy
 * encodings such as Windows-1252 and ISO-8859-x. Binary content is refused.
 */
import { createRequire } from 'node:module';

// Loaded on first use: most documents are UTF-8 and never need them, and
// loading both costs a one-document `npm run extract` ~0.1 s.
const requireLazily = createRequire(import.meta.url);
let iconvModule: typeof import('iconv-lite') | undefined;
let chardetModule: typeof import('chardet') | undefined;
const iconv = {
  decode: (buffer: Buffer, encoding: string): string => (iconvModule ??= requireLazily('iconv-lite') as typeof import('iconv-lite')).decode(buffer, encoding),
};
const chardet = {
  analyse: (buffer: Buffer) => (chardetModule ??= requireLazily('chardet') as typeof import('chardet')).analyse(buffer),
};

export type Decoded = { text: string; encoding: string } | { code: 'NOT_TEXT'; reason: string };

/** Legacy encodings we accept from the detector (names as chardet reports them). */
const LEGACY = new Set([
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'ISO-8859-1',
  'ISO-8859-2',
  'ISO-8859-5',
  'ISO-8859-6',
  'ISO-8859-7',
  'ISO-8859-8',
  'ISO-8859-9',
  'KOI8-R',
  'Shift_JIS',
  'EUC-JP',
  'EUC-KR',
  'GB18030',
  'Big5',
]);

/** Share of control characters (other than tab, newlines, form feed) above which decoded text is taken for binary. */
const MAX_CONTROL_SHARE = 0.01;

function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 8192);
  if (n < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const pairs = n / 2;
  // Mostly-Latin text in UTF-16 has a zero in the same half of nearly every pair.
  if (pairs >= 4 && oddZeros / pairs > 0.7 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (pairs >= 4 && evenZeros / pairs > 0.7 && oddZeros / pairs < 0.05) return 'utf-16be';
  return null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function binaryReason(text: string): string | null {
  if (text.includes('\u0000')) return 'binary content (NUL bytes)';
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > Math.max(2, text.length * MAX_CONTROL_SHARE)) return 'binary content (control characters)';
  return null;
}

function accept(text: string, encoding: string): Decoded {
  const reason = binaryReason(text);
  return reason === null ? { text, encoding } : { code: 'NOT_TEXT', reason };
}

/** Decodes a file's bytes, saying which encoding was used, or explains why they are not text. */
export function decodeText(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    const text = strictUtf8(buffer.subarray(3));
    return text === null ? { code: 'NOT_TEXT', reason: 'invalid UTF-8 after a UTF-8 byte-order mark' } : accept(text, 'utf-8');
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return accept(iconv.decode(buffer.subarray(2), 'utf-16le'), 'utf-16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return accept(iconv.decode(buffer.subarray(2), 'utf-16be'), 'utf-16be');
  if (buffer.includes(0)) {
    const utf16 = utf16Guess(buffer);
    if (utf16 !== null) return accept(iconv.decode(buffer, utf16), utf16);
    return { code: 'NOT_TEXT', reason: 'binary content (NUL bytes)' };
  }
  const utf8 = strictUtf8(buffer);
  if (utf8 !== null) return accept(utf8, 'utf-8');
  const detected = (chardet.analyse(buffer) ?? []).find((match) => LEGACY.has(match.name));
  if (detected === undefined) return { code: 'NOT_TEXT', reason: 'invalid UTF-8, and no known legacy encoding detected' };
  // As browsers do: text labelled Latin-1 is decoded as its superset Windows-1252 (curly quotes, dashes, euro sign in 0x80-0x9F).
  const encoding = detected.name === 'ISO-8859-1' ? 'windows-1252' : detected.name;
  return accept(iconv.decode(buffer, encoding), encoding.toLowerCase());
}
