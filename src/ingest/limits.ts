/**
 * Declared limits on a document's fields, shared by every way in (files,
 * .jsonl lines, the ingestDocument mutation) and stated in schema.graphql.
 * Checked before anything reaches the database: a 9,000-character id used to
 * fail there as "index key too large".
 */
export const DOCUMENT_LIMITS = Object.freeze({
  /** Characters in a document id. */
  idLength: 256,
  /** Characters in a title. */
  titleLength: 1_000,
  /** Characters in a URL. */
  urlLength: 2_048,
});

export interface DocumentFields {
  id?: string | null;
  title?: string | null;
  url?: string | null;
  publishedAt?: string | null;
}

export interface FieldProblem {
  /** The field at fault: id, title, url or publishedAt. */
  field: keyof DocumentFields;
  message: string;
}

// Control characters make ids that cannot be typed, printed or put in a URL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The first field that breaks a declared limit, or null. */
export function documentFieldProblem(fields: DocumentFields): FieldProblem | null {
  const { id, title, url, publishedAt } = fields;
  if (id !== null && id !== undefined) {
    if (id.trim() === '') return { field: 'id', message: 'must not be blank' };
    if (id.length > DOCUMENT_LIMITS.idLength) return { field: 'id', message: `must be at most ${DOCUMENT_LIMITS.idLength} characters, got ${id.length}` };
    if (CONTROL.test(id)) return { field: 'id', message: 'must not contain control characters' };
  }
  if (title !== null && title !== undefined && title.length > DOCUMENT_LIMITS.titleLength) {
    return { field: 'title', message: `must be at most ${DOCUMENT_LIMITS.titleLength} characters, got ${title.length}` };
  }
  if (url !== null && url !== undefined && url.length > DOCUMENT_LIMITS.urlLength) {
    return { field: 'url', message: `must be at most ${DOCUMENT_LIMITS.urlLength} characters, got ${url.length}` };
  }
  if (publishedAt !== null && publishedAt !== undefined && publishedAt !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(publishedAt)) {
    return { field: 'publishedAt', message: `must be YYYY-MM-DD, got "${publishedAt.slice(0, 40)}"` };
  }
  return null;
}
