-- One catalogue entry as the snapshot was computed with it.
SELECT CAST(definition AS VARCHAR) AS definition FROM indicator WHERE code = $indicator;
