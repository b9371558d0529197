/**
 * Encoders of the bulk export, one chunk of rows at a time: JSON (one document, rows streamed inside it),
 * CSV (Italian dialect) and an Arrow IPC stream of one record batch per chunk, built from typed column
 * arrays. Each chunk's columns come from ExportChunk, so no row object outlives its chunk.
 */
import { Bool, Float64, Int32, makeData, RecordBatch, RecordBatchStreamWriter, Schema, Field, Struct, Utf8, vectorFromArray } from 'apache-arrow';
import type { Writable } from 'node:stream';
import { CSV_BOM, csvField, csvNumber } from '../core/http/csv.js';

export interface ExportChunk {
  readonly length: number;
  readonly indicator: readonly string[];
  readonly year: Int32Array;
  readonly unit: readonly (string | undefined)[];
  readonly code: readonly string[];
  readonly name: readonly string[];
  readonly level: readonly string[];
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

const num = (x: number) => (Number.isNaN(x) ? 'null' : String(x));

export function jsonEncoder(head: Record<string, unknown>): ExportEncoder {
  let first = true;
  return {
    start: () => `${JSON.stringify(head).slice(0, -1)},"rows":[`,
    chunk: (c) => {
      const parts: string[] = [];
      for (let i = 0; i < c.length; i += 1) {
        parts.push(
          `${first && i === 0 ? '' : ','}\n{"indicator":${JSON.stringify(c.indicator[i])},"year":${c.year[i]},"unit":${JSON.stringify(c.unit[i] ?? null)},"code":${JSON.stringify(c.code[i])},"name":${JSON.stringify(c.name[i])},"level":${JSON.stringify(c.level[i])},` +
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
  return {
    start: () => `${CSV_BOM}${EXPORT_COLUMNS.join(';')}\r\n`,
    chunk: (c) => {
      const lines: string[] = [];
      for (let i = 0; i < c.length; i += 1) {
        lines.push(
          `${csvField(c.indicator[i])};${c.year[i]};${csvField(c.unit[i])};${csvField(c.code[i])};${csvField(c.name[i])};${c.level[i]};${cnum(c.numerator[i]!)};${cnum(c.denominator[i]!)};${cnum(c.value[i]!)};` +
            `${cnum(c.ci95Lower[i]!)};${cnum(c.ci95Upper[i]!)};${c.smallNumber[i] === 1};${c.suppressed[i] === 1};${c.synthetic[i] === 1};${c.comuniWithData[i]};${c.comuniTotal[i]}\r\n`,
        );
      }
      return lines.join('');
    },
    end: () => null,
  };
}

const SCHEMA_FIELDS = [
  new Field('indicator', new Utf8(), false),
  new Field('year', new Int32(), false),
  new Field('unit', new Utf8(), true),
  new Field('code', new Utf8(), false),
  new Field('name', new Utf8(), false),
  new Field('level', new Utf8(), false),
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

/** Arrow: the writer writes straight into `out`; each call returns null (the bytes are already there). */
export function arrowEncoder(out: Writable, metadata: ReadonlyMap<string, string>): ExportEncoder {
  const schema = new Schema(SCHEMA_FIELDS, new Map(metadata));
  const writer = new RecordBatchStreamWriter({ autoDestroy: false });
  writer.reset(out as never, schema);
  return {
    start: () => null,
    chunk: (c) => {
      if (c.length === 0) return null;
      const children = [
        vectorFromArray(c.indicator as string[], new Utf8()).data[0]!,
        makeData({ type: new Int32(), length: c.length, data: c.year }),
        vectorFromArray(c.unit as (string | null)[], new Utf8()).data[0]!,
        vectorFromArray(c.code as string[], new Utf8()).data[0]!,
        vectorFromArray(c.name as string[], new Utf8()).data[0]!,
        vectorFromArray(c.level as string[], new Utf8()).data[0]!,
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
