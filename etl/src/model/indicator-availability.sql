-- Marks each indicator available when it has values (indicator_part rows), and says why not otherwise,
-- in Italian and English, naming the inputs missing from the whole snapshot: a variable no loaded source
-- gives (with where it is published, from catalog_variable), a variable given but not for the sex or age
-- band a term reads, a territory attribute no comune has; or, when every input exists, that they never
-- meet in one comune and year. Runs after indicator-parts.sql, on its indicator_term.

CREATE OR REPLACE TEMP TABLE missing_input AS
WITH present AS (SELECT DISTINCT variable, sex, band FROM value_resolved),
present_variable AS (SELECT DISTINCT variable FROM present),
term AS (SELECT DISTINCT indicator_code, variable, sex, age_band, attribute FROM indicator_term)
SELECT t.indicator_code, t.variable, t.sex, t.age_band, t.attribute, pv.variable IS NOT NULL AS variable_present
FROM term t
LEFT JOIN present p ON p.variable = t.variable AND p.sex = t.sex AND p.band = t.age_band
LEFT JOIN present_variable pv ON pv.variable = t.variable
WHERE t.attribute IS NULL AND p.variable IS NULL
UNION ALL
SELECT t.indicator_code, NULL, NULL, NULL, t.attribute, false
FROM term t
WHERE t.attribute = 'area_km2' AND NOT EXISTS (SELECT 1 FROM territory WHERE level = 'comune' AND area_km2 > 0);

CREATE OR REPLACE TEMP TABLE missing_reason AS
WITH described AS (
  SELECT m.indicator_code, m.variable, m.sex, m.age_band,
         CASE
           WHEN m.attribute IS NOT NULL THEN 'nessun comune ha la superficie (' || m.attribute || ') nell''elenco dei comuni caricato'
           WHEN NOT m.variable_present THEN 'nessuna fonte caricata fornisce la variabile ' || m.variable
                || coalesce(' (' || v.publisher || ')', ' (' || v.name_it || ')', '')
           ELSE 'le fonti caricate forniscono la variabile ' || m.variable || ' ma non per '
                || CASE m.sex WHEN 'M' THEN 'gli uomini di ' WHEN 'F' THEN 'le donne di ' ELSE '' END
                || CASE WHEN m.age_band = 'TOT' THEN 'tutte le età' ELSE coalesce(b.name_it, m.age_band) END
                || CASE WHEN m.age_band = 'TOT' THEN '' ELSE ' (servono i dati per singolo anno di età)' END
         END AS reason_it,
         CASE
           WHEN m.attribute IS NOT NULL THEN 'no comune has its area (' || m.attribute || ') in the list of comuni loaded'
           WHEN NOT m.variable_present THEN 'no loaded source gives the variable ' || m.variable
                || coalesce(' (' || v.publisher || ')', ' (' || v.name_en || ')', '')
           ELSE 'the loaded sources give the variable ' || m.variable || ' but not for '
                || CASE m.sex WHEN 'M' THEN 'men ' WHEN 'F' THEN 'women ' ELSE '' END
                || CASE WHEN m.age_band = 'TOT' THEN 'all ages' ELSE coalesce(b.name_en, m.age_band) END
                || CASE WHEN m.age_band = 'TOT' THEN '' ELSE ' (figures by single year of age are needed)' END
         END AS reason_en
  FROM missing_input m
  LEFT JOIN catalog_variable v ON v.variable = m.variable
  LEFT JOIN age_band b ON b.code = m.age_band
)
SELECT indicator_code,
       string_agg(reason_it, '; ' ORDER BY variable, sex, age_band) AS reason_it,
       string_agg(reason_en, '; ' ORDER BY variable, sex, age_band) AS reason_en
FROM described
GROUP BY indicator_code;

UPDATE indicator SET
  available = code IN (SELECT DISTINCT indicator_code FROM indicator_part),
  unavailable_reason_it = NULL,
  unavailable_reason_en = NULL;

UPDATE indicator SET
  unavailable_reason_it = upper(r.reason_it[1]) || r.reason_it[2:] || '.',
  unavailable_reason_en = upper(r.reason_en[1]) || r.reason_en[2:] || '.'
FROM missing_reason r
WHERE NOT indicator.available AND r.indicator_code = indicator.code;

UPDATE indicator SET
  unavailable_reason_it = 'Le fonti caricate forniscono tutti i dati che servono, ma mai per lo stesso comune e anno (per esempio una serie più corta del ritardo richiesto).',
  unavailable_reason_en = 'The loaded sources give every input needed, but never for the same comune and year (for example a series shorter than the lag needed).'
WHERE NOT available AND unavailable_reason_it IS NULL;
