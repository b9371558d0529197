-- Every source of the snapshot (a few dozen at most).
SELECT source_id, title, publisher, licence, url, synthetic FROM source ORDER BY source_id;
