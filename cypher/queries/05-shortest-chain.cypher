// Shortest chain between two organisations through partnerships, roles
// (a person holding roles in both) and unit/membership links (PART_OF), up
// to 6 hops. Returns the path (graph view) and the chain of names.
// Names are matched against full names or aliases, case-insensitively.
// :param from => 'Leibniz Institute for Catalysis'
// :param to => 'Ministry of Science and Higher Education of the Republic of Kazakhstan'
MATCH (a:Organization)
WHERE toLower(a.name) = toLower(trim($from))
   OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower(trim($from)))
   OR EXISTS {
        MATCH (al:Alias)-[:ALIAS_OF]->(a)
        WHERE al.key STARTS WITH 'Organization|' AND split(al.key, '|')[1] = toLower(trim($from))
      }
MATCH (b:Organization)
WHERE toLower(b.name) = toLower(trim($to))
   OR any(alias IN coalesce(b.aliases, []) WHERE toLower(alias) = toLower(trim($to)))
   OR EXISTS {
        MATCH (al:Alias)-[:ALIAS_OF]->(b)
        WHERE al.key STARTS WITH 'Organization|' AND split(al.key, '|')[1] = toLower(trim($to))
      }
WITH a, b
WHERE a <> b
MATCH chain = shortestPath((a)-[:PARTNERS_WITH|HOLDS_ROLE|PART_OF*..6]-(b))
RETURN chain,
       length(chain) AS hops,
       [n IN nodes(chain) | n.name] AS names,
       [rel IN relationships(chain) | type(rel)] AS relations
ORDER BY hops
LIMIT 5;
