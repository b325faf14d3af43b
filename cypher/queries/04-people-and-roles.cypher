// People and their roles per organisation (HOLDS_ROLE with its title), with
// the dates the role was first and last seen. One row per person and role,
// grouped by organisation. No parameters; add `WHERE o.name = $org` to narrow.
MATCH (p:Person)-[r:HOLDS_ROLE]->(o:Organization)
RETURN o.name AS organization,
       p.name AS person,
       r.title AS title,
       r.firstSeen AS firstSeen,
       r.lastSeen AS lastSeen,
       coalesce(r.documentCount, 0) AS documents
ORDER BY organization, person;
