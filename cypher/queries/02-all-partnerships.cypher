// All partnerships, one row per pair of organisations: the kinds of cooperation
// the texts state (meeting, discussion, mou, agreement, programme, joint-event,
// membership), whether it is current, the first and last dates it was seen and
// how many documents support it. Most recently seen first. No parameters.
MATCH (a:Organization)-[r:PARTNERS_WITH]-(b:Organization)
WHERE elementId(a) < elementId(b)
RETURN a.name AS organization,
       b.name AS partner,
       r.kinds AS kinds,
       coalesce(r.status, 'active') AS status,
       r.firstSeen AS firstSeen,
       r.lastSeen AS lastSeen,
       coalesce(r.documentCount, 0) AS documents
ORDER BY lastSeen DESC, organization, partner;
