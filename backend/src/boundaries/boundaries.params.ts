/** The boundaries endpoint's path parameter: a provincia's 3-digit ISTAT code. */
import { param } from '../core/param-schemas.js';
import { checkOptional, ParameterProblem } from '../core/params.js';

const RULE = { it: 'il codice ISTAT di 3 cifre, es. 018 per Pavia', en: 'the 3-digit ISTAT code, e.g. 018 for Pavia' };

export const ProvinciaCode = param
  .custom((raw) => {
    const code = checkOptional(raw);
    if (code === undefined || /^\d{3}$/.test(code)) return code;
    throw new ParameterProblem({ it: `"${code}" non è un codice di provincia; usare ${RULE.it}`, en: `"${code}" is not a provincia code; use ${RULE.en}` }, RULE);
  })
  .required('018');
