// The search box: names and aliases of every kind of entity; a hit opens its page.

import { graphql, SEARCH_QUERY } from './api.js';
import { el, showError } from './dom.js';

const TYPE_NAMES = { ORGANIZATION: 'organisation', PERSON: 'person', COUNTRY: 'country', PLACE: 'place', PROGRAMME: 'programme', EVENT: 'event', AGREEMENT: 'agreement', TOPIC: 'area' };

/** Binds the search form; `onPick(hit)` is called with the chosen hit; `accept(hit)` keeps only some hits. */
export function setupSearch({ form, input, list, onPick, accept = () => true }) {
  let timer = null;
  let request = 0;

  const run = async () => {
    const text = input.value.trim();
    const mine = ++request;
    if (text.length < 2) {
      list.hidden = true;
      list.replaceChildren();
      return;
    }
    let hits;
    try {
      hits = (await graphql(SEARCH_QUERY, { text })).search.filter(accept);
    } catch (error) {
      if (mine === request) showError('Search', error);
      return;
    }
    if (mine !== request) return;
    list.hidden = false;
    if (hits.length === 0) {
      list.replaceChildren(el('li', { class: 'muted' }, `Nothing matches “${text}”.`));
      return;
    }
    list.replaceChildren(
      ...hits.map((hit) =>
        el(
          'li',
          {},
          el(
            'button',
            {
              type: 'button',
              class: 'search-hit',
              onclick: () => {
                list.hidden = true;
                onPick(hit);
              },
            },
            el('span', { class: 'hit-name' }, hit.entity.name),
            el('span', { class: `hit-type type-${hit.type.toLowerCase()}` }, TYPE_NAMES[hit.type] || hit.type.toLowerCase()),
          ),
        ),
      ),
    );
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') list.hidden = true;
  });
  const outside = (event) => {
    // A search box of a side-panel page that is gone stops listening.
    if (!form.isConnected) return document.removeEventListener('click', outside);
    if (!form.contains(event.target)) list.hidden = true;
  };
  document.addEventListener('click', outside);
}
