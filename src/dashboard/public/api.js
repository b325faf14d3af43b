// Everything the dashboard reads, through POST /graphql.

/** The endpoint, next to the page (read when asked, so that the module also loads outside a browser). */
const graphqlUrl = () => new URL('/graphql', window.location.href).toString();

/**
 * Runs one GraphQL operation; a GraphQL error becomes an Error with its code
 * in the message. `token` (mutations) goes in the Authorization header, never
 * in the URL.
 */
export async function graphql(query, variables = {}, { token = null } = {}) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(graphqlUrl(), { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
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
    error.code = first.extensions && first.extensions.code;
    // NOT_FOUND for a name carries the names that might have been meant.
    error.suggestions = (first.extensions && first.extensions.suggestions) || [];
    error.data = body.data;
    throw error;
  }
  return body.data;
}

/** The network and the figures under one filter (the server reads the filtered partnerships once). */
function viewFields(withAreas) {
  return `network(limit: $limit, filter: $filter) {
    nodes { id name aliases partnerCount country type }
    edges { source target kinds documentCount }
    totalOrganizations
    truncated
    center { id name aliases }
  }
  stats(top: $top, filter: $filter) {
    labels { label count }
    topOrganizations { organization { id name aliases } partnerCount }
    partnershipsPerYear { year count }
    ${withAreas ? 'partnershipsPerArea { area count }' : ''}
    agreementsByStatus { status count }
  }`;
}

/** Choices of the country and area filters (the whole graph). */
const FACETS_FIELDS = `stats(top: 100) {
    organizationsPerCountry { country count }
    partnershipsPerArea { area count }
  }`;

/**
 * The network and the figures under one filter, in one request; the top
 * areas only when asked (`withAreas`: without a filter they are the facets').
 */
export function viewQuery(withAreas) {
  return `query DashboardView($limit: Int, $top: Int, $filter: NetworkFilter) {
  ${viewFields(withAreas)}
}`;
}

/**
 * The first render's one request: the view and the filter's choices
 * (`facets`). Without a filter the view's top areas are the first of the
 * facets' (the same whole-graph figure), so the areas are read once.
 */
export function firstViewQuery(filtered) {
  return `query DashboardFirstView($limit: Int, $top: Int, $filter: NetworkFilter) {
  ${viewFields(filtered)}
  facets: ${FACETS_FIELDS}
}`;
}

/** Choices of the country and area filters alone (when the first request failed). */
export const FACETS_QUERY = `query DashboardFacets {
  ${FACETS_FIELDS}
}`;

const EVIDENCE_FIELDS = 'text start end date kinds rules { id reason } document { id title publishedAt url }';

export const ORGANIZATION_QUERY = `query DashboardOrganization($id: ID!) {
  entity(type: ORGANIZATION, id: $id) {
    ... on Organization {
      id name aliases judged
      country { id name }
      parent { id name aliases }
      units { id name aliases }
      people { person { id name } title firstSeen lastSeen }
      agreements { id name status }
      programmes { id name status }
      partners(first: 50) {
        partner { id name aliases }
        kinds status firstSeen lastSeen documentCount evidenceCount
        evidence(first: 2) { ${EVIDENCE_FIELDS} }
      }
    }
  }
}`;

export const PARTNERSHIP_QUERY = `query DashboardPartnership($a: String!, $b: String!, $first: Int, $offset: Int) {
  partnership(a: $a, b: $b) {
    organization { id name aliases }
    partner { id name aliases }
    kinds status firstSeen lastSeen documentCount evidenceCount judged confirmed
    evidence(first: $first, offset: $offset) { ${EVIDENCE_FIELDS} }
  }
}`;

export const PERSON_QUERY = `query DashboardPerson($id: ID!) {
  entity(type: PERSON, id: $id) {
    ... on Person {
      id name aliases
      roles {
        title firstSeen lastSeen judged confirmed
        organization { id name aliases }
        evidence(first: 2) { ${EVIDENCE_FIELDS} }
      }
    }
  }
}`;

export const COUNTRY_QUERY = `query DashboardCountry($id: ID!) {
  entity(type: COUNTRY, id: $id) {
    ... on Country {
      id name aliases
      organizations {
        id name aliases partnerCount
        partners(first: 10) { partner { id name aliases } kinds status }
      }
      namedOrganizations {
        id name aliases partnerCount
        partners(first: 10) { partner { id name aliases } kinds status }
      }
    }
  }
}`;

const PARTIED = `id name aliases status
      parties { id name aliases }
      areas { id name }
      statusHistory { status date evidence { ${EVIDENCE_FIELDS} } }
      evidence(first: 50) { ${EVIDENCE_FIELDS} }`;

export const AGREEMENT_QUERY = `query DashboardAgreement($id: ID!) {
  entity(type: AGREEMENT, id: $id) { ... on Agreement { ${PARTIED} date } }
}`;

export const PROGRAMME_QUERY = `query DashboardProgramme($id: ID!) {
  entity(type: PROGRAMME, id: $id) { ... on Programme { ${PARTIED} } }
}`;

export const EVENT_QUERY = `query DashboardEvent($id: ID!) {
  entity(type: EVENT, id: $id) {
    ... on Event {
      id name aliases date
      participants { __typename id name aliases }
      evidence(first: 50) { ${EVIDENCE_FIELDS} }
    }
  }
}`;

/** A document's text, to show a piece of evidence in its context (Evidence.start/end are offsets into it). */
export const DOCUMENT_QUERY = `query DashboardDocument($id: ID!) {
  document(id: $id) { id title publishedAt url text }
}`;

export const ENTITY_QUERY = `query DashboardEntity($type: EntityType!, $id: ID!) {
  entity(type: $type, id: $id) { __typename id name aliases ... on Place { country { id name } } }
}`;

export const SEARCH_QUERY = `query DashboardSearch($text: String!) {
  search(text: $text, first: 10) { type score entity { id name aliases } }
}`;

// ------------------------------------------------------------ curation (need the bearer token)

const JUDGEMENT_FIELDS = 'id kind author at reason names name relation title applied reverted revertedAt revertedBy revertReason entities { __typename id name }';

export const REJECT_MUTATION = `mutation DashboardReject($input: RelationInput!, $author: String!, $reason: String!) {
  rejectRelation(input: $input, author: $author, reason: $reason) { ${JUDGEMENT_FIELDS} }
}`;

export const CONFIRM_MUTATION = `mutation DashboardConfirm($input: RelationInput!, $author: String!, $reason: String!) {
  confirmRelation(input: $input, author: $author, reason: $reason) { ${JUDGEMENT_FIELDS} }
}`;

export const MERGE_MUTATION = `mutation DashboardMerge($names: [String!]!, $type: EntityType, $author: String!, $reason: String!) {
  mergeEntities(names: $names, type: $type, author: $author, reason: $reason) { ${JUDGEMENT_FIELDS} }
}`;

export const DISTINCT_MUTATION = `mutation DashboardDistinct($a: String!, $b: String!, $type: EntityType, $author: String!, $reason: String!) {
  markDistinct(a: $a, b: $b, type: $type, author: $author, reason: $reason) { ${JUDGEMENT_FIELDS} }
}`;

export const RENAME_MUTATION = `mutation DashboardRename($name: String!, $to: String!, $type: EntityType, $author: String!, $reason: String!) {
  renameEntity(name: $name, to: $to, type: $type, author: $author, reason: $reason) { ${JUDGEMENT_FIELDS} }
}`;

export const REVERT_MUTATION = `mutation DashboardRevert($id: ID!, $author: String!, $reason: String) {
  revertJudgement(id: $id, author: $author, reason: $reason) { ${JUDGEMENT_FIELDS} }
}`;

/** The judgements naming one organisation or person, newest first. */
export const JUDGEMENTS_QUERY = `query DashboardJudgements($entity: String!, $type: EntityType, $first: Int) {
  judgements(entity: $entity, type: $type, first: $first) {
    edges { node { ${JUDGEMENT_FIELDS} } }
    pageInfo { hasNextPage }
  }
}`;

// ------------------------------------------------------------ time

/** The change feed, newest first. */
export const CHANGES_QUERY = `query DashboardChanges($since: DateTime, $first: Int, $after: String) {
  changes(since: $since, first: $first, after: $after, newestFirst: true) {
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        cursor kind at from to title kinds
        subject { id name type }
        object { id name type }
        parties { id name type }
        document { id title publishedAt }
        evidence { text start end }
      }
    }
  }
}`;
