/**
 * `GET /export/graph.gexf`, `graph.graphml`, `graph.jsonl`, `nodes.csv` and
 * `relationships.csv`, each with an optional `?asOf=YYYY-MM-DD`: the files
 * of `npm run export`, as downloads.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAppError } from '../errors.ts';
import { exportFileNamed, parseAsOf, readExport } from '../export/index.ts';
import type { ReadRows } from '../export/index.ts';

export const EXPORT_PREFIX = '/export/';

function sendError(res: ServerResponse, status: number, message: string, code: string): void {
  const text = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
}

/** Answers one export request. */
export async function serveExport(req: IncomingMessage, res: ServerResponse, url: URL, read: ReadRows): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const found = exportFileNamed(url.pathname.slice(EXPORT_PREFIX.length));
  if (found === null) return sendError(res, 404, `Nothing at ${url.pathname}: exports are graph.gexf, graph.graphml, graph.jsonl, nodes.csv and relationships.csv.`, 'NOT_FOUND');
  let asOf: string | null;
  try {
    asOf = parseAsOf('asOf', url.searchParams.get('asOf'));
  } catch (error) {
    if (isAppError(error)) return sendError(res, 400, error.message, error.code);
    throw error;
  }
  const data = await readExport(read, found.format, asOf);
  const body = found.file.render(data);
  const name = asOf === null ? found.file.name : found.file.name.replace(/\./, `-${asOf}.`);
  res.writeHead(200, {
    'content-type': found.file.contentType,
    'content-length': Buffer.byteLength(body),
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
