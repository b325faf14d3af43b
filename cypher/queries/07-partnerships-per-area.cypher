// Partnerships per area of cooperation. A partnership counts for an area
// (Topic) when a sentence that states it names the area (the statement's
// `areas`; its Topic is found through the Alias keys in `areaKeys`), or when
// both partners are party to an agreement/programme that concerns it. Most
// partnerships first, with up to 10 example pairs. No parameters.
MATCH (a:Organization)-[r:PARTNERS_WITH]-(b:Organization)
WHERE elementId(a) < elementId(b)
WITH a, b, r,
     COLLECT {
       MATCH (s:Statement)
       WHERE s.factKey = r.key
          OR (s.type = 'PARTNERS_WITH'
              AND ((s.sourceId = a.id AND s.targetId = b.id) OR (s.sourceId = b.id AND s.targetId = a.id)))
       UNWIND coalesce(s.areaKeys, []) AS areaKey
       MATCH (:Alias {key: areaKey})-[:ALIAS_OF]->(t:Topic)
       RETURN t.name
     } + COLLECT {
       MATCH (a)-[:PARTY_TO]->(x)<-[:PARTY_TO]-(b), (x)-[:CONCERNS]->(t:Topic)
       RETURN t.name
     } AS areas
UNWIND areas AS area
WITH area, a, b, r
RETURN area,
       count(DISTINCT r) AS partnerships,
       collect(DISTINCT [a.name, b.name])[..10] AS examples
ORDER BY partnerships DESC, area;
