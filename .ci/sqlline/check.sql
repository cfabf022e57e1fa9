!tables
SELECT type, COUNT(*) AS n FROM artifacts GROUP BY type ORDER BY n DESC, type LIMIT 5;
SELECT e.type, COUNT(*) FROM events e JOIN executions x ON x.id = e.execution_id GROUP BY e.type;
LINEAGE UPSTREAM OF ARTIFACTS WHERE id = 18 RETURN ARTIFACTS WHERE type = 'Schema' AS schemas, EXECUTIONS;
SELECT a.id, a.type, l.distance FROM TABLE(lineage('UPSTREAM', 'ARTIFACTS', 'id = 18')) l JOIN artifacts a ON a.id = l.artifact_id WHERE l.distance > 0 ORDER BY l.distance, a.id;
