// The evidence behind one partnership: every sentence (Statement) that states
// it, with its kind, date and the areas of cooperation it names, and the
// document it comes from, oldest first.
// Names are matched against full names or aliases, case-insensitively.
// :param a => 'ICESCO'
// :param b => 'Leibniz Association'
MATCH (x:Organization)
WHERE toLower(x.name) = toLower(trim($a))
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower(trim($a)))
   OR EXISTS {
        MATCH (al:Alias)-[:ALIAS_OF]->(x)
        WHERE al.key STARTS WITH 'Organization|' AND split(al.key, '|')[1] = toLower(trim($a))
      }
MATCH (y:Organization)
WHERE toLower(y.name) = toLower(trim($b))
   OR any(alias IN coalesce(y.aliases, []) WHERE toLower(alias) = toLower(trim($b)))
   OR EXISTS {
        MATCH (al:Alias)-[:ALIAS_OF]->(y)
        WHERE al.key STARTS WITH 'Organization|' AND split(al.key, '|')[1] = toLower(trim($b))
      }
MATCH (x)-[r:PARTNERS_WITH]-(y)
MATCH (s:Statement)-[:STATED_IN]->(d:Document)
WHERE s.factKey = r.key
   OR (s.type = 'PARTNERS_WITH'
       AND ((s.sourceId = x.id AND s.targetId = y.id) OR (s.sourceId = y.id AND s.targetId = x.id)))
RETURN x.name AS organization,
       y.name AS partner,
       s.kind AS kind,
       s.date AS date,
       coalesce(s.areas, []) AS areas,
       s.text AS sentence,
       d.title AS document,
       d.publishedAt AS publishedAt,
       d.url AS url
ORDER BY date, publishedAt, document;
