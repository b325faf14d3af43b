// Organisations per country: organisations BASED_IN a country directly or in
// a place LOCATED_IN it. For an organisation with no BASED_IN relationship,
// falls back to its `country` property or to a name/alias that ends with the
// country's name ("... of the Republic of Kazakhstan", "Leibniz Association
// Germany"); the `basis` column says which. Largest first. No parameters.
MATCH (o:Organization)
WITH o,
     COLLECT { MATCH (o)-[:BASED_IN]->(c:Country) RETURN c }
       + COLLECT { MATCH (o)-[:BASED_IN]->(:Place)-[:LOCATED_IN]->(c:Country) RETURN c } AS based
WITH o,
     CASE WHEN size(based) > 0 THEN based
          ELSE COLLECT {
                 MATCH (c:Country)
                 WHERE o.country = c.name
                    OR any(n IN [o.name] + coalesce(o.aliases, []) WHERE n ENDS WITH c.name)
                 RETURN c
               }
     END AS countries,
     CASE WHEN size(based) > 0 THEN 'based in' ELSE 'named' END AS basis
UNWIND countries AS country
RETURN country.name AS country,
       count(DISTINCT o) AS organizations,
       collect(DISTINCT o.name)[..20] AS names,
       collect(DISTINCT basis) AS basis
ORDER BY organizations DESC, country;
