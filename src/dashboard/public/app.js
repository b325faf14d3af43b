// Dashboard of the partnership graph: plain ES modules, no build step. This
// module wires them: the filter (filters.js, kept in the URL) drives one
// GraphQL request for the network (network.js) and the figures (charts.js);
// the side panel (panel.js) shows entity pages and, with the token of
// session.js, corrections (curation.js); search.js finds entities;
// changes.js lists what is new; downloads.js links the exports.

import { FACETS_QUERY, firstViewQuery, graphql, viewQuery } from './api.js';
import { bindChanges } from './changes.js';
import { chartsFailed, drawCharts, drawSummary } from './charts.js';
import { el, fmt, showError } from './dom.js';
import { bindDownloads } from './downloads.js';
import { KINDS } from './encodings.js';
import { bindFilterForm, isFiltered, parseState, stateToSearch, toNetworkFilter, viewKey } from './filters.js';
import { createNetwork } from './network.js';
import { createPanel, kindOfType, paramToRef, refToParam } from './panel.js';
import { setupSearch } from './search.js';
import { bindSessionForm } from './session.js';

const $ = (id) => document.getElementById(id);

let state = parseState(window.location.search);
let loadedKey = null;
let viewRequest = 0;
/** Timings of each view load (ms from the request to the network and charts drawn), for the benchmark. */
const timings = [];
window.__dashboardTimings = timings;

const network = createNetwork({
  container: $('network'),
  legend: $('legend'),
  tooltip: $('network-tooltip'),
  onSelect: (d) => navigate({ kind: 'organization', id: d.id, name: d.name }),
  onBackground: () => navigate(null),
  onKindClick: (kind) => update({ kinds: state.kinds.includes(kind) ? state.kinds.filter((k) => k !== kind) : [...state.kinds, kind] }),
});

const panel = createPanel($('details'), { open: navigate, filter: (patch) => update(patch), changed: afterCorrection });

const form = bindFilterForm($('filters'), (patch) => update(patch));
const downloads = bindDownloads($('downloads'));
const changes = bindChanges($('whats-new'), { open: navigate });

/** A correction changed the graph: redraw the network and the charts, then show `ref` (or the open page again). */
async function afterCorrection(ref) {
  loadedKey = null;
  await loadView();
  changes.refresh();
  if (ref) navigate(ref);
  else showOpen(paramToRef(state.open));
}

/** Opens a page in the side panel and records it in the URL. */
function navigate(ref) {
  state = { ...state, open: refToParam(ref) };
  writeUrl();
  showOpen(ref);
}

function showOpen(ref) {
  panel.show(ref);
  if (ref && ref.kind === 'organization' && network.has(ref.id)) network.highlight(ref.id);
  else network.clearHighlight();
}

function writeUrl() {
  const search = stateToSearch(state);
  if (search !== window.location.search) window.history.pushState(null, '', `${window.location.pathname}${search}`);
}

/** Changes the filter (or the colouring) and reloads what depends on it. */
async function update(patch) {
  state = { ...state, ...patch };
  writeUrl();
  form.show(state);
  downloads.show(state);
  if ('colour' in patch) network.setColourBy(state.colour);
  if (viewKey(state) !== loadedKey) await loadView();
}

function describeFilter(s) {
  const parts = [];
  if (s.kinds.length > 0) parts.push(KINDS.filter((k) => s.kinds.includes(k.id)).map((k) => k.label).join(' or '));
  if (s.since || s.until) parts.push(`seen ${s.since ? `from ${s.since}` : ''}${s.since && s.until ? ' ' : ''}${s.until ? `to ${s.until}` : ''}`);
  if (s.country) parts.push(`involving ${s.country}`);
  if (s.type) parts.push(`involving a ${$('filter-type').selectedOptions[0]?.textContent || s.type.toLowerCase()}`);
  if (s.area) parts.push(`area “${s.area}”`);
  if (s.minDocs > 1) parts.push(`${s.minDocs}+ documents`);
  if (s.around) parts.push(`within ${s.hops} step${s.hops === 1 ? '' : 's'} of ${s.around}`);
  if (s.asOf) parts.push(`as of ${s.asOf}`);
  return parts.join(' · ');
}

/**
 * Reads the network and the figures for the current filter and draws them;
 * `first`: the first render, whose one request brings the filter's choices too.
 */
async function loadView(first = false) {
  const key = viewKey(state);
  const mine = ++viewRequest;
  const started = performance.now();
  const status = $('network-status');
  document.body.dataset.view = 'loading';
  status.textContent = 'Loading…';
  let data;
  try {
    const filter = toNetworkFilter(state);
    const query = first ? firstViewQuery(filter !== null) : viewQuery(filter !== null || wholeGraphAreas === null);
    data = await graphql(query, { limit: state.limit, top: 10, filter });
    if (data.facets) showFacets(data.facets);
    // Without a filter the top areas are the whole graph's, the first of the facets' (read once).
    if (!data.stats.partnershipsPerArea) data.stats.partnershipsPerArea = wholeGraphAreas.slice(0, 10);
  } catch (error) {
    if (mine !== viewRequest) return;
    loadedKey = null;
    status.textContent = '';
    $('network-empty').hidden = false;
    $('network-empty').textContent = error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT' ? `Filter not applied: ${error.message}` : 'The network could not be loaded.';
    await network.render({ nodes: [], edges: [] });
    chartsFailed();
    if (error.code !== 'NOT_FOUND' && error.code !== 'BAD_USER_INPUT') showError('Network and figures', error);
    document.body.dataset.view = 'error';
    return;
  }
  if (mine !== viewRequest) return;
  const fetched = performance.now();
  const { nodes, totalOrganizations, truncated } = data.network;
  const filtered = isFiltered(state);
  status.textContent =
    nodes.length === 0
      ? ''
      : truncated
        ? `Showing ${fmt(nodes.length)} of ${fmt(totalOrganizations)} organisations${filtered ? ' matching the filter' : ''} (most partners first)`
        : filtered
          ? `Showing all ${fmt(nodes.length)} organisations matching the filter`
          : `Showing all ${fmt(nodes.length)} organisations with partners`;
  status.dataset.shown = String(nodes.length);
  status.dataset.total = String(totalOrganizations);
  $('filter-summary').textContent = filtered ? `Filter: ${describeFilter(state)}` : 'No filter: every partnership';
  $('network-empty').hidden = nodes.length > 0;
  $('network-empty').textContent = filtered ? 'No partnership matches this filter.' : 'No partnerships in the graph yet. Ingest some press releases to see the network.';
  let layoutMs = 0;
  try {
    layoutMs = (await network.render(data.network)) || 0;
  } catch (error) {
    $('network-empty').hidden = false;
    $('network-empty').textContent = 'The network view needs cytoscape at /vendor/cytoscape/, which did not load.';
    showError('Network', error);
  }
  drawCharts(data.stats, {
    openOrganization: (o) => navigate({ kind: 'organization', id: o.id, name: o.name }),
    filterArea: (area) => update({ area }),
    filterYear: (year) => update({ since: `${year}-01-01`, until: `${year}-12-31` }),
  });
  drawSummary(data.stats.labels);
  const open = paramToRef(state.open);
  if (open && open.kind === 'organization') network.highlight(open.id);
  loadedKey = key;
  $('network').dataset.ready = 'true';
  document.body.dataset.view = 'ready';
  document.body.dataset.viewKey = key;
  timings.push({ key, ms: Math.round(performance.now() - started), fetchMs: Math.round(fetched - started), drawMs: Math.round(performance.now() - fetched), layoutMs: Math.round(layoutMs) });
}

let facetsShown = false;
/** The whole graph's top areas, from the filter's choices (null until they are read). */
let wholeGraphAreas = null;

/** Country and area choices of the filter bar (read alone when the first request failed). */
async function loadFacets() {
  if (facetsShown) return;
  try {
    showFacets((await graphql(FACETS_QUERY)).stats);
  } catch (error) {
    showError('Filter choices', error);
  }
}

function showFacets(stats) {
  facetsShown = true;
  wholeGraphAreas = stats.partnershipsPerArea;
  const country = $('filter-country');
  const chosen = state.country;
  country.replaceChildren(
    new Option('any country', ''),
    ...stats.organizationsPerCountry.map((c) => new Option(`${c.country} (${fmt(c.count)})`, c.country)),
  );
  $('area-options').replaceChildren(...stats.partnershipsPerArea.map((a) => el('option', { value: a.area })));
  form.show({ ...state, country: chosen });
}

async function main() {
  setupSearch({
    form: $('search-form'),
    input: $('search-input'),
    list: $('search-results'),
    onPick: (hit) => navigate({ kind: kindOfType(hit.type), id: hit.entity.id, name: hit.entity.name }),
  });
  $('fit').addEventListener('click', () => network.fit());
  bindSessionForm($('session-form'), $('session-status'));
  window.addEventListener('popstate', () => {
    state = parseState(window.location.search);
    form.show(state);
    downloads.show(state);
    network.setColourBy(state.colour);
    const load = viewKey(state) !== loadedKey ? loadView() : Promise.resolve();
    load.then(() => showOpen(paramToRef(state.open)));
  });
  form.show(state);
  downloads.show(state);
  network.setColourBy(state.colour);
  // One request for the view and the filter's choices; the choices alone only if it failed.
  await loadView(true);
  window.__dashboardViewDrawnAt = performance.now();
  await loadFacets();
  showOpen(paramToRef(state.open));
  window.__dashboardLoadedAt = performance.now();
  document.body.dataset.loaded = 'true';
}

main();
