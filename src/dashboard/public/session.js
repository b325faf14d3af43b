// The analyst's bearer token and name, for the mutations that correct the
// graph. Kept in sessionStorage (gone when the tab closes), never in the URL;
// the token travels only in the Authorization header (api.js).

import { graphql } from './api.js';

const TOKEN_KEY = 'partnership-graph.token';
const AUTHOR_KEY = 'partnership-graph.author';

function read(key) {
  try {
    return window.sessionStorage.getItem(key) || '';
  } catch {
    return '';
  }
}

function write(key, value) {
  try {
    if (value) window.sessionStorage.setItem(key, value);
    else window.sessionStorage.removeItem(key);
  } catch {
    // Storage refused (private mode...): the values last until the page is left.
  }
}

const listeners = new Set();
let token = read(TOKEN_KEY);
let author = read(AUTHOR_KEY);

export function session() {
  return { token, author };
}

/** Calls `listener()` whenever the token or the name changes, until it returns false. */
export function onSessionChange(listener) {
  listeners.add(listener);
}

export function setSession(next) {
  token = (next.token || '').trim();
  author = (next.author || '').trim();
  write(TOKEN_KEY, token);
  write(AUTHOR_KEY, author);
  for (const listener of [...listeners]) if (listener() === false) listeners.delete(listener);
}

/** An error with a code, as api.js makes them, for what the page checks before asking. */
function localError(message, code) {
  const error = new Error(message);
  error.code = code;
  return error;
}

/**
 * Runs a mutation with the token, and the analyst's name as `author`.
 * Without a token or a name it fails at once (code NO_TOKEN), without asking.
 */
export function mutate(query, variables) {
  if (!token) return Promise.reject(localError('Enter the API token (“Correct the graph” at the top) to make changes.', 'NO_TOKEN'));
  if (!author) return Promise.reject(localError('Enter your name with the token: each correction records who made it.', 'NO_TOKEN'));
  return graphql(query, { ...variables, author }, { token });
}

/**
 * Binds the token form (in a <details> of the top bar): shows whether a
 * token is set, saves or forgets it.
 */
export function bindSessionForm(form, status) {
  const field = (name) => form.elements.namedItem(name);
  const show = () => {
    field('author').value = author;
    field('token').value = token;
    status.textContent = token ? `Correcting as ${author || '(no name)'}` : 'Correct the graph';
    status.dataset.state = token ? 'on' : 'off';
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    setSession({ token: field('token').value, author: field('author').value });
    form.closest('details')?.removeAttribute('open');
  });
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    setSession({ token: '', author: '' });
  });
  onSessionChange(show);
  show();
}
