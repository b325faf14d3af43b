// The page's filter: one state object, kept in the URL (so that a view can
// be shared and reloaded), shown in the filter bar, and turned into the
// GraphQL `NetworkFilter` that the network and the charts both use.

import { KINDS } from './encodings.js';

const KIND_IDS = new Set(KINDS.map((k) => k.id));
const TYPE_IDS = new Set(['GOVERNMENT', 'UNIVERSITY', 'RESEARCH', 'INTERNATIONAL', 'ASSOCIATION', 'FOUNDATION', 'COMPANY', 'OTHER']);
const LIMITS = [100, 300, 1000];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const DEFAULT_STATE = Object.freeze({
  kinds: [],
  since: '',
  until: '',
  country: '',
  area: '',
  type: '',
  minDocs: 1,
  around: '',
  hops: 1,
  asOf: '',
  limit: 300,
  colour: 'type',
  open: '',
});

const intIn = (raw, min, max, fallback) => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

/** The state a URL's query string describes; anything unknown or malformed falls back to the default. */
export function parseState(search) {
  const p = new URLSearchParams(search);
  const text = (name) => (p.get(name) || '').trim().slice(0, 200);
  return {
    kinds: (p.get('kinds') || '')
      .split(',')
      .map((k) => k.trim().toUpperCase())
      .filter((k) => KIND_IDS.has(k))
      .filter((k, i, all) => all.indexOf(k) === i),
    since: DATE.test(text('since')) ? text('since') : '',
    until: DATE.test(text('until')) ? text('until') : '',
    country: text('country'),
    area: text('area'),
    type: TYPE_IDS.has(text('type').toUpperCase()) ? text('type').toUpperCase() : '',
    minDocs: intIn(p.get('minDocs'), 1, 1000, 1),
    around: text('around'),
    hops: intIn(p.get('hops'), 1, 3, 1),
    asOf: DATE.test(text('asOf')) ? text('asOf') : '',
    limit: LIMITS.includes(Number(p.get('limit'))) ? Number(p.get('limit')) : 300,
    colour: p.get('colour') === 'country' ? 'country' : 'type',
    open: text('open'),
  };
}

/** The query string of a state: only what differs from the default, in a fixed order. */
export function stateToSearch(state) {
  const p = new URLSearchParams();
  if (state.kinds.length > 0) p.set('kinds', KINDS.map((k) => k.id).filter((k) => state.kinds.includes(k)).join(','));
  for (const key of ['since', 'until', 'country', 'area', 'type', 'around']) if (state[key]) p.set(key, state[key]);
  if (state.minDocs > 1) p.set('minDocs', String(state.minDocs));
  if (state.around && state.hops > 1) p.set('hops', String(state.hops));
  if (state.asOf) p.set('asOf', state.asOf);
  if (state.limit !== 300) p.set('limit', String(state.limit));
  if (state.colour !== 'type') p.set('colour', state.colour);
  if (state.open) p.set('open', state.open);
  const text = p.toString();
  return text === '' ? '' : `?${text}`;
}

/** The GraphQL NetworkFilter of a state (null when nothing is filtered). */
export function toNetworkFilter(state) {
  const f = {};
  if (state.kinds.length > 0) f.kinds = state.kinds;
  if (state.since) f.since = state.since;
  if (state.until) f.until = state.until;
  if (state.country) f.country = state.country;
  if (state.area) f.area = state.area;
  if (state.type) f.organizationType = state.type;
  if (state.minDocs > 1) f.minDocuments = state.minDocs;
  if (state.around) {
    f.around = state.around;
    f.hops = state.hops;
  }
  if (state.asOf) f.asOf = state.asOf;
  return Object.keys(f).length === 0 ? null : f;
}

/** A key that changes exactly when the data to fetch changes. */
export function viewKey(state) {
  return JSON.stringify([toNetworkFilter(state), state.limit]);
}

/** Does the state filter anything? */
export function isFiltered(state) {
  return toNetworkFilter(state) !== null;
}

/**
 * Binds the filter bar `form` to the page: shows `state`, and calls
 * `onChange(patch)` when the analyst changes a field (text fields on Enter
 * or when they lose focus, the rest at once).
 */
export function bindFilterForm(form, onChange) {
  const field = (name) => form.elements.namedItem(name);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onChange(readForm());
  });
  form.addEventListener('change', (event) => {
    if (event.target.name === 'q') return;
    onChange(readForm());
  });
  // Fields placed elsewhere on the page (form="…") do not bubble their events to the form.
  for (const element of form.elements) {
    if (!form.contains(element)) element.addEventListener('change', () => onChange(readForm()));
  }
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    onChange({ ...DEFAULT_STATE, limit: Number(field('limit').value) || 300, colour: field('colour').value, open: '' });
  });

  function readForm() {
    return {
      kinds: [...form.querySelectorAll('input[name=kind]:checked')].map((i) => i.value),
      since: field('since').value,
      until: field('until').value,
      country: field('country').value,
      area: field('area').value.trim(),
      type: field('type').value,
      minDocs: intIn(field('minDocs').value, 1, 1000, 1),
      around: field('around').value.trim(),
      hops: intIn(field('hops').value, 1, 3, 1),
      asOf: field('asOf').value,
      limit: intIn(field('limit').value, 1, 1000, 300),
      colour: field('colour').value === 'country' ? 'country' : 'type',
    };
  }

  /** Shows `state` in the form (after a navigation or a click elsewhere on the page). */
  function show(state) {
    for (const box of form.querySelectorAll('input[name=kind]')) box.checked = state.kinds.includes(box.value);
    field('since').value = state.since;
    field('until').value = state.until;
    const country = field('country');
    if (state.country && ![...country.options].some((o) => o.value.toLowerCase() === state.country.toLowerCase())) {
      country.append(new Option(state.country, state.country));
    }
    country.value = [...country.options].find((o) => o.value.toLowerCase() === state.country.toLowerCase())?.value ?? '';
    field('area').value = state.area;
    field('type').value = state.type;
    field('minDocs').value = String(state.minDocs);
    field('around').value = state.around;
    field('hops').value = String(state.hops);
    field('asOf').value = state.asOf;
    field('limit').value = String(state.limit);
    field('colour').value = state.colour;
  }

  return { show };
}
