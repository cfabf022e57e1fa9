!tables
SELECT type, COUNT(*) AS n FROM artifacts GROUP BY type ORDER BY n DESC, type LIMIT 5;
SELECT e.type, COUNT(*) FROM events e JOIN executions x ON x.id = e.execution_id GROUP BY e.type;
