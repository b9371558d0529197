-- How one CSV cell is read, as SQL macros shared by every layout. Each `*_problem` macro gives NULL for a
-- good cell, or the rule it breaks; the matching value macro reads the value of a good cell.
-- `m_pattern` is the number m_pattern of the source's parse options (decimal and thousands separators),
-- with groups sign, whole and fraction; `thousands` is its thousands separator or ''.

-- A count: a non-negative whole number; 2562.0 is accepted, as some publishers write counts as floats.
CREATE OR REPLACE TEMP MACRO count_problem(m_t, m_pattern) AS CASE
  WHEN m_t IS NULL OR m_t = '' THEN 'not-a-number'
  WHEN regexp_full_match(m_t, '\d{1,15}') THEN NULL
  WHEN NOT regexp_full_match(m_t, m_pattern) THEN 'not-a-number'
  WHEN regexp_extract(m_t, m_pattern, 1) = '-' AND regexp_replace(m_t, '[-+0.,]', '', 'g') <> '' THEN 'negative-count'
  WHEN regexp_replace(coalesce(regexp_extract(m_t, m_pattern, 3), ''), '0', '', 'g') <> '' THEN 'not-a-whole-number'
  ELSE NULL
END;

CREATE OR REPLACE TEMP MACRO count_value(m_t, m_pattern, m_thousands) AS CASE
  WHEN regexp_full_match(m_t, '\d{1,15}') THEN CAST(m_t AS DOUBLE)
  ELSE CAST(replace(regexp_extract(m_t, m_pattern, 2), CASE WHEN m_thousands = '' THEN chr(1) ELSE m_thousands END, '') AS DOUBLE)
END;

-- An amount (e.g. euro): a non-negative decimal number.
CREATE OR REPLACE TEMP MACRO amount_problem(m_t, m_pattern) AS CASE
  WHEN m_t IS NULL OR m_t = '' THEN 'not-a-number'
  WHEN NOT regexp_full_match(m_t, m_pattern) THEN 'not-a-number'
  WHEN regexp_extract(m_t, m_pattern, 1) = '-' AND regexp_replace(m_t, '[-+0.,]', '', 'g') <> '' THEN 'negative-amount'
  ELSE NULL
END;

CREATE OR REPLACE TEMP MACRO amount_value(m_t, m_pattern, m_thousands) AS
  CAST(replace(regexp_extract(m_t, m_pattern, 2), CASE WHEN m_thousands = '' THEN chr(1) ELSE m_thousands END, '')
       || '.' || coalesce(nullif(regexp_extract(m_t, m_pattern, 3), ''), '0') AS DOUBLE);

-- An ISTAT comune code of 1 to 6 digits, padded to 6 (18110 → 018110).
CREATE OR REPLACE TEMP MACRO code_problem(m_t) AS CASE WHEN regexp_full_match(coalesce(m_t, ''), '\d{1,6}') THEN NULL ELSE 'bad-code' END;
CREATE OR REPLACE TEMP MACRO comune_code(m_t) AS lpad(m_t, 6, '0');

-- The explanation of a bad cell, in the shape of the project's messages: what was found; what was expected.
CREATE OR REPLACE TEMP MACRO cell_explanation(m_t, m_header, m_problem, m_expected) AS CASE
  WHEN m_t IS NULL OR m_t = '' THEN printf('the cell in column "%s" is empty; expected %s', m_header, m_expected)
  ELSE printf('"%s" in column "%s" %s; expected %s', CASE WHEN length(m_t) > 40 THEN left(m_t, 40) || '…' ELSE m_t END, m_header, m_problem, m_expected)
END;

CREATE OR REPLACE TEMP MACRO count_explanation(m_t, m_header, m_rule, m_format_note) AS cell_explanation(m_t, m_header,
  CASE m_rule WHEN 'not-a-number' THEN 'is not a number' WHEN 'negative-count' THEN 'is negative' ELSE 'is not a whole number' END,
  CASE WHEN coalesce(m_t, '') = '' THEN 'a non-negative whole number'
       WHEN m_rule = 'not-a-number' THEN 'a non-negative whole number' || m_format_note
       ELSE 'a non-negative whole number (a count)' END);

CREATE OR REPLACE TEMP MACRO amount_explanation(m_t, m_header, m_rule, m_format_note) AS cell_explanation(m_t, m_header,
  CASE m_rule WHEN 'negative-amount' THEN 'is negative' ELSE 'is not a number' END,
  'a non-negative amount' || m_format_note);

CREATE OR REPLACE TEMP MACRO code_explanation(m_t, m_header) AS cell_explanation(m_t, m_header, 'is not a code', 'an ISTAT comune code of 1 to 6 digits, like 018110');

-- An age band as written in messages and descriptors: TOT, Y<age>, Y<from>-<to>, Y<from>- (open ended).
CREATE OR REPLACE TEMP MACRO band_label(m_age_from, m_age_to) AS CASE
  WHEN m_age_from = 0 AND m_age_to IS NULL THEN 'TOT'
  WHEN m_age_to IS NULL THEN printf('Y%d-', m_age_from)
  WHEN m_age_from = m_age_to THEN printf('Y%d', m_age_from)
  ELSE printf('Y%d-%d', m_age_from, m_age_to)
END;
