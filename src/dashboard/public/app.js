// Dashboard of the partnership graph. A plain ES module, no build step: it
// reads everything through GraphQL (POST /graphql) and draws the network with
// cytoscape (served by the API at /vendor/cytoscape/) and the charts as HTML.

const GRAPHQL_URL = new URL('/graphql', window.location.href).toString();
const CYTOSCAPE_URL = '/vendor/cytoscape/cytoscape.esm.min.mjs';
/** Above this many nodes, labels are drawn only when zoomed in and the layout is the fast one. */
const LARGE_NETWORK = 400;

const NETWORK_QUERY = `query DashboardNetwork($limit: Int) {
  network(limit: $limit) {
    nodes { id name aliases partnerCount }
    edges { source target kinds documentCount }
    totalOrganizations
    truncated
  }
}`;

const STATS_QUERY = `query DashboardStats($top: Int) {
  stats(top: $top) {
    labels { label count }
    topOrganizations { organization { id name aliases } partnerCount }
    partnershipsPerYear { year count }
    partnershipsPerArea { area count }
    agreementsByStatus { status count }
  }
}`;

const ORGANIZATION_QUERY = `query DashboardOrganization($name: String!) {
  organization(name: $name) {
    id
    name
    aliases
    country { name }
    parent { name }
    people { person { name } title firstSeen lastSeen }
    partners(first: 50) {
      partner { id name }
      kinds
      status
      firstSeen
      lastSeen
      documentCount
      evidence(first: 3) { text rules { id reason } document { id title publishedAt url } }
    }
  }
}`;

const PERSON_QUERY = `query DashboardPerson($name: String!) {
  person(name: $name) {
    id
    name
    aliases
    roles {
      title
      firstSeen
      lastSeen
      organization { id name }
      evidence(first: 2) { text rules { id reason } document { id title publishedAt url } }
    }
  }
}`;

const SEARCH_QUERY = `query DashboardSearch($text: String!) {
  search(text: $text, first: 10) { type score entity { id name } }
}`;

const KIND_LABELS = {
  MEETING: 'meeting',
  DISCUSSION: 'discussion',
  MOU: 'MoU',
  AGREEMENT: 'agreement',
  PROGRAMME: 'programme',
  JOINT_EVENT: 'joint event',
  MEMBERSHIP: 'membership',
};

const STATUS_COLORS = { PROPOSED: '#8E63B8', DRAFTED: '#E8B31C', SIGNED: '#2BA89A', ENDED: '#9AA1AC' };

const state = {
  cy: null,
  /** node id -> name, for the nodes currently drawn */
  names: new Map(),
  detailsRequest: 0,
};

// ---------------------------------------------------------------- helpers

/** Builds an element; children are nodes or strings (always inserted as text, never as HTML). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'style' && typeof value === 'object') Object.assign(node.style, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const numberFormat = new Intl.NumberFormat('en');
const fmt = (n) => numberFormat.format(n);

async function graphql(query, variables = {}) {
  const response = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new Error(`The API answered ${response.status} ${response.statusText}`);
  }
  if (body.errors && body.errors.length > 0) {
    const first = body.errors[0];
    const code = first.extensions && first.extensions.code ? ` (${first.extensions.code})` : '';
    const error = new Error(`${first.message}${code}`);
    error.data = body.data;
    throw error;
  }
  return body.data;
}

function showError(where, error) {
  const box = document.getElementById('error');
  box.hidden = false;
  box.append(el('div', {}, `${where}: ${error instanceof Error ? error.message : String(error)}`));
}

function emptyNote(container, text) {
  container.replaceChildren(el('p', { class: 'muted empty' }, text));
}

function dateRange(first, last) {
  if (!first && !last) return '';
  if (!first || first === last) return first || last;
  return `${first} – ${last}`;
}

// ---------------------------------------------------------------- charts

/** Horizontal bars: items [{label, value, color?, onClick?}]. */
function drawBars(container, items, { emptyText, valueLabel = (v) => fmt(v) }) {
  if (items.length === 0) return emptyNote(container, emptyText);
  const max = Math.max(...items.map((i) => i.value), 1);
  container.replaceChildren(
    ...items.map((item) => {
      const label = item.onClick
        ? el('button', { type: 'button', class: 'bar-label link', title: item.title || item.label, onclick: item.onClick }, item.label)
        : el('span', { class: 'bar-label', title: item.title || item.label }, item.label);
      return el(
        'div',
        { class: 'bar-row' },
        label,
        el(
          'span',
          { class: 'bar-track' },
          el('span', {
            class: 'bar-fill',
            style: { width: `${Math.max(2, (item.value / max) * 100)}%`, background: item.color || '' },
          }),
        ),
        el('span', { class: 'bar-value' }, valueLabel(item.value)),
      );
    }),
  );
}

/** Vertical columns for a time series: items [{label, value}] in order; missing years shown as 0. */
function drawColumns(container, items, { emptyText }) {
  if (items.length === 0) return emptyNote(container, emptyText);
  const max = Math.max(...items.map((i) => i.value), 1);
  const showEvery = Math.ceil(items.length / 16);
  container.replaceChildren(
    el(
      'div',
      { class: 'columns-plot', role: 'img', 'aria-label': items.map((i) => `${i.label}: ${i.value}`).join(', ') },
      ...items.map((item, index) =>
        el(
          'div',
          { class: 'column', title: `${item.label}: ${fmt(item.value)}` },
          el('span', { class: 'column-value' }, item.value > 0 ? fmt(item.value) : ''),
          el('span', { class: 'column-bar', style: { height: `${(item.value / max) * 80}%` } }),
          el('span', { class: 'column-label' }, index % showEvery === 0 ? item.label : ''),
        ),
      ),
    ),
  );
}

function fillYears(perYear) {
  if (perYear.length === 0) return [];
  const byYear = new Map(perYear.map((p) => [p.year, p.count]));
  const years = perYear.map((p) => p.year);
  const items = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y += 1) items.push({ label: String(y), value: byYear.get(y) || 0 });
  return items;
}

function drawStats(stats) {
  const labels = new Map(stats.labels.map((l) => [l.label, l.count]));
  const parts = [
    ['Organization', 'organisations'],
    ['Person', 'people'],
    ['Agreement', 'agreements'],
    ['Document', 'documents'],
  ]
    .filter(([label]) => labels.has(label))
    .map(([label, noun]) => `${fmt(labels.get(label))} ${noun}`);
  document.getElementById('summary').textContent = parts.length > 0 ? parts.join(' · ') : 'Knowledge graph of partnerships';

  drawBars(
    document.getElementById('chart-top'),
    stats.topOrganizations.map((r) => ({
      label: shortLabel(r.organization),
      title: r.organization.name,
      value: r.partnerCount,
      onClick: () => selectOrganization(r.organization.id, r.organization.name),
    })),
    { emptyText: 'No partnerships yet.' },
  );
  drawColumns(document.getElementById('chart-years'), fillYears(stats.partnershipsPerYear), {
    emptyText: 'No dated partnerships yet.',
  });
  drawBars(
    document.getElementById('chart-agreements'),
    stats.agreementsByStatus.map((s) => ({ label: s.status.toLowerCase(), value: s.count, color: STATUS_COLORS[s.status] })),
    { emptyText: 'No agreements yet.' },
  );
  drawBars(
    document.getElementById('chart-areas'),
    stats.partnershipsPerArea.map((a) => ({ label: a.area, value: a.count, color: '#E377C2' })),
    { emptyText: 'No cooperation areas yet.' },
  );
}

// ---------------------------------------------------------------- network

let cytoscapePromise = null;
function loadCytoscape() {
  if (!cytoscapePromise) cytoscapePromise = import(CYTOSCAPE_URL).then((m) => m.default || m);
  return cytoscapePromise;
}

/** Beyond this many nodes, only the top ones (and the selection) carry a label. */
const LABELLED_NODES = 40;

function networkStyle(large, crowded, maxPartners) {
  const size = `mapData(partnerCount, 1, ${Math.max(2, maxPartners)}, ${large ? 10 : 20}, ${large ? 48 : 56})`;
  return [
    {
      selector: 'node',
      style: {
        'background-color': '#1F6FB2',
        'border-color': '#15507F',
        'border-width': 1,
        width: size,
        height: size,
        label: crowded ? '' : 'data(label)',
        'font-size': 11,
        color: '#1d2733',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': 140,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': 1,
        'min-zoomed-font-size': large ? 9 : 0,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 'mapData(documentCount, 1, 10, 1.2, 6)',
        'line-color': '#9DB7D1',
        'curve-style': large ? 'haystack' : 'bezier',
        opacity: 0.85,
      },
    },
    { selector: 'node.labelled, node.neighbour, node:selected', style: { label: 'data(label)' } },
    { selector: '.faded', style: { opacity: 0.15 } },
    { selector: 'edge.highlight', style: { 'line-color': '#F28C38', opacity: 1, 'z-index': 9 } },
    { selector: 'node.neighbour', style: { 'background-color': '#4C9BE0' } },
    {
      selector: 'node:selected',
      style: { 'background-color': '#F28C38', 'border-color': '#C96A1C', 'border-width': 3, 'font-weight': 'bold', 'z-index': 10 },
    },
  ];
}

async function drawNetwork(limit) {
  const container = document.getElementById('network');
  const status = document.getElementById('network-status');
  status.textContent = 'Loading network…';
  let data;
  try {
    data = (await graphql(NETWORK_QUERY, { limit })).network;
  } catch (error) {
    status.textContent = '';
    emptyNote(container, 'The network could not be loaded.');
    showError('Network', error);
    return;
  }
  const { nodes, edges, totalOrganizations, truncated } = data;
  status.textContent =
    nodes.length === 0
      ? ''
      : truncated
        ? `Showing ${fmt(nodes.length)} of ${fmt(totalOrganizations)} organisations (most partners first)`
        : `Showing all ${fmt(nodes.length)} organisations with partners`;
  status.dataset.shown = String(nodes.length);
  status.dataset.total = String(totalOrganizations);
  if (state.cy) {
    state.cy.destroy();
    state.cy = null;
  }
  state.names = new Map(nodes.map((n) => [n.id, n.name]));
  if (nodes.length === 0) {
    emptyNote(container, 'No partnerships in the graph yet. Ingest some press releases to see the network.');
    return;
  }
  container.replaceChildren();
  let cytoscape;
  try {
    cytoscape = await loadCytoscape();
  } catch (error) {
    emptyNote(container, 'The network view needs cytoscape at /vendor/cytoscape/, which did not load.');
    showError('Network', error);
    return;
  }
  const large = nodes.length > LARGE_NETWORK;
  const elements = [
    // Nodes arrive ranked by partner count, so the first ones are the hubs.
    ...nodes.map((n, rank) => ({
      group: 'nodes',
      data: { id: n.id, name: n.name, label: shortLabel(n), partnerCount: n.partnerCount },
      classes: rank < LABELLED_NODES ? 'labelled' : '',
    })),
    ...edges.map((e, i) => ({
      group: 'edges',
      data: { id: `e${i}`, source: e.source, target: e.target, kinds: e.kinds, documentCount: e.documentCount },
    })),
  ];
  const cy = cytoscape({
    container,
    elements,
    style: networkStyle(large, nodes.length > LABELLED_NODES * 1.5, Math.max(...nodes.map((n) => n.partnerCount))),
    layout: { name: 'preset' },
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    pixelRatio: large ? 1 : 'auto',
  });
  state.cy = cy;
  window.__dashboard = { cy, nodes: nodes.length, edges: edges.length };
  // Force-directed for readable sizes; beyond that a sunflower spiral by rank
  // (most partners in the centre), which costs O(n) instead of O(n²) per step.
  const layout = large
    ? { name: 'preset', positions: spiralPositions(nodes), fit: false }
    : {
        name: 'cose',
        animate: false,
        randomize: true,
        nodeRepulsion: () => 400000,
        idealEdgeLength: () => 100,
        edgeElasticity: () => 100,
        nodeOverlap: 20,
        gravity: 80,
        initialTemp: 200,
        coolingFactor: 0.95,
        minTemp: 1.0,
        numIter: nodes.length > 150 ? 500 : 1000,
        padding: 30,
      };
  cy.layout(layout).run();
  fitNetwork();

  cy.on('tap', 'node', (event) => selectOrganization(event.target.id(), event.target.data('name')));
  cy.on('tap', (event) => {
    if (event.target === cy) clearSelection();
  });
  cy.on('mouseover', 'node', (event) => {
    container.title = `${event.target.data('name')} — ${event.target.data('partnerCount')} partner(s)`;
  });
  cy.on('mouseout', 'node', () => {
    container.title = '';
  });
  container.dataset.ready = 'true';
}

/** A long name is labelled by its acronym when it has one ("ICESCO"); the full name is in the tooltip and panel. */
function shortLabel(node) {
  if (node.name.length <= 32) return node.name;
  const acronym = (node.aliases || []).filter((a) => /^[A-Z][A-Z0-9&.-]{1,11}$/.test(a)).sort((a, b) => a.length - b.length)[0];
  return acronym || node.name;
}

/** Positions on a sunflower spiral: rank 0 in the centre, even density outwards. */
function spiralPositions(nodes) {
  const golden = Math.PI * (3 - Math.sqrt(5));
  const positions = {};
  nodes.forEach((n, rank) => {
    const radius = 28 * Math.sqrt(rank);
    positions[n.id] = { x: radius * Math.cos(rank * golden), y: radius * Math.sin(rank * golden) };
  });
  return positions;
}

/** Fits the network in view without blowing small graphs up to a huge zoom. */
function fitNetwork() {
  const cy = state.cy;
  if (!cy) return;
  cy.fit(undefined, 30);
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
}

function highlight(id) {
  const cy = state.cy;
  if (!cy) return;
  cy.elements().removeClass('faded highlight neighbour');
  const node = id ? cy.getElementById(id) : null;
  cy.$(':selected').unselect();
  if (!node || node.empty()) return;
  node.select();
  const hood = node.closedNeighborhood();
  cy.elements().not(hood).addClass('faded');
  hood.edges().addClass('highlight');
  hood.nodes().not(node).addClass('neighbour');
  cy.animate({ center: { eles: node }, duration: 250 });
}

function clearSelection() {
  state.detailsRequest += 1;
  if (state.cy) {
    state.cy.elements().removeClass('faded highlight neighbour');
    state.cy.$(':selected').unselect();
  }
  document
    .getElementById('details')
    .replaceChildren(
      el('p', { class: 'muted' }, 'Click an organisation to see its partners, the people holding roles in it, and the sentences that state each partnership.'),
    );
}

// ---------------------------------------------------------------- details panel

function evidenceList(evidence) {
  if (!evidence || evidence.length === 0) return el('p', { class: 'muted small' }, 'No sentence recorded.');
  return el(
    'ul',
    { class: 'evidence' },
    ...evidence.map((e) =>
      el(
        'li',
        { class: 'evidence-item' },
        el('blockquote', {}, e.text),
        ruleList(e.rules),
        el(
          'div',
          { class: 'source small muted' },
          e.document.url
            ? el('a', { href: e.document.url, target: '_blank', rel: 'noopener noreferrer' }, e.document.title || e.document.id)
            : e.document.title || e.document.id,
          e.document.publishedAt ? ` · ${e.document.publishedAt}` : '',
        ),
      ),
    ),
  );
}

/** The extraction rules that read the sentence, by id; the reason shows on hover. */
function ruleList(rules) {
  if (!rules || rules.length === 0) return null;
  return el(
    'div',
    { class: 'rules small muted', 'data-testid': 'evidence-rules' },
    'rules: ',
    ...rules.flatMap((r, i) => [i > 0 ? ', ' : null, el('code', { class: 'rule', title: r.reason }, r.id)]),
  );
}

function kindChips(kinds) {
  return el('span', { class: 'chips' }, ...kinds.map((k) => el('span', { class: `chip kind-${k.toLowerCase()}` }, KIND_LABELS[k] || k)));
}

async function selectOrganization(id, name) {
  highlight(id);
  const panel = document.getElementById('details');
  const request = ++state.detailsRequest;
  panel.replaceChildren(el('h3', {}, name), el('p', { class: 'muted' }, 'Loading…'));
  let org;
  try {
    org = (await graphql(ORGANIZATION_QUERY, { name })).organization;
  } catch (error) {
    if (request !== state.detailsRequest) return;
    panel.replaceChildren(el('h3', {}, name), el('p', { class: 'muted' }, 'Details could not be loaded.'));
    showError('Organisation', error);
    return;
  }
  if (request !== state.detailsRequest) return;
  if (!org) {
    panel.replaceChildren(el('h3', {}, name), el('p', { class: 'muted' }, 'Not found in the graph.'));
    return;
  }
  const facts = [
    org.aliases.length > 0 ? `Also: ${org.aliases.join(', ')}` : null,
    org.country ? `Country: ${org.country.name}` : null,
    org.parent ? `Part of: ${org.parent.name}` : null,
  ].filter(Boolean);
  panel.replaceChildren(
    el('h3', { 'data-testid': 'details-name' }, org.name),
    ...facts.map((f) => el('p', { class: 'small muted' }, f)),
    el('h4', {}, `Partners (${org.partners.length})`),
    org.partners.length === 0
      ? el('p', { class: 'muted small' }, 'No partnership recorded.')
      : el(
          'ul',
          { class: 'partners', 'data-testid': 'details-partners' },
          ...org.partners.map((p) =>
            el(
              'li',
              { class: 'partner' },
              el(
                'div',
                { class: 'partner-head' },
                el(
                  'button',
                  { type: 'button', class: 'link partner-name', onclick: () => selectOrganization(p.partner.id, p.partner.name) },
                  p.partner.name,
                ),
                kindChips(p.kinds),
                p.status !== 'ACTIVE' ? el('span', { class: 'chip status' }, p.status.toLowerCase()) : null,
              ),
              el(
                'div',
                { class: 'small muted' },
                [dateRange(p.firstSeen, p.lastSeen), `${p.documentCount} document${p.documentCount === 1 ? '' : 's'}`]
                  .filter(Boolean)
                  .join(' · '),
              ),
              evidenceList(p.evidence),
            ),
          ),
        ),
    el('h4', {}, `People (${org.people.length})`),
    org.people.length === 0
      ? el('p', { class: 'muted small' }, 'No role recorded.')
      : el(
          'ul',
          { class: 'people', 'data-testid': 'details-people' },
          ...org.people.map((r) =>
            el(
              'li',
              {},
              el('button', { type: 'button', class: 'link', onclick: () => showPerson(r.person.name) }, r.person.name),
              r.title ? ` — ${r.title}` : '',
              r.firstSeen || r.lastSeen ? el('span', { class: 'small muted' }, ` (${dateRange(r.firstSeen, r.lastSeen)})`) : '',
            ),
          ),
        ),
  );
  panel.scrollTop = 0;
}

async function showPerson(name) {
  highlight(null);
  const panel = document.getElementById('details');
  const request = ++state.detailsRequest;
  panel.replaceChildren(el('h3', {}, name), el('p', { class: 'muted' }, 'Loading…'));
  let person;
  try {
    person = (await graphql(PERSON_QUERY, { name })).person;
  } catch (error) {
    if (request !== state.detailsRequest) return;
    showError('Person', error);
    return;
  }
  if (request !== state.detailsRequest) return;
  if (!person) {
    panel.replaceChildren(el('h3', {}, name), el('p', { class: 'muted' }, 'Not found in the graph.'));
    return;
  }
  panel.replaceChildren(
    el('h3', { 'data-testid': 'details-name' }, person.name),
    person.aliases.length > 0 ? el('p', { class: 'small muted' }, `Also: ${person.aliases.join(', ')}`) : null,
    el('h4', {}, `Roles (${person.roles.length})`),
    el(
      'ul',
      { class: 'partners' },
      ...person.roles.map((r) =>
        el(
          'li',
          { class: 'partner' },
          el(
            'div',
            { class: 'partner-head' },
            r.title ? `${r.title}, ` : '',
            el(
              'button',
              { type: 'button', class: 'link partner-name', onclick: () => selectOrganization(r.organization.id, r.organization.name) },
              r.organization.name,
            ),
          ),
          el('div', { class: 'small muted' }, dateRange(r.firstSeen, r.lastSeen)),
          evidenceList(r.evidence),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------- search

function setupSearch() {
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-input');
  const list = document.getElementById('search-results');
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
      hits = (await graphql(SEARCH_QUERY, { text })).search;
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
                openHit(hit);
              },
            },
            el('span', { class: 'hit-name' }, hit.entity.name),
            el('span', { class: `hit-type type-${hit.type.toLowerCase()}` }, hit.type.toLowerCase()),
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
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target)) list.hidden = true;
  });
}

function openHit(hit) {
  if (hit.type === 'ORGANIZATION') return selectOrganization(hit.entity.id, hit.entity.name);
  if (hit.type === 'PERSON') return showPerson(hit.entity.name);
  highlight(null);
  document
    .getElementById('details')
    .replaceChildren(
      el('h3', {}, hit.entity.name),
      el('p', { class: 'small muted' }, `${hit.type.toLowerCase()} · use the saved queries in Neo4j Browser for its full context.`),
    );
}

// ---------------------------------------------------------------- start

async function main() {
  setupSearch();
  const limitSelect = document.getElementById('network-limit');
  limitSelect.addEventListener('change', () => {
    clearSelection();
    drawNetwork(Number(limitSelect.value));
  });
  document.getElementById('fit').addEventListener('click', fitNetwork);
  const statsPromise = graphql(STATS_QUERY, { top: 10 }).then(
    (data) => drawStats(data.stats),
    (error) => {
      document.getElementById('summary').textContent = '';
      for (const id of ['chart-top', 'chart-years', 'chart-agreements', 'chart-areas']) {
        emptyNote(document.getElementById(id), 'Could not be loaded.');
      }
      showError('Figures', error);
    },
  );
  await Promise.all([drawNetwork(Number(limitSelect.value)), statsPromise]);
  document.body.dataset.loaded = 'true';
}

main();
