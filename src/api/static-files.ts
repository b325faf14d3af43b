/**
 * Static folders under URL prefixes (the dashboard, vendored scripts):
 * GET/HEAD only, no directory listing, no way out of the folder.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

export interface StaticRoute {
  /** URL prefix, e.g. "/dashboard". */
  prefix: string;
  /** Folder served under it. */
  dir: string;
  /** Extra response headers, e.g. CORS for files other sites load (the Browser's stylesheet). */
  headers?: Readonly<Record<string, string>>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.grss': 'text/plain; charset=utf-8',
  '.cypher': 'text/plain; charset=utf-8',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function normalizePrefix(prefix: string): string {
  const trimmed = `/${prefix.replace(/^\/+|\/+$/g, '')}`;
  return trimmed === '/' ? '' : trimmed;
}

/**
 * The file a URL path names under `route`, or null when the path is not under
 * the prefix or tries to leave the folder ("..", encoded slashes, NUL).
 */
export function resolveStaticPath(route: StaticRoute, urlPath: string): string | null {
  const prefix = normalizePrefix(route.prefix);
  if (urlPath !== prefix && !urlPath.startsWith(`${prefix}/`)) return null;
  let rest: string;
  try {
    rest = decodeURIComponent(urlPath.slice(prefix.length));
  } catch {
    return null;
  }
  if (rest.includes('\0') || rest.includes('\\')) return null;
  const segments = rest.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const root = path.resolve(route.dir);
  const file = path.resolve(root, ...segments);
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

/** Serves `req` from the first matching route; false when no route matches its path. */
export async function serveStatic(routes: readonly StaticRoute[], req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<boolean> {
  for (const route of routes) {
    const prefix = normalizePrefix(route.prefix);
    if (urlPath !== prefix && !urlPath.startsWith(`${prefix}/`)) continue;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
      return true;
    }
    // "/dashboard" → "/dashboard/" so that relative URLs in index.html resolve.
    if (urlPath === prefix) {
      res.writeHead(301, { location: `${prefix}/` }).end();
      return true;
    }
    let file = resolveStaticPath(route, urlPath);
    if (file === null) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return true;
    }
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (info === null || !info.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return true;
    }
    res.writeHead(200, {
      'content-type': contentType(file),
      'content-length': info.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      ...route.headers,
    });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
    return true;
  }
  return false;
}
