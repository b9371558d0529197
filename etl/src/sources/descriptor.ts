/**
 * The source descriptors (datasets/sources.yaml): the contract for where each published file comes from
 * and how its columns map onto the canonical model. One schema validates it and reports every problem
 * at once, each with a readable path such as `sources[3] (id pop_x).parse.delimiter`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { isRecord } from './is-record.js';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export const ENCODINGS = ['utf-8', 'windows-1252', 'latin-1'] as const;
export const SEXES = ['T', 'M', 'F'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export type SourceEncoding = (typeof ENCODINGS)[number];
export type Sex = (typeof SEXES)[number];

const oneOf = (values: readonly string[]) => `expected one of ${values.map(quoteOption).join(', ')}`;
const nonEmptyText = z.string({ error: 'expected text' }).trim().min(1, 'expected non-empty text');
const identifier = z.string({ error: 'expected an identifier' }).regex(/^[a-z][a-z0-9_]*$/, 'expected lower-case letters, digits and _ (like pop_res)');
const isoDate = z.iso.date({ error: 'expected a date written YYYY-MM-DD' });

/** A column as published: its name, or a list of accepted variants of the name. */
const column = z
  .union([nonEmptyText, z.array(nonEmptyText).min(1)], { error: 'expected a column name or a list of accepted names' })
  .transform((names): readonly string[] => (typeof names === 'string' ? [names] : names));

const dataFile = z
  .string({ error: 'expected a path relative to the data folder' })
  .min(1)
  .refine((file) => !path.isAbsolute(file) && !file.split('/').includes('..') && !file.includes('\\'), 'expected a path relative to the data folder, with / and without ..')
  .refine((file) => !path.posix.dirname(file).includes('*'), 'a * may appear only in the file name, not in its folders');

const variableDefinition = z
  .object({
    it: nonEmptyText,
    en: nonEmptyText,
    /** count: a non-negative whole number that adds up across comuni (the only kind the connectors read). */
    kind: z.literal('count', { error: oneOf(['count']) }),
  })
  .strict();

const parseOptions = z
  .object({
    delimiter: z.enum(DELIMITERS, { error: oneOf(DELIMITERS) }),
    encoding: z.enum(ENCODINGS, { error: oneOf(ENCODINGS) }),
    decimal: z.enum(['.', ','], { error: oneOf(['.', ',']) }).default('.'),
    thousands: z.enum(['.', ','], { error: oneOf(['.', ',']) }).optional(),
    title_lines: z.number({ error: 'expected a whole number of lines' }).int().min(0).default(0),
  })
  .strict()
  .refine((p) => p.thousands !== p.decimal, { message: 'thousands and decimal separators must differ', path: ['thousands'] });

const captureRegex = z.string({ error: 'expected a regular expression with a capture group for the year, like POSAS_(\\d{4})_' }).refine((pattern) => {
  try {
    return new RegExp(`${pattern}|`).exec('')!.length > 1;
  } catch {
    return false;
  }
}, 'expected a regular expression with a capture group for the year, like POSAS_(\\d{4})_');

const common = {
  id: identifier,
  title: nonEmptyText,
  publisher: nonEmptyText,
  licence: nonEmptyText,
  url: z.url({ error: 'expected a URL' }).optional(),
  file: dataFile,
  /** When true, a missing file is skipped instead of failing the load. */
  optional: z.boolean().default(false),
};
const csv = { format: z.literal('csv', { error: "expected 'csv'" }), parse: parseOptions };

function sourceSchema(variableNames: readonly string[]) {
  const variable = z.string().superRefine((name, ctx) => {
    if (!variableNames.includes(name)) ctx.addIssue({ code: 'custom', message: `"${name}" is not declared under variables; ${oneOf(variableNames)}` });
  });
  const ageBand = z.string().regex(/^(TOT|Y\d+(-\d*)?)$/, "expected 'TOT', 'Y<age>', 'Y<from>-<to>' or 'Y<from>-'");

  const wideValue = z
    .object({
      column,
      variable,
      sex: z.enum(SEXES, { error: oneOf(SEXES) }),
      age_band: ageBand,
      year: z.number().int().min(1800).max(2200).optional(),
      /** For files with one row per comune and year: the column holding the year. */
      year_column: column.optional(),
    })
    .strict()
    .refine((v) => (v.year === undefined) !== (v.year_column === undefined), { message: 'expected either year or year_column', path: ['year'] });

  const comuni = z
    .object({
      ...common,
      ...csv,
      role: z.literal('comuni'),
      /** The date the list describes: values are harmonised onto the comuni valid then. */
      reference_date: isoDate,
      columns: z.object({ code: column, name: column, provincia_code: column, area_km2: column.optional() }).strict(),
    })
    .strict();
  const comuniValidity = z
    .object({
      ...common,
      ...csv,
      role: z.literal('comuni_validity'),
      columns: z.object({ code: column, name: column, valid_from: column, valid_to: column }).strict(),
    })
    .strict();
  const province = z
    .object({
      ...common,
      ...csv,
      role: z.literal('province'),
      columns: z.object({ code: column, name: column, regione_code: column, area_km2: column.optional() }).strict(),
    })
    .strict();
  const regioni = z
    .object({ ...common, ...csv, role: z.literal('regioni'), columns: z.object({ code: column, name: column, area_km2: column.optional() }).strict() })
    .strict();
  const suppressed = z
    .object({
      ...common,
      ...csv,
      role: z.literal('suppressed'),
      columns: z.object({ code: column, name: column, date: column, new_code: column, new_name: column, split: column }).strict(),
    })
    .strict();
  const boundaries = z
    .object({
      ...common,
      file: dataFile.refine((file) => !file.includes('*'), 'expected one file, without *'),
      // Maps need them, and a read always yields the one topology (never "absent").
      optional: z.literal(false, { error: 'boundaries cannot be optional; expected false or no optional field' }).default(false),
      role: z.literal('boundaries'),
      // geojson: a FeatureCollection of Polygon/MultiPolygon features, converted to a topology when read.
      format: z.enum(['topojson', 'geojson'], { error: oneOf(['topojson', 'geojson']) }),
      provincia_code: z.string({ error: "expected a 3-digit provincia code like '018'" }).regex(/^\d{3}$/, "expected a 3-digit provincia code like '018'"),
      columns: z.object({ code: column, name: column }).strict(),
    })
    .strict();
  const wideObservations = z
    .object({
      ...common,
      ...csv,
      role: z.literal('observations'),
      layout: z.literal('wide').default('wide'),
      columns: z.object({ code: column }).strict(),
      values: z.array(wideValue).min(1, 'expected at least one value column').superRefine((values, ctx) => {
        const firstIndex = new Map<string, number>();
        values.forEach((v, index) => {
          if (v.year === undefined) return;
          const key = `${v.variable} ${v.sex} ${v.age_band} ${v.year}`;
          const first = firstIndex.get(key);
          if (first === undefined) firstIndex.set(key, index);
          else ctx.addIssue({ code: 'custom', path: [index], message: `gives ${key} like values[${first}]; expected each variable, sex, age band and year once` });
        });
      }),
    })
    .strict();
  const ageSexObservations = z
    .object({
      ...common,
      ...csv,
      role: z.literal('observations'),
      layout: z.literal('istat_age_sex'),
      year_from_file: captureRegex,
      columns: z.object({ code: column, age: column, male: column, female: column, total: column }).strict(),
      values: z.tuple([z.object({ variable }).strict()], { error: 'expected exactly one entry: { variable: … }' }),
    })
    .strict();

  const unknownOption = { error: (issue: z.core.$ZodRawIssue) => (issue.code === 'invalid_union' && 'options' in issue ? oneOf((issue.options as unknown[]).filter((o) => typeof o === 'string')) : undefined) };
  const observations = z.discriminatedUnion('layout', [wideObservations, ageSexObservations], unknownOption);
  return z.discriminatedUnion('role', [comuni, comuniValidity, province, regioni, suppressed, boundaries, observations], unknownOption);
}

function catalogSchema(variableNames: readonly string[]) {
  return z
    .object({
      variables: z.record(identifier, variableDefinition).refine((v) => Object.keys(v).length > 0, 'expected at least one variable'),
      sources: z.array(sourceSchema(variableNames)).min(1, 'expected at least one source'),
    })
    .strict();
}

export type SourceCatalog = z.output<ReturnType<typeof catalogSchema>>;
export type SourceDescriptor = SourceCatalog['sources'][number];
export type SourceRole = SourceDescriptor['role'];
export type VariableDefinition = z.output<typeof variableDefinition>;
export type DescriptorOf<R extends SourceRole> = Extract<SourceDescriptor, { role: R }>;
export type CsvSourceDescriptor = Extract<SourceDescriptor, { format: 'csv' }>;
export type ParseOptions = CsvSourceDescriptor['parse'];
export type WideObservationsDescriptor = Extract<DescriptorOf<'observations'>, { layout: 'wide' }>;
export type AgeSexObservationsDescriptor = Extract<DescriptorOf<'observations'>, { layout: 'istat_age_sex' }>;

export class SourceCatalogError extends Error {
  override readonly name = 'SourceCatalogError';
  constructor(
    file: string,
    /** One line per problem: `sources.yaml: sources[3] (id pop_x).parse.delimiter: expected …`. */
    readonly problems: readonly string[],
  ) {
    super(`${file} has ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}:\n${problems.join('\n')}`);
  }
}

/** Reads and validates datasets/sources.yaml, reporting every problem in one error. */
export async function loadSourceCatalog(yamlPath: string): Promise<SourceCatalog> {
  const name = path.basename(yamlPath);
  const lineCounter = new LineCounter();
  const document = parseDocument(await readFile(yamlPath, 'utf8'), { lineCounter });
  if (document.errors.length > 0) {
    throw new SourceCatalogError(
      name,
      document.errors.map((error) => `${name}: line ${error.linePos?.[0].line ?? 0}, column ${error.linePos?.[0].col ?? 0}: ${error.message.split('\n')[0]}`),
    );
  }
  const raw: unknown = document.toJS();
  const result = catalogSchema(declaredVariables(raw)).safeParse(raw, { reportInput: true });
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, message: describeIssue(issue) }))),
    ...duplicateIds(raw),
  ].map(({ path: at, message }) => `${name}: ${readablePath(raw, at)}: ${message}${lineSuffix(document, lineCounter, at)}`);
  if (problems.length > 0 || !result.success) throw new SourceCatalogError(name, problems);
  return result.data;
}

function declaredVariables(raw: unknown): string[] {
  const variables = isRecord(raw) ? raw.variables : undefined;
  return isRecord(variables) ? Object.keys(variables) : [];
}

function duplicateIds(raw: unknown): { path: PropertyKey[]; message: string }[] {
  const sources = isRecord(raw) && Array.isArray(raw.sources) ? raw.sources : [];
  const firstIndex = new Map<unknown, number>();
  const problems: { path: PropertyKey[]; message: string }[] = [];
  sources.forEach((source: unknown, index) => {
    const id = isRecord(source) ? source.id : undefined;
    if (typeof id !== 'string') return;
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else problems.push({ path: ['sources', index, 'id'], message: `"${id}" is already the id of sources[${first}]; expected ids to be unique` });
  });
  return problems;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const message = issue.message.replace(/^Invalid input: /, '').replace(/, received undefined$/, '');
  return 'input' in issue && issue.input === undefined ? `missing; ${message}` : message;
}

/** `sources[3] (id pop_x).parse.delimiter`: the source's id makes the index readable. */
function readablePath(raw: unknown, at: readonly PropertyKey[]): string {
  let text = '';
  let node: unknown = raw;
  for (const segment of at) {
    node = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[segment as string] : undefined;
    if (typeof segment === 'number') {
      const id = isRecord(node) && typeof node.id === 'string' ? ` (id ${node.id})` : '';
      text += `[${segment}]${id}`;
    } else {
      text += `${text === '' ? '' : '.'}${String(segment)}`;
    }
  }
  return text || '(top level)';
}

function lineSuffix(document: Document, lineCounter: LineCounter, at: readonly PropertyKey[]): string {
  // A missing key is placed at its parent: walk up to the deepest node that exists.
  for (let depth = at.length; depth >= 0; depth -= 1) {
    const node = document.getIn(at.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return ` (line ${lineCounter.linePos(node.range[0]).line})`;
  }
  return '';
}

function quoteOption(value: string): string {
  return `'${value.replace(/\t/g, '\\t')}'`;
}
