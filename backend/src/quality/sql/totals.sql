-- Counts of the issues on $territory (NULL: anywhere), as facets: per severity with the rule filter
-- applied, per rule with the severity filter applied, and 'matching' with every filter applied.
WITH issue AS (
  SELECT q.severity, q.rule
  FROM quality_issue q
  WHERE $territory IS NULL OR q.territory_code IN (SELECT c.code FROM containment c WHERE c.container = $territory)
)
SELECT 'severity' AS facet, severity, NULL AS rule, CAST(count(*) AS INTEGER) AS issues
FROM issue WHERE $rule IS NULL OR rule = $rule GROUP BY severity
UNION ALL
SELECT 'rule' AS facet, severity, rule, CAST(count(*) AS INTEGER) AS issues
FROM issue WHERE $severity IS NULL OR severity = $severity GROUP BY severity, rule
UNION ALL
SELECT 'matching' AS facet, NULL, NULL, CAST(count(*) AS INTEGER) AS issues
FROM issue WHERE ($severity IS NULL OR severity = $severity) AND ($rule IS NULL OR rule = $rule);
