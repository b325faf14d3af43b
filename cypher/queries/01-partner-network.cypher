// Partner network of one organisation: the organisation, every organisation it
// partners with (PARTNERS_WITH, any kind, any status) and the partnerships
// among those partners. Best viewed as a graph; apply cypher/browser-style.grss.
// The name is matched against the full name or any alias, case-insensitively
// (and through the Alias nodes that ingestion keeps for normalised names).
// :param org => 'ICESCO'
MATCH (o:Organization)
WHERE toLower(o.name) = toLower(trim($org))
   OR any(alias IN coalesce(o.aliases, []) WHERE toLower(alias) = toLower(trim($org)))
   OR EXISTS {
        MATCH (al:Alias)-[:ALIAS_OF]->(o)
        WHERE al.key STARTS WITH 'Organization|' AND split(al.key, '|')[1] = toLower(trim($org))
      }
MATCH direct = (o)-[:PARTNERS_WITH]-(partner:Organization)
OPTIONAL MATCH among = (partner)-[:PARTNERS_WITH]-(other:Organization)
  WHERE other <> o AND (o)-[:PARTNERS_WITH]-(other)
RETURN direct, among
LIMIT 500;
