-- The snapshot's quality issues matching the filters (NULL: any), most severe first, then by rule,
-- territory, year and message, so that pages of $limit rows from $offset are stable. $territory
-- matches issues on it or on any territory it contains. An issue may name no source or no territory.
SELECT q.severity, q.rule, q.source_id, s.title AS source_title,
       q.territory_code, t.name AS territory_name, t.level AS territory_level, q.year, q.message, q.message_it
FROM quality_issue q
LEFT JOIN source s ON s.source_id = q.source_id
LEFT JOIN territory t ON t.code = q.territory_code
WHERE ($severity IS NULL OR q.severity = $severity)
  AND ($rule IS NULL OR q.rule = $rule)
  AND ($territory IS NULL OR q.territory_code IN (SELECT c.code FROM containment c WHERE c.container = $territory))
ORDER BY list_position(['error', 'warning', 'info'], q.severity), q.rule, q.territory_code NULLS FIRST, q.year NULLS FIRST, q.message
LIMIT $limit OFFSET $offset;
