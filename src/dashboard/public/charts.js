// The figures beside the network, drawn as HTML: organisations ranked by
// partners, partnerships per year, agreements by status, top areas. They
// follow the page's filter; a click on a bar opens or filters.

import { el, emptyNote, fmt, shortLabel } from './dom.js';
import { STATUS_COLORS } from './encodings.js';

/** Horizontal bars: items [{label, value, color?, title?, onClick?}]. */
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
        el('span', { class: 'bar-track' }, el('span', { class: 'bar-fill', style: { width: `${Math.max(2, (item.value / max) * 100)}%`, background: item.color || '' } })),
        el('span', { class: 'bar-value' }, valueLabel(item.value)),
      );
    }),
  );
}

/** Vertical columns for a time series: items [{label, value, onClick?}] in order. */
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
          item.onClick ? 'button' : 'div',
          { class: 'column', type: item.onClick ? 'button' : undefined, title: `${item.label}: ${fmt(item.value)}${item.onClick ? ' (click to filter)' : ''}`, onclick: item.onClick },
          el('span', { class: 'column-value' }, item.value > 0 ? fmt(item.value) : ''),
          el('span', { class: 'column-bar', style: { height: `${(item.value / max) * 80}%` } }),
          el('span', { class: 'column-label' }, index % showEvery === 0 ? item.label : ''),
        ),
      ),
    ),
  );
}

/** Years from the first to the last, missing ones as 0. */
export function fillYears(perYear) {
  if (perYear.length === 0) return [];
  const byYear = new Map(perYear.map((p) => [p.year, p.count]));
  const years = perYear.map((p) => p.year);
  const items = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y += 1) items.push({ year: y, value: byYear.get(y) || 0 });
  return items;
}

const CHARTS = ['chart-top', 'chart-years', 'chart-agreements', 'chart-areas'];

/** Draws the figures; `on` has openOrganization(org), filterArea(area), filterYear(year). */
export function drawCharts(stats, on) {
  drawBars(
    document.getElementById('chart-top'),
    stats.topOrganizations.map((r) => ({
      label: shortLabel(r.organization),
      title: r.organization.name,
      value: r.partnerCount,
      onClick: () => on.openOrganization(r.organization),
    })),
    { emptyText: 'No partnership matches.' },
  );
  drawColumns(
    document.getElementById('chart-years'),
    fillYears(stats.partnershipsPerYear).map((y) => ({ label: String(y.year), value: y.value, onClick: () => on.filterYear(y.year) })),
    { emptyText: 'No dated partnership matches.' },
  );
  drawBars(
    document.getElementById('chart-agreements'),
    stats.agreementsByStatus.map((s) => ({ label: s.status.toLowerCase(), value: s.count, color: STATUS_COLORS[s.status] })),
    { emptyText: 'No agreement matches.' },
  );
  drawBars(
    document.getElementById('chart-areas'),
    stats.partnershipsPerArea.map((a) => ({ label: a.area, value: a.count, color: '#E377C2', title: `${a.area}: click to filter`, onClick: () => on.filterArea(a.area) })),
    { emptyText: 'No cooperation area matches.' },
  );
}

export function chartsFailed() {
  for (const id of CHARTS) emptyNote(document.getElementById(id), 'Could not be loaded.');
}

/** The headline counts (whole graph). */
export function drawSummary(labels) {
  const counts = new Map(labels.map((l) => [l.label, l.count]));
  const parts = [
    ['Organization', 'organisations'],
    ['Person', 'people'],
    ['Agreement', 'agreements'],
    ['Document', 'documents'],
  ]
    .filter(([label]) => counts.has(label))
    .map(([label, noun]) => `${fmt(counts.get(label))} ${noun}`);
  document.getElementById('summary').textContent = parts.length > 0 ? parts.join(' · ') : 'Knowledge graph of partnerships';
}
