/**
 * Encoders of the bulk export, one chunk of rows at a time: JSON (one document, rows streamed inside it),
 * CSV (Italian dialect) and an Arrow IPC stream of one record batch per chunk, built from typed column
 * arrays. Strings that repeat (indicator, unit, territory code and name, level) come as indices into
 * dictionaries that grow as the export goes; Arrow sends them as dictionary columns (a delta per batch that
 * brings new entries), JSON and CSV write each entry's text once and reuse it.
 */
import { Bool, Dictionary, Float64, Int32, makeData, RecordBatch, RecordBatchStreamWriter, Schema, Field, Struct, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import type { Writable } from 'node:stream';
import { CSV_BOM, csvField, csvNumber } from '../core/http/csv.js';

/** The texts behind the indices of ExportChunk; they only grow, so an index keeps its text. */
export interface ExportDictionaries {
  readonly indicator: readonly string[];
  /** The unit of each indicator (same index). */
  readonly unit: readonly (string | null)[];
  readonly code: readonly string[];
  /** The name of each territory code (same index). */
  readonly name: readonly string[];
  readonly level: readonly string[];
}

export interface ExportChunk {
  readonly length: number;
  readonly dictionaries: ExportDictionaries;
  /** Index into dictionaries.indicator and dictionaries.unit. */
  readonly indicator: Int32Array;
  readonly year: Int32Array;
  /** Index into dictionaries.code and dictionaries.name. */
  readonly code: Int32Array;
  readonly level: Int32Array;
  /** NaN where null. */
  readonly numerator: Float64Array;
  readonly denominator: Float64Array;
  readonly value: Float64Array;
  readonly ci95Lower: Float64Array;
  readonly ci95Upper: Float64Array;
  readonly smallNumber: Uint8Array;
  readonly suppressed: Uint8Array;
  readonly synthetic: Uint8Array;
  readonly comuniWithData: Int32Array;
  readonly comuniTotal: Int32Array;
}

export const EXPORT_COLUMNS = ['indicator', 'year', 'unit', 'code', 'name', 'level', 'numerator', 'denominator', 'value', 'ci95_lower', 'ci95_upper', 'smallNumber', 'suppressed', 'synthetic', 'comuniWithData', 'comuniTotal'] as const;

export interface ExportEncoder {
  start(): string | Uint8Array | null;
  chunk(chunk: ExportChunk): string | Uint8Array | null;
  end(): string | Uint8Array | null;
}

/** Each dictionary entry's encoded text, made once when the entry first appears. */
function encodedTexts<T>(encode: (text: T) => string): (texts: readonly T[]) => readonly string[] {
  const done: string[] = [];
  return (texts) => {
    for (let k = done.length; k < texts.length; k += 1) done.push(encode(texts[k]!));
    return done;
  };
}

const num = (x: number) => (Number.isNaN(x) ? 'null' : String(x));

export function jsonEncoder(head: Record<string, unknown>): ExportEncoder {
  let first = true;
  const json = (text: string | null) => JSON.stringify(text);
  const [indicators, units, codes, names, levels] = [encodedTexts(json), encodedTexts(json), encodedTexts(json), encodedTexts(json), encodedTexts(json)];
  return {
    start: () => `${JSON.stringify(head).slice(0, -1)},"rows":[`,
    chunk: (c) => {
      const d = c.dictionaries;
      const [indicator, unit, code, name, level] = [indicators(d.indicator), units(d.unit), codes(d.code), names(d.name), levels(d.level)];
      const parts: string[] = [];
      for (let i = 0; i < c.length; i += 1) {
        parts.push(
          `${first && i === 0 ? '' : ','}\n{"indicator":${indicator[c.indicator[i]!]},"year":${c.year[i]},"unit":${unit[c.indicator[i]!]},"code":${code[c.code[i]!]},"name":${name[c.code[i]!]},"level":${level[c.level[i]!]},` +
            `"numerator":${num(c.numerator[i]!)},"denominator":${num(c.denominator[i]!)},"value":${num(c.value[i]!)},` +
            `"ci95":${Number.isNaN(c.ci95Lower[i]!) ? 'null' : `{"lower":${c.ci95Lower[i]},"upper":${c.ci95Upper[i]}}`},` +
            `"smallNumber":${c.smallNumber[i] === 1},"suppressed":${c.suppressed[i] === 1},"synthetic":${c.synthetic[i] === 1},"comuniWithData":${c.comuniWithData[i]},"comuniTotal":${c.comuniTotal[i]}}`,
        );
      }
      if (c.length > 0) first = false;
      return parts.join('');
    },
    end: () => '\n]}',
  };
}

const cnum = (x: number) => (Number.isNaN(x) ? '' : csvNumber(x));

export function csvEncoder(): ExportEncoder {
  const [indicators, units, codes, names, levels] = [encodedTexts(csvField), encodedTexts(csvField), encodedTexts(csvField), encodedTexts(csvField), encodedTexts(csvField)];
  return {
    start: () => `${CSV_BOM}${EXPORT_COLUMNS.join(';')}\r\n`,
    chunk: (c) => {
      const d = c.dictionaries;
      const [indicator, unit, code, name, level] = [indicators(d.indicator), units(d.unit), codes(d.code), names(d.name), levels(d.level)];
      const lines: string[] = [];
      for (let i = 0; i < c.length; i += 1) {
        lines.push(
          `${indicator[c.indicator[i]!]};${c.year[i]};${unit[c.indicator[i]!]};${code[c.code[i]!]};${name[c.code[i]!]};${level[c.level[i]!]};${cnum(c.numerator[i]!)};${cnum(c.denominator[i]!)};${cnum(c.value[i]!)};` +
            `${cnum(c.ci95Lower[i]!)};${cnum(c.ci95Upper[i]!)};${c.smallNumber[i] === 1};${c.suppressed[i] === 1};${c.synthetic[i] === 1};${c.comuniWithData[i]};${c.comuniTotal[i]}\r\n`,
        );
      }
      return lines.join('');
    },
    end: () => null,
  };
}

const text = (id: number) => new Dictionary(new Utf8(), new Int32(), id);
const DICTIONARY = { indicator: text(0), unit: text(1), code: text(2), name: text(3), level: text(4) } as const;

const SCHEMA_FIELDS = [
  new Field('indicator', DICTIONARY.indicator, false),
  new Field('year', new Int32(), false),
  new Field('unit', DICTIONARY.unit, true),
  new Field('code', DICTIONARY.code, false),
  new Field('name', DICTIONARY.name, false),
  new Field('level', DICTIONARY.level, false),
  new Field('numerator', new Float64(), true),
  new Field('denominator', new Float64(), true),
  new Field('value', new Float64(), true),
  new Field('ci95_lower', new Float64(), true),
  new Field('ci95_upper', new Float64(), true),
  new Field('smallNumber', new Bool(), false),
  new Field('suppressed', new Bool(), false),
  new Field('synthetic', new Bool(), false),
  new Field('comuniWithData', new Int32(), false),
  new Field('comuniTotal', new Int32(), false),
];

/** An Arrow dictionary that grows with its texts: new entries are appended as one more chunk (a delta). */
function growingDictionary(): (texts: readonly (string | null)[]) => Vector<Utf8> {
  let vector: Vector<Utf8> | null = null;
  return (texts) => {
    const have = vector?.length ?? 0;
    if (vector === null || texts.length > have) {
      const added = vectorFromArray(texts.slice(have) as (string | null)[], new Utf8());
      vector = vector === null ? added : vector.concat(added);
    }
    return vector;
  };
}

/** Arrow: the writer writes straight into `out`; each call returns null (the bytes are already there). */
export function arrowEncoder(out: Writable, metadata: ReadonlyMap<string, string>): ExportEncoder {
  const schema = new Schema(SCHEMA_FIELDS, new Map(metadata));
  const writer = new RecordBatchStreamWriter({ autoDestroy: false });
  writer.reset(out as never, schema);
  const dictionaries = { indicator: growingDictionary(), unit: growingDictionary(), code: growingDictionary(), name: growingDictionary(), level: growingDictionary() };
  const encoded = (type: Dictionary<Utf8, Int32>, indices: Int32Array, dictionary: Vector<Utf8>) => makeData({ type, length: indices.length, nullCount: 0, data: indices, dictionary });
  return {
    start: () => null,
    chunk: (c) => {
      if (c.length === 0) return null;
      const d = c.dictionaries;
      const children = [
        encoded(DICTIONARY.indicator, c.indicator, dictionaries.indicator(d.indicator)),
        makeData({ type: new Int32(), length: c.length, data: c.year }),
        encoded(DICTIONARY.unit, c.indicator, dictionaries.unit(d.unit)),
        encoded(DICTIONARY.code, c.code, dictionaries.code(d.code)),
        encoded(DICTIONARY.name, c.code, dictionaries.name(d.name)),
        encoded(DICTIONARY.level, c.level, dictionaries.level(d.level)),
        float64(c.numerator),
        float64(c.denominator),
        float64(c.value),
        float64(c.ci95Lower),
        float64(c.ci95Upper),
        bool(c.smallNumber),
        bool(c.suppressed),
        bool(c.synthetic),
        makeData({ type: new Int32(), length: c.length, data: c.comuniWithData }),
        makeData({ type: new Int32(), length: c.length, data: c.comuniTotal }),
      ];
      const struct = makeData({ type: new Struct(SCHEMA_FIELDS), length: c.length, nullCount: 0, children });
      writer.write(new RecordBatch(schema, struct));
      return null;
    },
    end: () => {
      writer.finish();
      return null;
    },
  };
}

/** A Float64 column whose NaNs are nulls, with its validity bitmap. */
function float64(values: Float64Array) {
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < values.length; i += 1) {
    if (Number.isNaN(values[i]!)) nulls += 1;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return makeData({ type: new Float64(), length: values.length, nullCount: nulls, nullBitmap: nulls === 0 ? null : bitmap, data: values });
}

function bool(values: Uint8Array) {
  const packed = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i += 1) if (values[i] === 1) packed[i >> 3]! |= 1 << (i & 7);
  return makeData({ type: new Bool(), length: values.length, data: packed });
}
