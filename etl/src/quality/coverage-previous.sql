-- Fewer comuni with an indicator's values than in the snapshot served before (attached as `previous`)
-- is an error: a source file truncated or gone missing, not a smaller territory. Only indicators still in
-- the catalogue count, and only against a previous snapshot of the same kind (real or demo). The message is
-- in English and in Italian (message_it), as in checks.sql.
INSERT INTO quality_issue
WITH before AS (SELECT indicator_code, year, count(*) AS comuni FROM previous.indicator_part GROUP BY ALL),
now AS (SELECT indicator_code, year, count(*) AS comuni FROM indicator_part GROUP BY ALL)
SELECT $coverage_dropped_severity, 'coverage-dropped', NULL, NULL, b.year,
       printf('%s in %d has values for %d comuni, %d fewer than in snapshot %s served before; a source file may be truncated or missing (load with --accept-coverage-drop if this is intended)',
              b.indicator_code, b.year, coalesce(n.comuni, 0), b.comuni - coalesce(n.comuni, 0), $previous_id),
       printf('%s nel %d ha valori per %s comuni, %s in meno che nello snapshot %s servito prima; un file di origine potrebbe essere troncato o mancante (caricare con --accept-coverage-drop se è voluto)',
              b.indicator_code, b.year, translate(format('{:,d}', coalesce(n.comuni, 0)), ',', '.'), translate(format('{:,d}', b.comuni - coalesce(n.comuni, 0)), ',', '.'), $previous_id)
FROM before b
LEFT JOIN now n USING (indicator_code, year)
WHERE coalesce(n.comuni, 0) < b.comuni
  AND b.indicator_code IN (SELECT code FROM indicator)
  AND (SELECT value FROM previous.snapshot_meta WHERE key = 'mode') = (SELECT value FROM snapshot_meta WHERE key = 'mode');
