-- The TopoJSON of one provincia's comuni, with its source.
SELECT b.topojson, s.source_id, s.title, s.publisher, s.licence, s.url, s.synthetic
FROM boundary b
JOIN source s ON s.source_id = b.source_id
WHERE b.provincia_code = $provincia;
