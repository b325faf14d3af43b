// The network of partnerships drawn with cytoscape: a deterministic layout
// (layout.js) whose positions are kept while the filter changes, edges
// coloured by kind, nodes by organisation type or country, short labels with
// the full name on hover, a legend, and a fit after every change.

import { el, fmt, plural, shortLabel } from './dom.js';
import { countryColors, edgeKind, KINDS, kindColor, nodeColor, OTHER_COLOR, TYPES, TYPE_LABELS, KIND_LABELS } from './encodings.js';
import { layoutNetwork } from './layout.js';

const CYTOSCAPE_URL = '/vendor/cytoscape/cytoscape.esm.min.mjs';
/** With more nodes than this, only the hubs, the selection and its partners carry labels. */
const LABELLED_NODES = 30;
/** Above this many nodes, labels hide while zoomed out and edges are drawn the cheap way. */
const LARGE_NETWORK = 400;
/**
 * Above this many edges, edges are drawn as haystack lines (straight, centre
 * to centre, the cheapest kind), and the canvas is drawn at one pixel per CSS
 * pixel (a quarter of the pixels on a high-density screen) and as a texture
 * while panning or zooming, without edges (the top 300 organisations of the
 * generated 5,000-document corpus have ~2,500 partnerships among them).
 */
const MANY_EDGES = 400;
const MAX_FIT_ZOOM = 1.4;

let cytoscapePromise = null;
function loadCytoscape() {
  if (!cytoscapePromise) cytoscapePromise = import(CYTOSCAPE_URL).then((m) => m.default || m);
  return cytoscapePromise;
}

function style(large, haystack) {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        'border-color': '#ffffff',
        'border-width': 1.5,
        width: 'data(size)',
        height: 'data(size)',
        label: '',
        'font-size': 11,
        color: '#1d2733',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': 160,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': 1,
        'min-zoomed-font-size': large ? 8 : 0,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': 'data(color)',
        'curve-style': large || haystack ? 'haystack' : 'straight',
        opacity: 0.8,
      },
    },
    { selector: 'node.labelled, node.neighbour, node:selected, node.center', style: { label: 'data(label)' } },
    { selector: 'node.center', style: { 'border-color': '#14324f', 'border-width': 3 } },
    { selector: '.faded', style: { opacity: 0.12 } },
    { selector: 'edge.highlight', style: { opacity: 1, 'z-index': 9 } },
    {
      selector: 'node:selected',
      style: { 'border-color': '#14324f', 'border-width': 4, 'font-weight': 'bold', 'z-index': 10 },
    },
  ];
}

/**
 * The network view in `container`; `legend` gets the legend. Callbacks:
 * onSelect(node data), onBackground(), onKindClick(kind id).
 */
export function createNetwork({ container, legend, tooltip, onSelect, onBackground, onKindClick }) {
  // Fetch cytoscape while the first view is requested, not after it arrives (render reports a failure).
  loadCytoscape().catch(() => {});
  let cy = null;
  /** Which stylesheet is applied ("large|haystack"). */
  let styled = null;
  /** Every position placed in this session, by organisation id: a node that comes back returns to its place. */
  const placed = new Map();
  let current = { nodes: [], edges: [] };
  let colourBy = 'type';

  function nodeData(n, rank, countries, maxPartners) {
    return {
      id: n.id,
      name: n.name,
      label: shortLabel(n),
      type: n.type,
      country: n.country,
      partnerCount: n.partnerCount,
      color: nodeColor(n, colourBy, countries),
      size: Math.round(12 + 40 * Math.sqrt(Math.min(1, (n.partnerCount || 0) / Math.max(1, maxPartners)))),
      rank,
    };
  }

  function edgeData(e) {
    const kind = edgeKind(e.kinds);
    return {
      id: `${e.source}|${e.target}`,
      source: e.source,
      target: e.target,
      kinds: e.kinds,
      kind,
      documentCount: e.documentCount,
      color: kindColor(kind),
      width: Math.min(7, 1.2 + (e.documentCount - 1) * 0.8),
    };
  }

  /**
   * Draws `data` ({nodes, edges, center}); nodes already drawn keep their
   * positions. Elements still in view are updated in place, the others
   * removed or added: a filter change costs what changed. Returns the
   * milliseconds spent in the layout (for the benchmark).
   */
  async function render(data) {
    current = data;
    const { nodes, edges } = data;
    if (nodes.length === 0) {
      if (cy) cy.elements().remove();
      drawLegend();
      return;
    }
    const cytoscape = await loadCytoscape();
    const fixed = new Map();
    for (const n of nodes) if (placed.has(n.id)) fixed.set(n.id, placed.get(n.id));
    const layoutStarted = performance.now();
    const positions = layoutNetwork(nodes, edges, { fixed });
    const layoutMs = performance.now() - layoutStarted;
    for (const [id, p] of positions) placed.set(id, p);

    const large = nodes.length > LARGE_NETWORK;
    const haystack = edges.length > MANY_EDGES;
    const styleKey = `${large}|${haystack}`;
    const countries = countryColors(nodes);
    const maxPartners = Math.max(1, ...nodes.map((n) => n.partnerCount || 0));
    const crowded = nodes.length > LABELLED_NODES * 1.5;
    const elements = [
      ...nodes.map((n, rank) => ({
        group: 'nodes',
        data: nodeData(n, rank, countries, maxPartners),
        position: { ...positions.get(n.id) },
        classes: [!crowded || rank < LABELLED_NODES ? 'labelled' : '', data.center && data.center.id === n.id ? 'center' : ''].join(' ').trim(),
      })),
      ...edges.map((e) => ({ group: 'edges', data: edgeData(e) })),
    ];
    if (cy) {
      const ids = new Set(elements.map((e) => e.data.id));
      cy.batch(() => {
        cy.elements().filter((e) => !ids.has(e.id())).remove();
        const added = [];
        for (const e of elements) {
          const drawn = cy.getElementById(e.data.id);
          if (drawn.empty()) {
            added.push(e);
            continue;
          }
          // As if drawn afresh: new data and place, no highlight or selection left over.
          drawn.data(e.data);
          drawn.classes(e.classes || '');
          drawn.unselect();
          if (e.group === 'nodes') drawn.position(e.position);
        }
        cy.add(added);
      });
      if (styled !== styleKey) cy.style(style(large, haystack));
    } else {
      cy = cytoscape({
        container,
        elements,
        style: style(large, haystack),
        layout: { name: 'preset' },
        minZoom: 0.05,
        maxZoom: 4,
        boxSelectionEnabled: false,
        selectionType: 'single',
        textureOnViewport: large || haystack,
        hideEdgesOnViewport: large || haystack,
        pixelRatio: large || haystack ? 1 : 'auto',
      });
      bindEvents();
    }
    styled = styleKey;
    fit();
    drawLegend();
    window.__dashboard = { cy, nodes: nodes.length, edges: edges.length };
    return layoutMs;
  }

  function bindEvents() {
    cy.on('tap', 'node', (event) => onSelect(event.target.data()));
    cy.on('tap', (event) => {
      if (event.target === cy) onBackground();
    });
    cy.on('mouseover', 'node', (event) => {
      const d = event.target.data();
      showTooltip(event.renderedPosition, [
        el('strong', {}, d.name),
        el('div', { class: 'muted' }, [TYPE_LABELS[d.type] || '', d.country || ''].filter(Boolean).join(' · ')),
        el('div', {}, plural(d.partnerCount, 'partner')),
      ]);
    });
    cy.on('mouseover', 'edge', (event) => {
      const d = event.target.data();
      const name = (id) => cy.getElementById(id).data('label');
      showTooltip(event.renderedPosition, [
        el('strong', {}, `${name(d.source)} – ${name(d.target)}`),
        el('div', {}, (d.kinds || []).map((k) => KIND_LABELS[k] || k).join(', ') || 'partnership'),
        el('div', { class: 'muted' }, plural(d.documentCount, 'document')),
      ]);
    });
    cy.on('mouseout', 'node, edge', hideTooltip);
    cy.on('viewport', hideTooltip);
  }

  function showTooltip(at, children) {
    tooltip.replaceChildren(...children);
    tooltip.hidden = false;
    const box = container.getBoundingClientRect();
    tooltip.style.left = `${Math.min(Math.max(0, at.x + 12), box.width - 260)}px`;
    tooltip.style.top = `${Math.min(Math.max(0, at.y + 12), box.height - 80)}px`;
  }

  function hideTooltip() {
    tooltip.hidden = true;
  }

  /** Everything in view, without blowing a small graph up to a huge zoom. */
  function fit(eles) {
    if (!cy || cy.elements().empty()) return;
    cy.fit(eles, 40);
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center(eles);
    }
  }

  /** Marks node `id` and its partners, fades the rest, and fits them in view (labels included). */
  function highlight(id) {
    if (!cy) return false;
    cy.elements().removeClass('faded highlight neighbour');
    cy.$(':selected').unselect();
    const node = id ? cy.getElementById(id) : null;
    if (!node || node.empty()) return false;
    node.select();
    const hood = node.closedNeighborhood();
    cy.elements().not(hood).addClass('faded');
    hood.edges().addClass('highlight');
    hood.nodes().not(node).addClass('neighbour');
    fit(hood);
    return true;
  }

  function clearHighlight() {
    if (!cy) return;
    cy.elements().removeClass('faded highlight neighbour');
    cy.$(':selected').unselect();
  }

  function setColourBy(by) {
    colourBy = by === 'country' ? 'country' : 'type';
    if (!cy) return drawLegend();
    const countries = countryColors(current.nodes);
    cy.batch(() => {
      for (const n of current.nodes) cy.getElementById(n.id).data('color', nodeColor(n, colourBy, countries));
    });
    drawLegend();
  }

  function drawLegend() {
    const kindCounts = new Map();
    for (const e of current.edges) {
      const k = edgeKind(e.kinds);
      kindCounts.set(k, (kindCounts.get(k) || 0) + 1);
    }
    const kinds = KINDS.map((k) =>
      el(
        'li',
        {},
        el(
          'button',
          { type: 'button', class: 'legend-item', dataset: { kind: k.id }, title: `Show only or also ${k.label} partnerships`, onclick: () => onKindClick(k.id) },
          el('span', { class: 'swatch line', style: { background: k.color } }),
          k.label,
          el('span', { class: 'muted' }, ` ${fmt(kindCounts.get(k.id) || 0)}`),
        ),
      ),
    );
    let nodeItems;
    if (colourBy === 'country') {
      const countries = countryColors(current.nodes);
      nodeItems = [...countries].map(([country, color]) => [country, color]);
      if (current.nodes.some((n) => !n.country || !countries.has(n.country))) nodeItems.push(['other or unknown', OTHER_COLOR]);
    } else {
      const present = new Set(current.nodes.map((n) => n.type));
      nodeItems = TYPES.filter((t) => present.has(t.id)).map((t) => [t.label, t.color]);
    }
    legend.replaceChildren(
      el('div', { class: 'legend-group' }, el('span', { class: 'legend-title' }, 'Line colour: most formal kind'), el('ul', { 'data-testid': 'legend-kinds' }, ...kinds)),
      el(
        'div',
        { class: 'legend-group' },
        el('span', { class: 'legend-title' }, colourBy === 'country' ? 'Circle colour: country' : 'Circle colour: type'),
        el('ul', { 'data-testid': 'legend-nodes' }, ...nodeItems.map(([label, color]) => el('li', { class: 'legend-item' }, el('span', { class: 'swatch dot', style: { background: color } }), label))),
      ),
      el('p', { class: 'muted small' }, 'Circle size: partners in view · line width: supporting documents · hover for full names.'),
    );
  }

  /** Current model positions by id (for tests and the benchmark). */
  function positions() {
    if (!cy) return {};
    return Object.fromEntries(cy.nodes().map((n) => [n.id(), n.position()]));
  }

  return { render, highlight, clearHighlight, fit: () => fit(), setColourBy, positions, has: (id) => Boolean(cy && !cy.getElementById(id).empty()) };
}
