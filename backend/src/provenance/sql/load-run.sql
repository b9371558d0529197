-- The load run that built the snapshot (one per snapshot), times in UTC.
SELECT run_id,
       strftime(started_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS started_at,
       strftime(finished_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS finished_at,
       etl_version
FROM load_run
ORDER BY started_at DESC
LIMIT 1;
