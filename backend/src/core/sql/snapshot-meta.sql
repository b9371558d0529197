-- What the API needs to know about a snapshot before serving it.
SELECT
  max(value) FILTER (WHERE key = 'snapshot_id')    AS snapshot_id,
  max(value) FILTER (WHERE key = 'schema_version') AS schema_version,
  max(value) FILTER (WHERE key = 'created_at')     AS created_at,
  max(value) FILTER (WHERE key = 'mode')           AS mode,
  max(value) FILTER (WHERE key = 'reference_date') AS reference_date,
  max(value) FILTER (WHERE key = 'ambiti_example') AS ambiti_example,
  max(value) FILTER (WHERE key = 'ambiti_note')    AS ambiti_note,
  max(value) FILTER (WHERE key = 'ambiti_note_en') AS ambiti_note_en,
  (SELECT CAST(count(*) AS INTEGER) FROM source)   AS source_count
FROM snapshot_meta;
