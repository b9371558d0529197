-- Marks each indicator available when it has values (indicator_part rows), and says why not otherwise,
-- in Italian and English, naming the inputs missing from the whole snapshot: a variable no loaded source
-- gives (with where it is published, from the variable table), a variable given but not for the sex or age
-- band a term reads, a territory attribute no comune has; or, when every input exists, that they never
-- meet in one comune and year. Runs after indicator-parts.sql, on its indicator_term.

CREATE OR REPLACE TEMP TABLE missing_input AS
-- The keys value_resolved has values for, read without summing them: every key of a variable given by
-- single ages, and those chosen (value_chosen).
WITH present AS (
  SELECT variable, sex, band FROM value_key k WHERE EXISTS (SELECT 1 FROM observation_ages a WHERE a.variable = k.variable)
  UNION
  SELECT DISTINCT variable, sex, band FROM value_chosen
),
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

-- One phrase per missing variable (or attribute), listing the sexes and bands missing of a variable given.
CREATE OR REPLACE TEMP TABLE missing_reason AS
WITH slice AS (
  SELECT DISTINCT m.indicator_code, m.variable, m.attribute, m.variable_present, m.sex, m.age_band,
         CASE m.sex WHEN 'M' THEN 'gli uomini di ' WHEN 'F' THEN 'le donne di ' ELSE '' END
           || CASE WHEN m.age_band = 'TOT' THEN 'tutte le età' ELSE coalesce(b.name_it, m.age_band) END AS slice_it,
         CASE m.sex WHEN 'M' THEN 'men ' WHEN 'F' THEN 'women ' ELSE '' END
           || CASE WHEN m.age_band = 'TOT' THEN 'all ages' ELSE coalesce(b.name_en, m.age_band) END AS slice_en
  FROM missing_input m
  LEFT JOIN age_band b ON b.code = m.age_band
),
phrase AS (
  SELECT s.indicator_code, coalesce(s.variable, s.attribute) AS input,
         CASE
           WHEN s.attribute IS NOT NULL THEN 'nessun comune ha la superficie nell''elenco dei comuni caricato'
           WHEN NOT s.variable_present THEN 'nessuna fonte caricata fornisce i dati «' || coalesce(any_value(v.name_it), s.variable) || '»'
                || coalesce(' (' || any_value(v.publisher) || ')', '')
           ELSE 'le fonti caricate forniscono i dati «' || coalesce(any_value(v.name_it), s.variable) || '», ma non per le classi di età: '
                || string_agg(s.slice_it, ', ' ORDER BY s.age_band, s.sex)
                || CASE WHEN bool_and(s.age_band = 'TOT') THEN '' ELSE ': servono i dati per singolo anno di età' END
         END AS reason_it,
         CASE
           WHEN s.attribute IS NOT NULL THEN 'no comune has its area in the list of comuni loaded'
           WHEN NOT s.variable_present THEN 'no loaded source gives «' || coalesce(any_value(v.name_en), s.variable) || '»'
                || coalesce(' (' || any_value(v.publisher) || ')', '')
           ELSE 'the loaded sources give «' || coalesce(any_value(v.name_en), s.variable) || '», but not for the age bands: '
                || string_agg(s.slice_en, ', ' ORDER BY s.age_band, s.sex)
                || CASE WHEN bool_and(s.age_band = 'TOT') THEN '' ELSE ': figures by single year of age are needed' END
         END AS reason_en
  FROM slice s
  LEFT JOIN variable v ON v.code = s.variable
  GROUP BY s.indicator_code, s.variable, s.attribute, s.variable_present
)
SELECT indicator_code,
       string_agg(reason_it, '; ' ORDER BY input) AS reason_it,
       string_agg(reason_en, '; ' ORDER BY input) AS reason_en
FROM phrase
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
