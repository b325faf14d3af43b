/**
 * CORS for /graphql from an allow-list (CORS_ORIGINS): an allowed origin gets
 * its own origin back (or `*` when the list is `*`), preflights are answered
 * 204; other origins get no CORS headers, so browsers refuse the response.
 * No credentials: mutations use a bearer token, not cookies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOW_HEADERS = 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name';
const MAX_AGE_SECONDS = '600';

/** The Access-Control-Allow-Origin value for this request, or null. */
export function allowedOrigin(origins: readonly string[], origin: string | undefined): string | null {
  if (origin === undefined || origins.length === 0) return null;
  if (origins.includes('*')) return '*';
  return origins.includes(origin) ? origin : null;
}

/** Adds CORS headers; answers a preflight and returns true when it was one. */
export function applyCors(origins: readonly string[], req: IncomingMessage, res: ServerResponse): boolean {
  const allowed = allowedOrigin(origins, req.headers.origin);
  if (origins.length > 0) res.setHeader('vary', 'origin');
  if (allowed !== null) res.setHeader('access-control-allow-origin', allowed);
  if (req.method !== 'OPTIONS') return false;
  if (allowed !== null) {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', ALLOW_HEADERS);
    res.setHeader('access-control-max-age', MAX_AGE_SECONDS);
  }
  res.writeHead(204).end();
  return true;
}
