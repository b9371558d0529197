/**
 * Zod schemas for query and path parameters, and the pipes that apply them, so that controllers hand
 * services typed input. Each parameter schema reuses a `check*` function of params.ts; its problem becomes
 * a zod issue which the pipe turns into a BadParameterError named after the parameter.
 *
 * Use (any controller, e.g. the values one):
 *
 *   const ValuesQuerySchema = z.object({ level: param.choice(TERRITORY_LEVELS).otherwise('comune'), year: param.year() });
 *   type ValuesQuery = z.output<typeof ValuesQuerySchema>;   // not the same name as the schema: SWC's decorator metadata would name the schema
 *   list(@Query(new ZodQueryPipe(ValuesQuerySchema)) query: ValuesQuery) { ... }   // the whole query string
 *   get(@Param('code', new ZodParamPipe(param.indicatorCode())) code: string) { ... }   // one path parameter
 *
 * Keep the @ApiQuery/@ApiParam decorators: OpenAPI does not read zod schemas. Parameters the schema does
 * not name are ignored (e.g. `format`, which the SnapshotDataInterceptor reads).
 */
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { BadParameterError } from './errors.js';
import { checkChoice, checkCode, checkOptional, checkWholeNumber, checkYear, ParameterProblem, requiredProblem } from './params.js';

interface IssueParams {
  readonly problem?: ParameterProblem;
  readonly requiredExample?: string;
}

/** A parameter schema from a check function: absent stays undefined, a bad value is an issue. */
function fromCheck<T>(check: (raw: unknown) => T | undefined) {
  // optional(): an absent key is then given to the check as undefined rather than refused by zod.
  const schema = z.unknown().optional().transform((raw, ctx): T | undefined => {
    try {
      return check(raw);
    } catch (error) {
      if (!(error instanceof ParameterProblem)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message, params: { problem: error } satisfies IssueParams });
      return z.NEVER;
    }
  });
  return Object.assign(schema, {
    /** The value when the parameter is absent. */
    otherwise: <D>(value: D) => schema.transform((v): T | D => v ?? value),
    /** Absent is refused, with `example` in the message. */
    required: (example: string) =>
      schema.transform((v, ctx): T => {
        if (v !== undefined) return v;
        ctx.addIssue({ code: 'custom', message: 'required', params: { requiredExample: example } satisfies IssueParams });
        return z.NEVER;
      }),
  });
}

// Indicator codes are the catalogue's (DEM_POP, SOC_NIDI_0_2): letters, digits and '_', '-' or '.'.
const INDICATOR_CODE = /^[A-Za-z0-9_.-]{1,64}$/;

export const param = {
  /** A parameter checked by `check`, which returns undefined when absent and throws a ParameterProblem. */
  custom: fromCheck,
  /** One value given once; any text. */
  text: () => fromCheck(checkOptional),
  choice: <T extends string>(allowed: readonly T[]) => fromCheck((raw) => checkChoice(raw, allowed)),
  territoryCode: () => fromCheck(checkCode),
  indicatorCode: () =>
    fromCheck((raw) => {
      const value = checkOptional(raw);
      if (value === undefined || INDICATOR_CODE.test(value)) return value;
      const rule = { it: "fino a 64 lettere, cifre, '_', '.' o '-' (es. DEM_POP)", en: "up to 64 letters, digits, '_', '.' or '-' (e.g. DEM_POP)" };
      throw new ParameterProblem({ it: `"${value}" non è un codice di indicatore; usare ${rule.it}`, en: `"${value}" is not an indicator code; use ${rule.en}` }, rule);
    }),
  year: () => fromCheck(checkYear),
  wholeNumber: (min: number) => fromCheck((raw) => checkWholeNumber(raw, min)),
  /** A page size from 1 up; absent is `byDefault`, and anything above `max` is cut to `max`, not refused, however many digits. */
  limit: (byDefault: number, max: number) => fromCheck((raw) => checkWholeNumber(typeof raw === 'string' && /^0*[1-9]\d{9,}$/.test(raw) ? String(max) : raw, 1)).transform((v) => Math.min(v ?? byDefault, max)),
  offset: () => fromCheck((raw) => checkWholeNumber(raw, 0)).transform((v) => v ?? 0),
};

/**
 * Applies a zod schema to a controller argument. Given a name (`@Query('year', pipe)`, `@Param('code',
 * pipe)`) the schema is that parameter's; without one (`@Query(pipe)`) it is an object schema over the
 * whole query string or path, and issues are named by their key.
 */
class ZodParametersPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.output<S> {
    let result: z.ZodSafeParseResult<z.output<S>>;
    try {
      result = this.schema.safeParse(value ?? {});
    } catch (error) {
      // A plain .transform() that threw a ParameterProblem instead of going through param.custom.
      if (error instanceof ParameterProblem) throw error.named(metadata.data ?? 'query');
      throw error;
    }
    if (result.success) return result.data;
    const [issue] = result.error.issues;
    const name = metadata.data ?? String(issue?.path[0] ?? 'query');
    throw toBadParameter(name, issue);
  }
}

function toBadParameter(name: string, issue: z.core.$ZodIssue | undefined): BadParameterError {
  const params = (issue as { params?: IssueParams } | undefined)?.params;
  if (params?.problem) return params.problem.named(name);
  if (params?.requiredExample !== undefined) return requiredProblem(name, params.requiredExample).named(name);
  // A schema written with plain zod types: its own message, which zod words in English.
  const said = issue?.message ?? 'is not allowed';
  return new BadParameterError(name, { it: `valore non ammesso (${said})`, en: said });
}

/** The query string, or one query parameter, through a zod schema. */
export class ZodQueryPipe<S extends z.ZodType> extends ZodParametersPipe<S> {}

/** The path parameters, or one of them, through a zod schema. */
export class ZodParamPipe<S extends z.ZodType> extends ZodParametersPipe<S> {}
