// "What's new": the change feed (changes(newestFirst: true)), newest first:
// each change with its kind, the entities it names (opening their pages), its
// date, and a link to the sentence in the document that caused it. Since the
// last ingest (the newest run of changes without a pause of more than
// INGEST_PAUSE_MS), or the last 7 or 30 days.

import { CHANGES_QUERY, graphql } from './api.js';
import { el } from './dom.js';
import { KIND_LABELS } from './encodings.js';

export const PAGE = 50;
/** Changes closer together than this belong to one ingest run. */
export const INGEST_PAUSE_MS = 10 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const KIND_WORDS = {
  NEW_PARTNERSHIP: 'new partnership',
  NEW_KIND: 'new kind',
  PARTNERSHIP_ENDED: 'partnership ended',
  PARTNERSHIP_REMOVED: 'partnership removed',
  NEW_ROLE: 'new role',
  AGREEMENT_STATUS: 'agreement status',
  DOCUMENT_DELETED: 'document deleted',
};

/**
 * The changes of the newest ingest run: from the newest change back to the
 * first pause longer than `pause` ms (changes are given newest first).
 */
export function lastRun(changes, pause = INGEST_PAUSE_MS) {
  const out = [];
  for (const c of changes) {
    if (out.length > 0 && Date.parse(out[out.length - 1].at) - Date.parse(c.at) > pause) return { changes: out, complete: true };
    out.push(c);
  }
  return { changes: out, complete: false };
}

/** The `since` instant of a choice ('7d', '30d'), or null for the last ingest. */
export function sinceOf(choice, now = Date.now()) {
  const days = { '7d': 7, '30d': 30 }[choice];
  return days === undefined ? null : new Date(now - days * DAY_MS).toISOString();
}

/**
 * Binds the panel: `root` is a <details> holding a `select[name=since]`, a
 * list and a "More" button. Loads when first opened (and on a new choice);
 * `open(ref)` opens an entity or a document in the side panel.
 */
export function bindChanges(root, { open }) {
  const select = root.querySelector('select[name=since]');
  const list = root.querySelector('[data-testid=changes-list]');
  const more = root.querySelector('[data-testid=changes-more]');
  const note = root.querySelector('[data-testid=changes-note]');
  let request = 0;
  let after = null;
  let previous = null;
  let loaded = false;

  const entityButton = (e) => {
    if (!e) return null;
    const kind = e.type.toLowerCase();
    return el('button', { type: 'button', class: 'link', onclick: () => open({ kind, id: e.id, name: e.name }) }, e.name);
  };

  function item(c) {
    const who =
      c.kind === 'AGREEMENT_STATUS'
        ? [entityButton(c.subject), c.parties.length > 0 ? ' (' : null, ...c.parties.flatMap((p, i) => [i > 0 ? ', ' : null, entityButton(p)]), c.parties.length > 0 ? ')' : null]
        : [entityButton(c.subject), c.object ? (c.kind === 'NEW_ROLE' ? ' at ' : ' – ') : null, entityButton(c.object)];
    const detail = [
      c.title ? `${c.title}` : null,
      c.kinds.length > 0 ? c.kinds.map((k) => KIND_LABELS[k] || k.toLowerCase()).join(', ') : null,
      c.to ? `${c.from ? `${c.from.toLowerCase()} → ` : ''}${c.to.toLowerCase()}` : null,
    ].filter(Boolean);
    const documentRef = c.document
      ? c.evidence && Number.isInteger(c.evidence.start)
        ? { kind: 'document', id: c.document.id, start: c.evidence.start, end: c.evidence.end, name: c.document.title || c.document.id }
        : { kind: 'document', id: c.document.id, name: c.document.title || c.document.id }
      : null;
    return el(
      'li',
      { class: 'change', 'data-testid': 'change', 'data-kind': c.kind },
      el('div', { class: 'partner-head' }, el('span', { class: `chip change-${c.kind.toLowerCase()}` }, KIND_WORDS[c.kind] || c.kind), el('span', {}, ...who)),
      el(
        'div',
        { class: 'small muted' },
        el('time', { datetime: c.at, 'data-testid': 'change-at' }, c.at.slice(0, 16).replace('T', ' ')),
        detail.length > 0 ? ` · ${detail.join(' · ')}` : '',
        documentRef
          ? el('span', {}, ' · ', el('button', { type: 'button', class: 'link', 'data-testid': 'change-document', title: c.evidence ? c.evidence.text : 'The document', onclick: () => open(documentRef) }, c.document.title || c.document.id))
          : null,
      ),
    );
  }

  async function load(append) {
    const mine = ++request;
    const choice = select.value;
    if (!append) {
      after = null;
      previous = null;
      list.replaceChildren();
      note.textContent = 'Loading…';
    }
    more.hidden = true;
    root.dataset.state = 'loading';
    let connection;
    try {
      connection = (await graphql(CHANGES_QUERY, { since: sinceOf(choice), first: PAGE, after })).changes;
    } catch (error) {
      if (mine !== request) return;
      note.textContent = `Changes could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
      root.dataset.state = 'error';
      return;
    }
    if (mine !== request) return;
    let changes = connection.edges.map((e) => e.node);
    let hasMore = connection.pageInfo.hasNextPage;
    if (choice === 'last') {
      // The run goes on from the last change already shown.
      const run = lastRun(previous ? [previous, ...changes] : changes);
      changes = previous ? run.changes.slice(1) : run.changes;
      hasMore = hasMore && !run.complete;
    }
    if (changes.length > 0) previous = changes[changes.length - 1];
    after = connection.pageInfo.endCursor;
    list.append(...changes.map(item));
    const shown = list.children.length;
    note.textContent = shown === 0 ? 'No change in this period.' : `${shown} change${shown === 1 ? '' : 's'}, newest first${hasMore ? '' : ' (all)'}`;
    more.hidden = !hasMore;
    root.dataset.state = 'ready';
  }

  root.addEventListener('toggle', () => {
    if (root.open && !loaded) {
      loaded = true;
      load(false);
    }
  });
  select.addEventListener('change', () => {
    loaded = true;
    load(false);
  });
  more.addEventListener('click', () => load(true));

  return {
    /** Reloads when shown (after a correction, say). */
    refresh() {
      if (root.open) load(false);
      else loaded = false;
    },
  };
}
