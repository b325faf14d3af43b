// Graph schema: uniqueness constraints and indexes, applied idempotently at
// every start (src/graph/schema.ts). Safe to paste into Neo4j Browser.
//
// Model (see README, "Graph model"):
//   (:Document {id, title, url, publishedAt, contentHash, ingestedAt})
//   entities (:Organization|:Person|:Country|:Place|:Programme|:Event|:Agreement|:Topic
//             {id, name, aliases, searchText, ...})
//   (:Alias {key})-[:ALIAS_OF]->(entity)             name/alias lookup and cross-document identity
//   (:Document)-[:MENTIONS]->(entity)
//   direct edges, aggregated over documents:
//     (:Organization)-[:PARTNERS_WITH {kinds, status, firstSeen, lastSeen, documentCount}]->(:Organization)
//     (:Person)-[:HOLDS_ROLE {title, firstSeen, lastSeen, documentCount}]->(:Organization)
//     (:Organization)-[:PART_OF]->(:Organization)
//     (:Organization)-[:PARTY_TO {status}]->(:Agreement|:Programme)
//     (:Organization|:Person)-[:PARTICIPATED_IN]->(:Event)
//     (:Organization)-[:BASED_IN]->(:Country|:Place), (:Place)-[:LOCATED_IN]->(:Country)
//     (:Agreement|:Programme|:Event)-[:CONCERNS]->(:Topic)
//   provenance, one node per fact per document:
//     (:Statement {id, factKey, type, sourceId, targetId, kind, date, status, title, role, start, end, text,
//                  rules, areas, areaKeys, documentId})   areas/areaKeys: PARTNERS_WITH areas and their Topic alias keys
//       -[:STATED_IN]->(:Document)
//   curation, never written by ingestion (src/graph/judgements.ts):
//     (:Judgement {id, kind, author, at, reason, entityIds, entityLabels, names, name, renames, relation, title, revertedAt, ...})
//       -[:JUDGES]->(entity), -[:JUDGES]->(:JudgedFact {key, state})   key = the judged edge's key = its statements' factKey
//       -[:UNITES]->(:JudgedKey {key})   merge: identity keys that ingestion keeps in one entity while it is in force

CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT programme_id IF NOT EXISTS FOR (n:Programme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT alias_key IF NOT EXISTS FOR (n:Alias) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
// Held (created, then deleted) by every ingestion transaction: writers from several processes take turns.
CREATE CONSTRAINT ingest_lock_id IF NOT EXISTS FOR (n:IngestLock) REQUIRE n.id IS UNIQUE;
// One node counting the write transactions (src/graph/version.ts): the API's caches are keyed on it.
CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (n:GraphVersion) REQUIRE n.id IS UNIQUE;

// Curation (src/graph/judgements.ts): judgements, the facts they judge, renames in force.
CREATE CONSTRAINT judgement_id IF NOT EXISTS FOR (n:Judgement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT judged_fact_key IF NOT EXISTS FOR (n:JudgedFact) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT judged_key IF NOT EXISTS FOR (n:JudgedKey) REQUIRE n.key IS UNIQUE;
CREATE INDEX judgement_renames IF NOT EXISTS FOR (n:Judgement) ON (n.renames);
CREATE INDEX judgement_at IF NOT EXISTS FOR (n:Judgement) ON (n.at);
CREATE INDEX judgement_rename_key IF NOT EXISTS FOR (n:Judgement) ON (n.renameKey);

CREATE INDEX statement_fact_key IF NOT EXISTS FOR (n:Statement) ON (n.factKey);
CREATE INDEX document_hash IF NOT EXISTS FOR (n:Document) ON (n.contentHash);
CREATE INDEX document_published IF NOT EXISTS FOR (n:Document) ON (n.publishedAt);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX agreement_status IF NOT EXISTS FOR (n:Agreement) ON (n.status);

CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Organization|Person|Country|Place|Programme|Event|Agreement|Topic)
ON EACH [n.name, n.searchText];

// Ingestion: merges find statements by endpoint; aggregated edges are found by their fact key.
CREATE INDEX statement_source IF NOT EXISTS FOR (n:Statement) ON (n.sourceId);
CREATE INDEX statement_target IF NOT EXISTS FOR (n:Statement) ON (n.targetId);
CREATE INDEX statement_document IF NOT EXISTS FOR (n:Statement) ON (n.documentId);
// Aggregated edges: one per fact key. A uniqueness constraint (not a plain
// index) makes a duplicate edge impossible and lets every MERGE find its edge
// by a unique seek, whatever the counts were when its plan was made.
// (Databases created before this used plain indexes of the same names: dropped first.)
DROP INDEX partners_with_key IF EXISTS;
DROP INDEX holds_role_key IF EXISTS;
DROP INDEX part_of_key IF EXISTS;
DROP INDEX party_to_key IF EXISTS;
DROP INDEX participated_in_key IF EXISTS;
DROP INDEX based_in_key IF EXISTS;
DROP INDEX located_in_key IF EXISTS;
DROP INDEX concerns_key IF EXISTS;
CREATE CONSTRAINT partners_with_key_unique IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT holds_role_key_unique IF NOT EXISTS FOR ()-[r:HOLDS_ROLE]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT part_of_key_unique IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT party_to_key_unique IF NOT EXISTS FOR ()-[r:PARTY_TO]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT participated_in_key_unique IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT based_in_key_unique IF NOT EXISTS FOR ()-[r:BASED_IN]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT located_in_key_unique IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT concerns_key_unique IF NOT EXISTS FOR ()-[r:CONCERNS]-() REQUIRE r.key IS UNIQUE;

// Change feed: one (:Change {seq, at, kind, documentId, organizationIds, json}) per change an
// ingestion or deletion made, numbered by (:ChangeSequence {id: 'changes', last}) (src/graph/changes.ts).
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (n:Change) REQUIRE n.seq IS UNIQUE;
CREATE CONSTRAINT change_sequence_id IF NOT EXISTS FOR (n:ChangeSequence) REQUIRE n.id IS UNIQUE;
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
