-- The files $source was read from for $data_year: its source_file rows of that year or without one; a
-- source outside the staged observations (the comuni list, the ambiti) has only its one file in source.
SELECT f.file, f.sha256, f.year
FROM source_file f
WHERE f.source_id = $source AND (f.year IS NULL OR f.year = $data_year)
UNION ALL
SELECT s.file, s.sha256, NULL
FROM source s
WHERE s.source_id = $source AND s.file IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM source_file f WHERE f.source_id = $source)
ORDER BY file;
