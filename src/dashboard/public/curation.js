// Corrections from the side panel: reject or confirm an edge (partnership,
// role, unit link); rename an organisation or person, merge it with another
// one picked by search or mark the two distinct; and an entity's judgement
// history with a revert button each.
// Every action says in the panel what happened, or why it failed (no token,
// a refused token, bad input): never a button left waiting.

import { CONFIRM_MUTATION, DISTINCT_MUTATION, graphql, JUDGEMENTS_QUERY, MERGE_MUTATION, REJECT_MUTATION, RENAME_MUTATION, REVERT_MUTATION } from './api.js';
import { el } from './dom.js';
import { setupSearch } from './search.js';
import { mutate, onSessionChange, session } from './session.js';

const KIND_WORDS = { MERGE: 'merge', DISTINCT: 'distinct', RENAME: 'rename', REJECT: 'reject', CONFIRM: 'confirm' };
const RELATION_WORDS = { PARTNERS_WITH: 'partnership', HOLDS_ROLE: 'role', PART_OF: 'unit link' };

/** What a failed action says: the API's message, with a hint for a missing or refused token. */
export function failureText(error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error && error.code === 'UNAUTHENTICATED') return `Not saved: ${message} Check the API token (“Correct the graph” at the top).`;
  if (error && error.code === 'NO_TOKEN') return message;
  const suggestions = (error && error.suggestions) || [];
  return `Not saved: ${message}${suggestions.length > 0 ? ` Did you mean: ${suggestions.join(', ')}?` : ''}`;
}

/** A status line for an action: "Saving…", then done or the error. */
function statusLine(testid) {
  const line = el('p', { class: 'small curate-status', 'data-testid': testid, role: 'status' });
  return {
    node: line,
    busy(text) {
      line.textContent = text;
      line.className = 'small curate-status muted';
      line.dataset.state = 'busy';
    },
    done(text) {
      line.textContent = text;
      line.className = 'small curate-status ok';
      line.dataset.state = 'done';
    },
    failed(error) {
      line.textContent = failureText(error);
      line.className = 'small curate-status panel-error';
      line.dataset.state = 'error';
      line.dataset.code = (error && error.code) || '';
    },
  };
}

/** A note under the actions while no token is entered. */
function tokenHint() {
  const hint = el('p', { class: 'small muted', 'data-testid': 'curate-token-hint' });
  const show = () => {
    hint.hidden = Boolean(session().token);
    hint.textContent = 'Corrections need the API token: enter it under “Correct the graph” at the top.';
  };
  // Panel pages are replaced often: a hint no longer on the page stops listening.
  onSessionChange(() => (hint.isConnected ? show() : false));
  show();
  return hint;
}

/**
 * Reject and Confirm for one edge. `edge` is `{ relation, from, to, title }`
 * (a RelationInput); `onDone(judgement)` runs after either succeeds.
 */
export function relationActions(edge, { onDone, label = RELATION_WORDS[edge.relation] }) {
  const reason = el('textarea', { name: 'reason', rows: 2, maxlength: 1000, placeholder: 'Why (required)', 'data-testid': 'curate-reason' });
  const status = statusLine('curate-status');
  const run = async (mutation, field, verb) => {
    buttons.forEach((b) => (b.disabled = true));
    status.busy('Saving…');
    try {
      const input = { relation: edge.relation, from: edge.from, to: edge.to };
      if (edge.title) input.title = edge.title;
      const judgement = (await mutate(mutation, { input, reason: reason.value.trim() }))[field];
      status.done(`${verb} by ${judgement.author}.`);
      reason.value = '';
      onDone(judgement);
    } catch (error) {
      status.failed(error);
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  };
  const buttons = [
    el('button', { type: 'button', class: 'button danger', 'data-testid': 'curate-reject', onclick: () => run(REJECT_MUTATION, 'rejectRelation', 'Rejected') }, 'Reject'),
    el('button', { type: 'button', class: 'button', 'data-testid': 'curate-confirm', onclick: () => run(CONFIRM_MUTATION, 'confirmRelation', 'Confirmed') }, 'Confirm'),
  ];
  return el(
    'details',
    { class: 'curate', 'data-testid': 'curate-relation', 'data-relation': edge.relation },
    el('summary', { class: 'small' }, `Reject or confirm this ${label}…`),
    tokenHint(),
    el('label', { class: 'small curate-field' }, 'Reason ', reason),
    el('div', { class: 'page-actions' }, ...buttons),
    status.node,
  );
}

/**
 * A correction that names this organisation (or person) and another one
 * picked with the search box (only the same kind, not this one): "Merge
 * with…" and "Not the same as…". `prefix` names the test ids
 * (`<prefix>-search`, `-results`, `-choice`, `-other`, `-reason`, `-submit`,
 * `-status`); `send(other, reason)` runs the mutation and resolves to the
 * judgement; `saved(judgement)` says what was recorded. With `ownNames`, the
 * entity's other names (aliases) can be picked too (`<prefix>-own-name`),
 * told by `ownSentence` (the pick is then `{ name, own: true }`).
 */
function pickedPairAction(entity, { prefix, summary, testid, prompt, sentence, button, send, saved, onDone, ownNames = null, ownSentence = null }) {
  const noun = entity.type === 'PERSON' ? 'person' : 'organisation';
  let other = null;
  const input = el('input', { type: 'search', name: 'q', placeholder: `Search the other ${noun}`, autocomplete: 'off', 'data-testid': `${prefix}-search` });
  const list = el('ul', { class: 'search-results', hidden: true, 'data-testid': `${prefix}-results` });
  const form = el('form', { class: 'search merge-search', role: 'search', autocomplete: 'off' }, input, el('button', { type: 'submit', class: 'button' }, 'Find'), list);
  const choice = el('p', { class: 'small', 'data-testid': `${prefix}-choice` }, prompt(noun));
  const reason = el('textarea', { name: 'reason', rows: 2, maxlength: 1000, placeholder: 'Why (required)', 'data-testid': `${prefix}-reason` });
  const status = statusLine(`${prefix}-status`);
  const submit = el('button', { type: 'button', class: 'button', disabled: true, 'data-testid': `${prefix}-submit` }, button);
  const pick = (picked) => {
    other = picked;
    const tell = picked.own ? ownSentence : sentence;
    choice.replaceChildren(...tell(el('strong', {}, entity.name), el('strong', { 'data-testid': `${prefix}-other` }, picked.name)));
    submit.disabled = false;
  };
  setupSearch({
    form,
    input,
    list,
    accept: (hit) => hit.type === entity.type && hit.entity.id !== entity.id,
    onPick: (hit) => pick(hit.entity),
  });
  const own =
    ownNames && ownNames.names.length > 0
      ? el(
          'p',
          { class: 'small own-names', 'data-testid': `${prefix}-own-names` },
          ownNames.label,
          ...ownNames.names.flatMap((name, i) => [
            i > 0 ? ', ' : ' ',
            el('button', { type: 'button', class: 'link', 'data-testid': `${prefix}-own-name`, onclick: () => pick({ name, own: true }) }, name),
          ]),
        )
      : null;
  submit.addEventListener('click', async () => {
    if (!other) return;
    submit.disabled = true;
    status.busy('Saving…');
    try {
      const judgement = await send(other, reason.value.trim());
      status.done(saved(judgement));
      reason.value = '';
      onDone(judgement);
    } catch (error) {
      status.failed(error);
    } finally {
      submit.disabled = other === null;
    }
  });
  return el(
    'details',
    { class: 'curate', 'data-testid': testid },
    el('summary', { class: 'small' }, summary),
    tokenHint(),
    form,
    own,
    choice,
    el('label', { class: 'small curate-field' }, 'Reason ', reason),
    el('div', { class: 'page-actions' }, submit),
    status.node,
  );
}

/**
 * "Merge with…": the other organisation (or person) is picked with the
 * search box; `onDone(judgement)` runs after the merge is recorded.
 */
export function mergeAction(entity, { onDone }) {
  return pickedPairAction(entity, {
    prefix: 'merge',
    testid: 'curate-merge',
    summary: 'Merge with…',
    prompt: (noun) => `Pick the ${noun} that is the same as this one.`,
    sentence: (self, other) => ['Merge ', self, ' with ', other, '.'],
    button: 'Merge',
    send: async (other, reason) => (await mutate(MERGE_MUTATION, { names: [entity.name, other.name], type: entity.type, reason })).mergeEntities,
    saved: (j) => `Merge recorded by ${j.author}${j.applied ? '' : ' (the graph applies merges once ingestion does)'}.`,
    onDone,
  });
}

/**
 * "Not the same as…": the other organisation (or person) is picked with the
 * search box, or one of this one's own names, and `markDistinct` keeps the
 * two apart (two nodes stay two; two names of one node split it);
 * `onDone(judgement)` runs after it is applied.
 */
export function distinctAction(entity, { onDone }) {
  return pickedPairAction(entity, {
    prefix: 'distinct',
    testid: 'curate-distinct',
    summary: 'Not the same as…',
    prompt: (noun) => `Pick the ${noun} that must never be taken for this one.`,
    sentence: (self, other) => [self, ' and ', other, ' are two.'],
    // Two names of this one node marked distinct: a split.
    ownNames: { label: 'Or one of its own names, to split it off:', names: entity.aliases || [] },
    ownSentence: (self, other) => [other, ` names another ${entity.type === 'PERSON' ? 'person' : 'organisation'} than `, self, '.'],
    button: 'Mark as distinct',
    send: async (other, reason) => (await mutate(DISTINCT_MUTATION, { a: entity.name, b: other.name, type: entity.type, reason })).markDistinct,
    saved: (j) => `Recorded by ${j.author}: ${j.names.join(' and ')} are two.`,
    onDone,
  });
}

/**
 * "Rename…": the name an organisation (or person) is shown under, from now
 * on and after any re-ingestion (`renameEntity`); its other names still find
 * it. `onDone(judgement)` runs after the rename is recorded.
 */
export function renameAction(entity, { onDone }) {
  const to = el('input', { type: 'text', name: 'to', maxlength: 300, placeholder: entity.name, autocomplete: 'off', 'data-testid': 'rename-to' });
  const reason = el('textarea', { name: 'reason', rows: 2, maxlength: 1000, placeholder: 'Why (required)', 'data-testid': 'rename-reason' });
  const status = statusLine('rename-status');
  const submit = el('button', { type: 'button', class: 'button', 'data-testid': 'rename-submit' }, 'Rename');
  submit.addEventListener('click', async () => {
    submit.disabled = true;
    status.busy('Saving…');
    try {
      const judgement = (await mutate(RENAME_MUTATION, { name: entity.name, to: to.value.trim(), type: entity.type, reason: reason.value.trim() })).renameEntity;
      status.done(`Renamed to “${judgement.name}” by ${judgement.author}.`);
      reason.value = '';
      onDone(judgement);
    } catch (error) {
      status.failed(error);
    } finally {
      submit.disabled = false;
    }
  });
  return el(
    'details',
    { class: 'curate', 'data-testid': 'curate-rename' },
    el('summary', { class: 'small' }, 'Rename…'),
    tokenHint(),
    el('label', { class: 'small curate-field' }, 'New name ', to),
    el('label', { class: 'small curate-field' }, 'Reason ', reason),
    el('div', { class: 'page-actions' }, submit),
    status.node,
  );
}

/**
 * The judgements that name an organisation or person, newest first, each
 * with Revert while it is in force. Loads itself; `onChanged(judgement)` runs after
 * a revert.
 */
export function judgementHistory(entity, { onChanged }) {
  const body = el('div', { 'data-testid': 'judgement-history', 'data-state': 'loading' }, el('p', { class: 'muted small' }, 'Loading…'));
  const load = async () => {
    body.dataset.state = 'loading';
    let connection;
    try {
      connection = (await graphql(JUDGEMENTS_QUERY, { entity: entity.name, type: entity.type, first: 50 })).judgements;
    } catch (error) {
      body.replaceChildren(
        el('p', { class: 'panel-error small', role: 'alert' }, `History could not be loaded: ${error instanceof Error ? error.message : String(error)}`),
        el('button', { type: 'button', class: 'button', onclick: load }, 'Try again'),
      );
      body.dataset.state = 'error';
      return;
    }
    const judgements = connection ? connection.edges.map((e) => e.node) : [];
    const children = [
      judgements.length === 0
        ? el('p', { class: 'muted small' }, 'No judgement names it.')
        : el('ol', { class: 'plain judgements' }, ...judgements.map((j) => judgementItem(j, async (reverted) => (await load(), onChanged(reverted))))),
      connection && connection.pageInfo.hasNextPage ? el('p', { class: 'muted small' }, 'Newest 50 shown; the rest: judgements(entity:) over GraphQL.') : null,
    ];
    body.replaceChildren(...children.filter(Boolean));
    body.dataset.state = 'ready';
  };
  load();
  return body;
}

function judgementItem(j, afterRevert) {
  const status = statusLine('judgement-status');
  const what =
    j.kind === 'REJECT' || j.kind === 'CONFIRM'
      ? `${RELATION_WORDS[j.relation] || j.relation}${j.title ? ` (${j.title})` : ''}: ${j.names.join(' – ')}`
      : j.kind === 'RENAME'
        ? `${j.names.join(', ')} → ${j.name}`
        : j.kind === 'DISTINCT'
          ? j.names.join(' ≠ ')
          : j.names.join(' + ');
  const state = j.reverted
    ? `reverted${j.revertedBy ? ` by ${j.revertedBy}` : ''}${j.revertedAt ? ` ${j.revertedAt.slice(0, 10)}` : ''}`
    : j.applied
      ? 'in force'
      : 'recorded';
  const revert = j.reverted
    ? null
    : el(
        'button',
        {
          type: 'button',
          class: 'button small',
          'data-testid': 'judgement-revert',
          onclick: async (event) => {
            event.target.disabled = true;
            status.busy('Reverting…');
            try {
              const reverted = (await mutate(REVERT_MUTATION, { id: j.id, reason: null })).revertJudgement;
              status.done('Reverted.');
              await afterRevert(reverted);
            } catch (error) {
              status.failed(error);
              event.target.disabled = false;
            }
          },
        },
        'Revert',
      );
  return el(
    'li',
    { class: 'judgement', 'data-testid': 'judgement-item', 'data-kind': j.kind, 'data-id': j.id, 'data-applied': String(j.applied), 'data-reverted': String(j.reverted) },
    el('div', { class: 'partner-head' }, el('span', { class: `chip judgement-${j.kind.toLowerCase()}` }, KIND_WORDS[j.kind] || j.kind), el('span', { class: 'small' }, what)),
    el('div', { class: 'small muted' }, `${j.author} · ${j.at.slice(0, 16).replace('T', ' ')} · ${state}`),
    el('blockquote', { class: 'small' }, j.reason),
    revert,
    status.node,
  );
}
