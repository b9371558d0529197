/** The provenance endpoint's query parameters. */
import { z } from 'zod';
import { param } from '../core/param-schemas.js';

export const ProvenanceQuerySchema = z.object({
  indicator: param.indicatorCode().required('DEM_POP'),
  territory: param.territoryCode().required('018110'),
  year: param.year(),
});
export type ProvenanceQuery = z.output<typeof ProvenanceQuerySchema>;
