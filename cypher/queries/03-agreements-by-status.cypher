// Agreements and programmes grouped by status (proposed, drafted, signed,
// ended; "unknown" when the text gives none), with their parties and the areas
// they concern. No parameters.
MATCH (ag)
WHERE ag:Agreement OR ag:Programme
OPTIONAL MATCH (party:Organization)-[:PARTY_TO]->(ag)
WITH ag, collect(DISTINCT party.name) AS parties
OPTIONAL MATCH (ag)-[:CONCERNS]->(area:Topic)
RETURN coalesce(ag.status, 'unknown') AS status,
       CASE WHEN ag:Agreement THEN 'Agreement' ELSE 'Programme' END AS type,
       ag.name AS name,
       ag.date AS date,
       parties,
       collect(DISTINCT area.name) AS areas
ORDER BY status, type, name;
