/**
 * The source descriptors (datasets/sources.yaml): the contract for where each published file comes from
 * and how its columns map onto the canonical model. One schema validates it and reports every problem
 * at once, each with a readable path such as `sources[3] (id pop_x).parse.delimiter`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { wildcard } from './files.js';
import { isRecord } from './is-record.js';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export const ENCODINGS = ['utf-8', 'windows-1252', 'latin-1'] as const;
export const SEXES = ['T', 'M', 'F'] as const;
export const VARIABLE_KINDS = ['count', 'amount'] as const;
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
    /**
     * count: a non-negative whole number that adds up across comuni; amount: a non-negative decimal
     * number that adds up too (e.g. taxable income in euro).
     */
    kind: z.enum(VARIABLE_KINDS, { error: oneOf(VARIABLE_KINDS) }),
    /** Where the variable is published, for a reader to find it (and for the reason an indicator is unavailable). */
    publisher: nonEmptyText.optional(),
    /**
     * Another variable this one counts a part of, cell by cell (same comune, year, sex and age): foreign
     * residents are residents. An indicator may compute a proportion of the one over the other.
     */
    part_of: identifier.optional(),
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

/**
 * Where a user's machine can download a source's files: a URL template with {year} (and {provincia}),
 * the years published (inclusive), the path in the data folder each file becomes, the archive entry
 * to extract for zips and, optionally, the sha256 each file must have (keyed by its data-folder path).
 */
export const DOWNLOAD_PLACEHOLDERS = { year: /^\d{4}$/, provincia: /^\d{3}$/ } as const;
const placeholdersIn = (template: string) => [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
const knownPlaceholders = (template: string) => placeholdersIn(template).every((name) => name in DOWNLOAD_PLACEHOLDERS);
const placeholderMessage = `expected only the placeholders ${Object.keys(DOWNLOAD_PLACEHOLDERS).map((p) => `{${p}}`).join(' and ')}`;
/** A template with sample values in its placeholders, to check what it expands to. */
export const sampleExpansion = (template: string, year = 2000) => template.replaceAll('{year}', String(year)).replaceAll('{provincia}', '001');
const templateRegex = (template: string) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replaceAll('{year}', '(\\d{4})').replaceAll('{provincia}', '\\d{3}')}$`);
// Checks across fields run once each field is valid, so one mistake is reported once.
const onlyWhenValid = { when: (payload: z.core.ParsePayload) => payload.issues.length === 0 };

const downloadYear = z.number({ error: 'expected a year like 2025' }).int('expected a year like 2025').min(1800).max(2200);
const download = z
  .object({
    url: z
      .string({ error: 'expected a URL template like https://host/POSAS_{year}.zip' })
      .refine(knownPlaceholders, placeholderMessage)
      .refine((url) => URL.canParse(sampleExpansion(url)) && /^https?:$/.test(new URL(sampleExpansion(url)).protocol), 'expected an http:// or https:// URL'),
    years: z.tuple([downloadYear, downloadYear], { error: 'expected [first year, last year]' }).refine(([from, to]) => from <= to, 'expected the first year before the last').optional(),
    file: dataFile.refine(knownPlaceholders, placeholderMessage).refine((file) => !file.includes('*'), 'expected the one path each download becomes, without *'),
    unzip: z
      .string({ error: 'expected the name of the entry to extract from the zip' })
      .min(1)
      .refine(knownPlaceholders, placeholderMessage)
      .refine((entry) => !entry.startsWith('/') && !entry.split(/[/\\]/).includes('..') && !/^[a-zA-Z]:/.test(entry), 'expected an entry inside the archive, without .. or a leading /')
      .optional(),
    sha256: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits')).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const withYear = [d.url, d.file, d.unzip ?? ''].map((t) => placeholdersIn(t).includes('year'));
    if (withYear[0] && d.years === undefined) ctx.addIssue({ code: 'custom', path: ['years'], message: 'missing; the url has {year}: expected [first year, last year]' });
    if (!withYear[0] && d.years !== undefined) ctx.addIssue({ code: 'custom', path: ['years'], message: 'the url has no {year}; expected no years' });
    for (const [index, name] of (['url', 'file', 'unzip'] as const).entries()) {
      if (name !== 'url' && d[name] !== undefined && withYear[index] !== withYear[0]) ctx.addIssue({ code: 'custom', path: [name], message: `expected {year} here exactly when the url has it, so each year gets its own file` });
    }
    if (placeholdersIn(d.url).includes('provincia') !== placeholdersIn(d.file).includes('provincia')) ctx.addIssue({ code: 'custom', path: ['file'], message: 'expected {provincia} here exactly when the url has it' });
    for (const key of Object.keys(d.sha256 ?? {})) {
      const year = templateRegex(d.file).exec(key)?.[1];
      const inRange = year === undefined || d.years === undefined || (Number(year) >= d.years[0] && Number(year) <= d.years[1]);
      if (!templateRegex(d.file).test(key) || !inRange) ctx.addIssue({ code: 'custom', path: ['sha256', key], message: `"${key}" is not a file this download writes; expected a path like ${sampleExpansion(d.file, d.years?.[0])}` });
    }
  }, onlyWhenValid);

/** The download writes files the source reads: its path must match `file`, and the year its name gives. */
function downloadMatchesFile(source: { file: string; download?: z.output<typeof download> | undefined; year_from_file?: string }, ctx: z.core.$RefinementCtx): void {
  if (source.download === undefined) return;
  const { years, file } = source.download;
  for (const year of years === undefined ? [undefined] : [years[0], years[1]]) {
    const written = sampleExpansion(file, year);
    if (!wildcard(path.posix.basename(source.file)).test(path.posix.basename(written)) || path.posix.dirname(written) !== path.posix.dirname(source.file)) {
      ctx.addIssue({ code: 'custom', path: ['download', 'file'], message: `writes ${written}, which file ${source.file} does not match; expected a path the source reads` });
      return;
    }
    const found = source.year_from_file === undefined || year === undefined ? undefined : new RegExp(source.year_from_file).exec(written)?.[1];
    if (found !== undefined && Number(found) !== year) {
      ctx.addIssue({ code: 'custom', path: ['download', 'file'], message: `writes ${written}, whose year_from_file gives ${found}, not ${year}; expected the year in the file name` });
      return;
    }
  }
}

const common = {
  id: identifier,
  title: nonEmptyText,
  publisher: nonEmptyText,
  licence: nonEmptyText,
  url: z.url({ error: 'expected a URL' }).optional(),
  file: dataFile,
  /** When true, a missing file is skipped instead of failing the load. */
  optional: z.boolean().default(false),
  /** True for made-up values (the demo's generated files): flagged synthetic wherever they are shown. */
  synthetic: z.boolean().default(false),
  download: download.optional(),
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
      columns: z
        .object({
          code: column,
          name: column,
          /** The name in the second official language (Bozen, Devin Nabrežina), where there is one. */
          name_other: column.optional(),
          provincia_code: column,
          provincia_name: column.optional(),
          regione_code: column.optional(),
          regione_name: column.optional(),
          area_km2: column.optional(),
        })
        .strict(),
    })
    .strict();
  const comuniValidity = z
    .object({
      ...common,
      ...csv,
      role: z.literal('comuni_validity'),
      columns: z.object({ code: column, name: column, valid_from: column, valid_to: column, cadastral: column.optional() }).strict(),
    })
    .strict();
  const province = z
    .object({
      ...common,
      ...csv,
      role: z.literal('province'),
      columns: z.object({ code: column, name: column, regione_code: column, area_km2: column.optional(), sigla: column.optional() }).strict(),
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
  // A regional register of services (RSA, nurseries): one row per service unit, comuni by code or by
  // name, CSV or an XLSX sheet; counts summed per comune and year (stage/register.ts).
  const registerObservations = z
    .object({
      ...common,
      role: z.literal('observations'),
      layout: z.literal('register'),
      format: z.enum(['csv', 'xlsx'], { error: oneOf(['csv', 'xlsx']) }),
      parse: parseOptions.optional(),
      /** xlsx: the sheet by name (default the first) and the row of its header (default 1). */
      sheet: nonEmptyText.optional(),
      header_row: z.number({ error: 'expected a row number, 1 for the first' }).int('expected a row number, 1 for the first').min(1).optional(),
      year: z.number().int().min(1800).max(2200).optional(),
      year_column: column.optional(),
      columns: z
        .object({ comune_code: column.optional(), comune_name: column.optional(), provincia: column.optional(), type: column.optional() })
        .strict()
        .refine((c) => c.comune_code !== undefined || c.comune_name !== undefined, 'expected comune_code or comune_name (or both: the code is used)'),
      /** Only rows whose type (columns.type) is one of these, compared without case and spaces at the ends. */
      filter: z.object({ type: z.array(nonEmptyText).min(1, 'expected at least one type') }).strict().optional(),
      /**
       * The regione ('03') or provincia ('018') whose every service the register lists: a comune of it
       * that the register leaves out has none (0), not an unknown number.
       */
      covers: z.string().regex(/^(\d{2}|\d{3})$/, "expected a regione code like '03' or a provincia code like '018'").optional(),
      values: z.array(z.object({ column, variable }).strict()).min(1, 'expected at least one value column'),
    })
    .strict()
    .superRefine((r, ctx) => {
      const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
      if (r.format === 'csv' && r.parse === undefined) issue(['parse'], 'missing; a csv register needs parse options');
      if (r.format === 'xlsx' && r.parse !== undefined) issue(['parse'], 'an xlsx register has no parse options; expected sheet and header_row instead');
      if (r.format === 'csv' && r.sheet !== undefined) issue(['sheet'], 'only for xlsx; expected parse.title_lines for a csv');
      if (r.format === 'csv' && r.header_row !== undefined) issue(['header_row'], 'only for xlsx; expected parse.title_lines for a csv');
      if ((r.year === undefined) === (r.year_column === undefined)) issue(['year'], 'expected either year or year_column');
      if (r.filter !== undefined && r.columns.type === undefined) issue(['filter'], 'filters on columns.type, which is missing');
      const variables = r.values.map((v) => v.variable);
      variables.forEach((v, i) => {
        if (variables.indexOf(v) !== i) issue(['values', i, 'variable'], `"${v}" is given by values[${variables.indexOf(v)}] too; expected each variable once`);
      });
    }, onlyWhenValid);

  const unknownOption = { error: (issue: z.core.$ZodRawIssue) => (issue.code === 'invalid_union' && 'options' in issue ? oneOf((issue.options as unknown[]).filter((o) => typeof o === 'string')) : undefined) };
  const observations = z.discriminatedUnion('layout', [wideObservations, ageSexObservations, registerObservations], unknownOption);
  return z.discriminatedUnion('role', [comuni, comuniValidity, province, regioni, suppressed, boundaries, observations], unknownOption).superRefine(downloadMatchesFile, onlyWhenValid);
}

function catalogSchema(variableNames: readonly string[]) {
  return z
    .object({
      variables: z.record(identifier, variableDefinition).refine((v) => Object.keys(v).length > 0, 'expected at least one variable'),
      sources: z.array(sourceSchema(variableNames)).min(1, 'expected at least one source'),
      /**
       * Observation sources in order of preference: where two give the same comune, year, variable, sex
       * and age band, the first listed wins. Two sources not listed may not give the same value.
       */
      precedence: z.array(identifier).default([]),
    })
    .strict()
    .superRefine((catalog, ctx) => {
      for (const [name, definition] of Object.entries(catalog.variables)) {
        const whole = definition.part_of;
        if (whole === undefined) continue;
        if (whole === name) ctx.addIssue({ code: 'custom', path: ['variables', name, 'part_of'], message: `"${name}" cannot be part of itself` });
        else if (catalog.variables[whole] === undefined) ctx.addIssue({ code: 'custom', path: ['variables', name, 'part_of'], message: `"${whole}" is not declared under variables; ${oneOf(Object.keys(catalog.variables))}` });
        else if (catalog.variables[whole].kind !== definition.kind) ctx.addIssue({ code: 'custom', path: ['variables', name, 'part_of'], message: `"${name}" is of kind ${definition.kind} and "${whole}" of kind ${catalog.variables[whole].kind}; expected a part of a variable of the same kind` });
      }
      const observations = new Set(catalog.sources.filter((s) => s.role === 'observations').map((s) => s.id));
      catalog.precedence.forEach((id, index) => {
        if (!observations.has(id)) ctx.addIssue({ code: 'custom', path: ['precedence', index], message: `"${id}" is not the id of an observations source; ${oneOf([...observations])}` });
        if (catalog.precedence.indexOf(id) !== index) ctx.addIssue({ code: 'custom', path: ['precedence', index], message: `"${id}" is listed twice` });
      });
    });
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
export type RegisterObservationsDescriptor = Extract<DescriptorOf<'observations'>, { layout: 'register' }>;

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
