// The side panel: one page per kind of entity (organisation, partnership,
// person, country, agreement, programme, event, place, topic) and per
// document (its text, the evidence sentence it was opened from marked), each loaded
// through GraphQL. A page either shows its content, "not found", or the
// error with a retry button: never "Loading…" for good.

import {
  AGREEMENT_QUERY,
  COUNTRY_QUERY,
  DOCUMENT_QUERY,
  ENTITY_QUERY,
  EVENT_QUERY,
  graphql,
  ORGANIZATION_QUERY,
  PARTNERSHIP_QUERY,
  PERSON_QUERY,
  PROGRAMME_QUERY,
} from './api.js';
import { distinctAction, judgementHistory, mergeAction, relationActions, renameAction } from './curation.js';
import { dateRange, el, fmt, plural, shortLabel } from './dom.js';
import { KIND_LABELS } from './encodings.js';

/** Sentences per page of a partnership's evidence. */
export const EVIDENCE_PAGE = 5;

const INTRO = 'Click an organisation to see its partners, units, people and the sentences behind each partnership; search finds people, countries, agreements and programmes too.';

/**
 * A page reference ↔ the `open` URL parameter ("organization:org-icesco",
 * "partnership:ICESCO:Leibniz%20Association", "document:<id>:<start>:<end>"
 * for a document with the sentence at those offsets marked).
 */
export function refToParam(ref) {
  if (!ref) return '';
  const parts =
    ref.kind === 'partnership'
      ? [ref.a, ref.b]
      : ref.kind === 'document' && Number.isInteger(ref.start) && Number.isInteger(ref.end)
        ? [ref.id, String(ref.start), String(ref.end)]
        : [ref.id];
  return [ref.kind, ...parts.map(encodeURIComponent)].join(':');
}

export function paramToRef(param) {
  if (!param) return null;
  const [kind, ...parts] = param.split(':');
  try {
    const values = parts.map(decodeURIComponent);
    if (kind === 'partnership' && values.length === 2 && values[0] && values[1]) return { kind, a: values[0], b: values[1] };
    if (kind === 'document' && values[0]) {
      const [start, end] = values.slice(1, 3).map(Number);
      return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start ? { kind, id: values[0], start, end } : { kind, id: values[0] };
    }
    if (['organization', 'person', 'country', 'agreement', 'programme', 'event', 'place', 'topic'].includes(kind) && values[0]) return { kind, id: values[0] };
  } catch {
    return null;
  }
  return null;
}

/** The kind of page for a GraphQL EntityType or __typename. */
export function kindOfType(type) {
  return String(type).toLowerCase();
}

/**
 * The panel in `container`. `nav.open(ref)` navigates (the app records it in
 * the URL and calls `show`), `nav.filter(patch)` changes the page's filter,
 * `nav.changed(ref)` tells that a correction changed the graph (the app
 * reloads the network and the charts, then opens `ref`, or this page again).
 */
export function createPanel(container, nav) {
  let request = 0;

  const link = (ref, text, title) => el('button', { type: 'button', class: 'link', title, onclick: () => nav.open(ref) }, text);
  const orgLink = (o, cls = '') => el('button', { type: 'button', class: `link ${cls}`.trim(), title: o.name, onclick: () => nav.open({ kind: 'organization', id: o.id, name: o.name }) }, o.name);
  /** Sentences grouped by document, each opening its document with the sentence marked. */
  const evidence = (list) => evidenceGroups(list, (ref) => nav.open(ref));
  const heading = (text, type) => el('div', { class: 'page-head' }, type ? el('span', { class: 'page-type' }, type) : null, el('h3', { 'data-testid': 'details-name' }, text));

  function intro() {
    request += 1;
    container.replaceChildren(el('p', { class: 'muted' }, INTRO));
  }

  /** Loads a page: heading and "Loading…" at once, then the content, "not found" or the error with a retry. */
  async function load(title, type, fetch, render) {
    const mine = ++request;
    container.replaceChildren(heading(title, type), el('p', { class: 'muted', 'data-testid': 'details-loading' }, 'Loading…'));
    container.dataset.state = 'loading';
    let data;
    try {
      data = await fetch();
    } catch (error) {
      if (mine !== request) return;
      container.replaceChildren(
        heading(title, type),
        el('p', { class: 'panel-error', role: 'alert', 'data-testid': 'details-error' }, `Could not be loaded: ${error instanceof Error ? error.message : String(error)}`),
        el('button', { type: 'button', class: 'button', onclick: () => load(title, type, fetch, render) }, 'Try again'),
      );
      container.dataset.state = 'error';
      return;
    }
    if (mine !== request) return;
    if (data === null || data === undefined) {
      container.replaceChildren(heading(title, type), el('p', { class: 'muted' }, 'Not found in the graph.'));
      container.dataset.state = 'missing';
      return;
    }
    container.replaceChildren(...render(data).filter(Boolean));
    container.dataset.state = 'ready';
    container.scrollTop = 0;
    // A document opened from a sentence shows that sentence.
    const mark = container.querySelector('[data-scroll-to]');
    if (mark) {
      container.scrollTop += mark.getBoundingClientRect().top - container.getBoundingClientRect().top - container.clientHeight / 3;
      mark.scrollIntoView({ block: 'nearest' });
    }
  }

  function show(ref) {
    if (!ref) return intro();
    switch (ref.kind) {
      case 'organization':
        return load(ref.name || 'Organisation', 'organisation', async () => (await graphql(ORGANIZATION_QUERY, { id: ref.id })).entity, organizationPage);
      case 'partnership':
        return partnershipPage(ref, 0);
      case 'person':
        return load(ref.name || 'Person', 'person', async () => (await graphql(PERSON_QUERY, { id: ref.id })).entity, personPage);
      case 'country':
        return load(ref.name || 'Country', 'country', async () => (await graphql(COUNTRY_QUERY, { id: ref.id })).entity, countryPage);
      case 'agreement':
        return load(ref.name || 'Agreement', 'agreement', async () => (await graphql(AGREEMENT_QUERY, { id: ref.id })).entity, (a) => partiedPage(a, 'agreement'));
      case 'programme':
        return load(ref.name || 'Programme', 'programme', async () => (await graphql(PROGRAMME_QUERY, { id: ref.id })).entity, (p) => partiedPage(p, 'programme'));
      case 'event':
        return load(ref.name || 'Event', 'event', async () => (await graphql(EVENT_QUERY, { id: ref.id })).entity, eventPage);
      case 'document':
        return load(ref.name || 'Document', 'document', async () => (await graphql(DOCUMENT_QUERY, { id: ref.id })).document, (d) => documentPage(d, ref));
      case 'place':
      case 'topic':
        return load(ref.name || ref.kind, ref.kind, async () => (await graphql(ENTITY_QUERY, { type: ref.kind.toUpperCase(), id: ref.id })).entity, (e) => simplePage(e, ref.kind));
      default:
        return intro();
    }
  }

  // ------------------------------------------------------------ pages

  function organizationPage(org) {
    const facts = [
      org.aliases.length > 0 ? el('p', { class: 'small muted' }, `Also: ${org.aliases.join(', ')}`) : null,
      org.country ? el('p', { class: 'small' }, 'Country: ', link({ kind: 'country', id: org.country.id, name: org.country.name }, org.country.name)) : null,
      org.parent ? el('p', { class: 'small', 'data-testid': 'details-parent' }, 'Part of: ', orgLink(org.parent)) : null,
      org.parent ? relationActions({ relation: 'PART_OF', from: org.name, to: org.parent.name }, { onDone: () => nav.changed(null) }) : null,
    ];
    const partners = org.partners;
    return [
      heading(org.name, 'organisation'),
      ...facts,
      el(
        'div',
        { class: 'page-actions' },
        el('button', { type: 'button', class: 'button', 'data-testid': 'show-neighbourhood', onclick: () => nav.filter({ around: shortLabel(org), hops: 1 }) }, 'Show its neighbourhood'),
      ),
      org.units.length > 0
        ? section(`Units (${org.units.length})`, el('ul', { class: 'plain', 'data-testid': 'details-units' }, ...org.units.map((u) => el('li', {}, orgLink(u)))))
        : null,
      section(
        `Partners (${partners.length})`,
        partners.length === 0
          ? el('p', { class: 'muted small' }, 'No partnership recorded.')
          : el(
              'ul',
              { class: 'partners', 'data-testid': 'details-partners' },
              ...partners.map((p) =>
                el(
                  'li',
                  { class: 'partner' },
                  el('div', { class: 'partner-head' }, orgLink(p.partner, 'partner-name'), kindChips(p.kinds), p.status !== 'ACTIVE' ? el('span', { class: 'chip status' }, p.status.toLowerCase()) : null),
                  el('div', { class: 'small muted' }, [dateRange(p.firstSeen, p.lastSeen), plural(p.documentCount, 'document')].filter(Boolean).join(' · ')),
                  evidence(p.evidence),
                  el(
                    'button',
                    { type: 'button', class: 'link small all-evidence', onclick: () => nav.open({ kind: 'partnership', a: org.name, b: p.partner.name }) },
                    p.evidenceCount > p.evidence.length ? `All ${fmt(p.evidenceCount)} sentences →` : 'Partnership page →',
                  ),
                ),
              ),
            ),
      ),
      section(
        `People (${org.people.length})`,
        org.people.length === 0
          ? el('p', { class: 'muted small' }, 'No role recorded.')
          : el(
              'ul',
              { class: 'plain', 'data-testid': 'details-people' },
              ...org.people.map((r) =>
                el(
                  'li',
                  {},
                  link({ kind: 'person', id: r.person.id, name: r.person.name }, r.person.name),
                  r.title ? ` — ${r.title}` : '',
                  r.firstSeen || r.lastSeen ? el('span', { class: 'small muted' }, ` (${dateRange(r.firstSeen, r.lastSeen)})`) : '',
                ),
              ),
            ),
      ),
      org.agreements.length + org.programmes.length > 0
        ? section(
            'Agreements and programmes',
            el(
              'ul',
              { class: 'plain', 'data-testid': 'details-agreements' },
              ...org.agreements.map((a) => el('li', {}, link({ kind: 'agreement', id: a.id, name: a.name }, a.name), statusChip(a.status))),
              ...org.programmes.map((p) => el('li', {}, link({ kind: 'programme', id: p.id, name: p.name }, p.name), el('span', { class: 'chip' }, 'programme'), statusChip(p.status))),
            ),
          )
        : null,
      corrections({ type: 'ORGANIZATION', id: org.id, name: org.name, aliases: org.aliases }),
    ];
  }

  /** Rename…, Merge with…, Not the same as… and the judgement history of an organisation or person. */
  function corrections(entity) {
    const kind = entity.type === 'PERSON' ? 'person' : 'organization';
    const open = (e) => nav.changed(e && e.id !== entity.id ? { kind, id: e.id, name: e.name } : null);
    // A merge the graph applies may leave this entity under the other's id: then open the one that remains.
    const afterMerge = (j) => open(j.entities.find((e) => e.id === entity.id) || j.entities[0]);
    // A distinct names this entity first: after a split, its side (which may have another id now).
    const afterDistinct = (j) => open(j.entities[0]);
    // A revert (of a merge or a split) may join this entity into another node: open one the judgement still names.
    const afterRevert = (j) => open(j.entities.some((e) => e.id === entity.id) ? null : j.entities[0]);
    return section(
      'Corrections',
      el(
        'div',
        { 'data-testid': 'details-corrections' },
        renameAction(entity, { onDone: () => nav.changed(null) }),
        mergeAction(entity, { onDone: afterMerge }),
        distinctAction(entity, { onDone: afterDistinct }),
        el('h5', {}, 'Judgement history'),
        judgementHistory(entity, { onChanged: afterRevert }),
      ),
    );
  }

  function partnershipPage(ref, offset) {
    const title = `${ref.a} – ${ref.b}`;
    return load(
      title,
      'partnership',
      async () => (await graphql(PARTNERSHIP_QUERY, { a: ref.a, b: ref.b, first: EVIDENCE_PAGE, offset })).partnership,
      (p) => {
        const total = p.evidenceCount;
        const last = Math.min(total, offset + p.evidence.length);
        return [
          heading(`${shortLabel(p.organization)} – ${shortLabel(p.partner)}`, 'partnership'),
          el('p', { class: 'small' }, orgLink(p.organization), ' and ', orgLink(p.partner)),
          el('div', { class: 'partner-head' }, kindChips(p.kinds), p.status !== 'ACTIVE' ? el('span', { class: 'chip status' }, p.status.toLowerCase()) : null, confirmedChip(p)),
          el('p', { class: 'small muted' }, [dateRange(p.firstSeen, p.lastSeen), plural(p.documentCount, 'document')].filter(Boolean).join(' · ')),
          relationActions(
            { relation: 'PARTNERS_WITH', from: p.organization.name, to: p.partner.name },
            // A rejected partnership leaves the graph: show the organisation it was opened from.
            { onDone: (j) => nav.changed(j.kind === 'REJECT' ? { kind: 'organization', id: p.organization.id, name: p.organization.name } : null) },
          ),
          section(`Evidence (${fmt(total)} sentence${total === 1 ? '' : 's'})`, evidence(p.evidence)),
          el(
            'div',
            { class: 'pager', 'data-testid': 'evidence-pager' },
            el('button', { type: 'button', class: 'button', 'data-testid': 'evidence-prev', disabled: offset === 0, onclick: () => partnershipPage(ref, Math.max(0, offset - EVIDENCE_PAGE)) }, '‹ Previous'),
            el('span', { class: 'small muted', 'data-testid': 'evidence-range' }, total === 0 ? 'No sentence' : `Sentences ${fmt(offset + 1)}–${fmt(last)} of ${fmt(total)}`),
            el('button', { type: 'button', class: 'button', 'data-testid': 'evidence-next', disabled: last >= total, onclick: () => partnershipPage(ref, offset + EVIDENCE_PAGE) }, 'Next ›'),
          ),
        ];
      },
    );
  }

  function personPage(person) {
    // Roles over time: earliest first, undated last.
    const roles = [...person.roles].sort((a, b) => (a.firstSeen || '9999').localeCompare(b.firstSeen || '9999') || (a.title || '').localeCompare(b.title || ''));
    return [
      heading(person.name, 'person'),
      person.aliases.length > 0 ? el('p', { class: 'small muted' }, `Also: ${person.aliases.join(', ')}`) : null,
      section(
        `Roles over time (${roles.length})`,
        el(
          'ol',
          { class: 'timeline', 'data-testid': 'details-roles' },
          ...roles.map((r) =>
            el(
              'li',
              { class: 'partner' },
              el('div', { class: 'timeline-date small muted' }, dateRange(r.firstSeen, r.lastSeen) || 'undated'),
              el('div', { class: 'partner-head' }, r.title ? `${r.title}, ` : '', orgLink(r.organization, 'partner-name'), confirmedChip(r)),
              evidence(r.evidence),
              relationActions({ relation: 'HOLDS_ROLE', from: person.name, to: r.organization.name, title: r.title }, { onDone: () => nav.changed(null) }),
            ),
          ),
        ),
      ),
      corrections({ type: 'PERSON', id: person.id, name: person.name, aliases: person.aliases }),
    ];
  }

  function countryPage(country) {
    // Based there, then (marked) based nowhere but named after it.
    const named = new Set(country.namedOrganizations.map((o) => o.id));
    const orgs = [...country.organizations, ...country.namedOrganizations].sort((a, b) => b.partnerCount - a.partnerCount || a.name.localeCompare(b.name));
    return [
      heading(country.name, 'country'),
      el(
        'div',
        { class: 'page-actions' },
        el('button', { type: 'button', class: 'button', 'data-testid': 'filter-country', onclick: () => nav.filter({ country: country.name }) }, `Show partnerships involving ${country.name}`),
      ),
      section(
        `Organisations there (${orgs.length})`,
        orgs.length === 0
          ? el('p', { class: 'muted small' }, 'No organisation is recorded as based there.')
          : el(
              'ul',
              { class: 'partners', 'data-testid': 'details-organizations' },
              ...orgs.map((o) =>
                el(
                  'li',
                  { class: 'partner' },
                  el(
                    'div',
                    { class: 'partner-head' },
                    orgLink(o, 'partner-name'),
                    el('span', { class: 'small muted' }, plural(o.partnerCount, 'partner')),
                    named.has(o.id) ? el('span', { class: 'chip', title: 'No place recorded; the name ends with the country' }, 'by name') : null,
                  ),
                  o.partners.length === 0
                    ? null
                    : el(
                        'ul',
                        { class: 'plain small' },
                        ...o.partners.map((p) =>
                          el('li', {}, '↔ ', el('button', { type: 'button', class: 'link', title: 'The partnership and its evidence', onclick: () => nav.open({ kind: 'partnership', a: o.name, b: p.partner.name }) }, p.partner.name), ' ', kindChips(p.kinds)),
                        ),
                      ),
                ),
              ),
            ),
      ),
    ];
  }

  function partiedPage(a, type) {
    const history = a.statusHistory || [];
    return [
      heading(a.name, type),
      el('p', { class: 'small', 'data-testid': 'details-status' }, 'Status: ', statusChip(a.status) || el('span', { class: 'muted' }, 'not stated'), a.date ? el('span', { class: 'muted' }, ` · ${a.date}`) : null),
      history.length > 0
        ? section(
            `Status history (${history.length})`,
            el(
              'ol',
              { class: 'timeline', 'data-testid': 'details-status-history' },
              ...history.map((c) =>
                el(
                  'li',
                  { class: 'partner status-change' },
                  el('div', { class: 'partner-head' }, el('span', { class: 'timeline-date small muted', 'data-testid': 'status-date' }, c.date || 'undated'), statusChip(c.status)),
                  el('blockquote', {}, c.evidence.text),
                  el(
                    'div',
                    { class: 'small' },
                    documentLink(c.evidence, c.evidence.document.title || c.evidence.document.id, (ref) => nav.open(ref)),
                    c.evidence.document.publishedAt ? el('span', { class: 'muted' }, ` · ${c.evidence.document.publishedAt}`) : null,
                  ),
                ),
              ),
            ),
          )
        : null,
      section(`Parties (${a.parties.length})`, el('ul', { class: 'plain', 'data-testid': 'details-parties' }, ...a.parties.map((o) => el('li', {}, orgLink(o))))),
      a.areas.length > 0
        ? section(
            'Areas',
            el('p', { class: 'chips' }, ...a.areas.map((t) => el('button', { type: 'button', class: 'chip link-chip', title: 'Filter the page by this area', onclick: () => nav.filter({ area: t.name }) }, t.name))),
          )
        : null,
      section(`Evidence (${a.evidence.length})`, evidence(a.evidence)),
    ];
  }

  function eventPage(e) {
    return [
      heading(e.name, 'event'),
      e.date ? el('p', { class: 'small muted' }, e.date) : null,
      section(
        `Participants (${e.participants.length})`,
        el('ul', { class: 'plain' }, ...e.participants.map((p) => el('li', {}, link({ kind: kindOfType(p.__typename), id: p.id, name: p.name }, p.name)))),
      ),
      section('Evidence', evidence(e.evidence)),
    ];
  }

  /** The document's text with the sentence at `ref.start`–`ref.end` marked and scrolled into view. */
  function documentPage(d, ref) {
    const text = d.text || '';
    const marked = Number.isInteger(ref.start) && Number.isInteger(ref.end) && ref.start < ref.end && ref.end <= text.length;
    const body = marked
      ? [text.slice(0, ref.start), el('mark', { class: 'evidence-mark', 'data-testid': 'document-highlight', 'data-scroll-to': true }, text.slice(ref.start, ref.end)), text.slice(ref.end)]
      : [text];
    return [
      heading(d.title || d.id, 'document'),
      el(
        'p',
        { class: 'small muted' },
        [d.publishedAt, d.id].filter(Boolean).join(' · '),
        d.url ? el('span', {}, ' · ', el('a', { href: d.url, target: '_blank', rel: 'noopener noreferrer' }, 'original')) : null,
      ),
      ref.start !== undefined && !marked ? el('p', { class: 'small muted' }, 'The sentence is no longer in this version of the document.') : null,
      text === '' ? el('p', { class: 'muted small' }, 'No text stored for this document.') : el('div', { class: 'document-text', 'data-testid': 'document-text' }, ...body),
    ];
  }

  function simplePage(e, kind) {
    return [
      heading(e.name, kind),
      e.aliases.length > 0 ? el('p', { class: 'small muted' }, `Also: ${e.aliases.join(', ')}`) : null,
      e.country ? el('p', { class: 'small' }, 'Country: ', link({ kind: 'country', id: e.country.id, name: e.country.name }, e.country.name)) : null,
      kind === 'topic'
        ? el('div', { class: 'page-actions' }, el('button', { type: 'button', class: 'button', onclick: () => nav.filter({ area: e.name }) }, 'Show partnerships in this area'))
        : null,
    ];
  }

  return { show, intro };
}

// ------------------------------------------------------------ pieces

function section(title, body) {
  return el('section', { class: 'panel-section' }, el('h4', {}, title), body);
}

function kindChips(kinds) {
  return el('span', { class: 'chips' }, ...(kinds || []).map((k) => el('span', { class: `chip kind-${k.toLowerCase()}` }, KIND_LABELS[k] || k)));
}

function confirmedChip(edge) {
  return edge.confirmed ? el('span', { class: 'chip confirmed', 'data-testid': 'confirmed', title: 'An analyst checked it' }, 'confirmed') : null;
}

function statusChip(status) {
  return status ? el('span', { class: `chip status-${status.toLowerCase()}` }, status.toLowerCase()) : null;
}

/** A button opening the document of a sentence with the sentence marked. */
function documentLink(e, text, open) {
  return el(
    'button',
    {
      type: 'button',
      class: 'link',
      'data-testid': 'evidence-open-document',
      title: 'Read the sentence in its document',
      onclick: () => open({ kind: 'document', id: e.document.id, start: e.start, end: e.end, name: e.document.title || e.document.id }),
    },
    text,
  );
}

/**
 * Sentences grouped by document, in the order given (newest document first):
 * the title once per document; a sentence that is the headline itself is
 * marked as such instead of repeating the title. With `open`, each sentence
 * links to its document, where it is marked.
 */
export function evidenceGroups(evidence, open = null) {
  if (!evidence || evidence.length === 0) return el('p', { class: 'muted small' }, 'No sentence recorded.');
  const groups = [];
  for (const e of evidence) {
    const last = groups[groups.length - 1];
    if (last && last.document.id === e.document.id) last.items.push(e);
    else groups.push({ document: e.document, items: [e] });
  }
  return el(
    'div',
    { class: 'evidence', 'data-testid': 'evidence' },
    ...groups.map((g) => {
      const title = g.document.title || g.document.id;
      return el(
        'div',
        { class: 'doc-group' },
        el(
          'div',
          { class: 'doc-title small', 'data-testid': 'evidence-document' },
          g.document.url ? el('a', { href: g.document.url, target: '_blank', rel: 'noopener noreferrer' }, title) : el('span', {}, title),
          g.document.publishedAt ? el('span', { class: 'muted' }, ` · ${g.document.publishedAt}`) : null,
        ),
        el(
          'ul',
          { class: 'plain' },
          ...g.items.map((e) =>
            el(
              'li',
              { class: 'evidence-item' },
              el('blockquote', { class: e.text.trim() === (g.document.title || '').trim() ? 'headline' : null }, e.text),
              el(
                'div',
                { class: 'evidence-meta small muted' },
                e.text.trim() === (g.document.title || '').trim() ? el('span', { class: 'chip' }, 'headline') : null,
                e.date ? el('span', { 'data-testid': 'evidence-date' }, e.date) : null,
                kindChips(e.kinds),
                ruleList(e.rules),
                open && Number.isInteger(e.start) ? documentLink(e, 'in the document →', open) : null,
              ),
            ),
          ),
        ),
      );
    }),
  );
}

/** The extraction rules that read the sentence, by id; the reason shows on hover. */
function ruleList(rules) {
  if (!rules || rules.length === 0) return null;
  return el('span', { class: 'rules', 'data-testid': 'evidence-rules' }, 'rules: ', ...rules.flatMap((r, i) => [i > 0 ? ', ' : null, el('code', { class: 'rule', title: r.reason }, r.id)]));
}

