/**
 * DuckDB's result vectors read as typed arrays, a column at a time, without making a JS value of each cell:
 * numbers are copied out of the vector's own buffer, nulls read from its validity mask, and strings that
 * repeat (codes, levels) are dictionary-encoded from their raw bytes, each distinct string decoded once.
 *
 * Result chunks of the C API are flat vectors. Their memory belongs to DuckDB, so what is returned is a copy.
 * The node-api vector classes keep the buffers we read (items, dataView, validity) as fields that its
 * typings mark private; ColumnVector names the ones used here.
 */
import type { DuckDBVector } from '@duckdb/node-api';

interface RawVector {
  readonly items?: Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array | BigInt64Array | BigUint64Array;
  readonly dataView?: DataView;
  readonly validity: { readonly data: BigUint64Array | null };
  readonly itemCount: number;
}

const raw = (vector: DuckDBVector) => vector as unknown as RawVector;

/**
 * The vector's validity as an Arrow validity bitmap (bit i of byte i >> 3 set when row i is not null; DuckDB's
 * 64-bit little-endian mask has the same layout), or null when no row is null.
 */
export function validityBitmap(vector: DuckDBVector): Uint8Array | null {
  const { validity, itemCount } = raw(vector);
  if (validity.data === null) return null;
  const bytes = new Uint8Array(validity.data.buffer, validity.data.byteOffset, (itemCount + 7) >> 3);
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i] !== 0xff && anyNull(bytes, i, itemCount)) return bytes.slice();
  return null;
}

function anyNull(bytes: Uint8Array, byte: number, itemCount: number): boolean {
  const last = Math.min(8, itemCount - byte * 8);
  for (let bit = 0; bit < last; bit += 1) if ((bytes[byte]! & (1 << bit)) === 0) return true;
  return false;
}

const isNull = (bitmap: Uint8Array | null, i: number) => bitmap !== null && (bitmap[i >> 3]! & (1 << (i & 7))) === 0;

/** A numeric column as doubles, NaN where null. */
export function float64Column(vector: DuckDBVector): Float64Array {
  const { items, itemCount } = raw(vector);
  if (items === undefined) throw new Error(`a ${vector.type.toString()} column is not numeric`);
  const values = items instanceof Float64Array ? items.slice() : new Float64Array(itemCount);
  if (!(items instanceof Float64Array)) for (let i = 0; i < itemCount; i += 1) values[i] = Number(items[i]!);
  const nulls = validityBitmap(vector);
  if (nulls !== null) for (let i = 0; i < itemCount; i += 1) if (isNull(nulls, i)) values[i] = Number.NaN;
  return values;
}

/** A whole-number column as Int32, 0 where null. */
export function int32Column(vector: DuckDBVector): Int32Array {
  const { items, itemCount } = raw(vector);
  if (items === undefined) throw new Error(`a ${vector.type.toString()} column is not numeric`);
  const values = items instanceof Int32Array ? items.slice() : new Int32Array(itemCount);
  if (!(items instanceof Int32Array)) for (let i = 0; i < itemCount; i += 1) values[i] = Number(items[i]!);
  const nulls = validityBitmap(vector);
  if (nulls !== null) for (let i = 0; i < itemCount; i += 1) if (isNull(nulls, i)) values[i] = 0;
  return values;
}

/** A BOOLEAN column as 0/1 bytes, 0 where null. */
export function booleanColumn(vector: DuckDBVector): Uint8Array {
  const { dataView, itemCount } = raw(vector);
  if (dataView === undefined) throw new Error(`a ${vector.type.toString()} column is not boolean`);
  const values = new Uint8Array(itemCount);
  const nulls = validityBitmap(vector);
  for (let i = 0; i < itemCount; i += 1) values[i] = dataView.getUint8(i) !== 0 && !isNull(nulls, i) ? 1 : 0;
  return values;
}

const decoder = new TextDecoder();
// DuckDB's string_t: 16 bytes, a u32 length then, up to 12 bytes, the string itself (zero-padded); longer
// strings keep a 4-byte prefix and a pointer.
const INLINE = 12;

/**
 * The distinct strings of a VARCHAR column, growing as chunks are encoded; each chunk becomes the index of
 * each row's string (-1 where null). A short string is looked up by its 16 raw bytes, a long one decoded.
 */
export class StringDictionary {
  readonly values: string[] = [];
  private readonly byText = new Map<string, number>();
  // Inline strings by their raw words: first u32 word of the text → entries [w2, w3, length, index].
  private readonly byWords = new Map<number, number[]>();

  encode(vector: DuckDBVector): Int32Array {
    const { dataView, itemCount } = raw(vector);
    if (dataView === undefined) throw new Error(`a ${vector.type.toString()} column is not a string column`);
    const indices = new Int32Array(itemCount);
    const nulls = validityBitmap(vector);
    for (let i = 0; i < itemCount; i += 1) {
      if (isNull(nulls, i)) indices[i] = -1;
      // Runs are common (rows sorted by indicator and year). Within a chunk the same 16 bytes are the same
      // string, long ones included (same prefix, same pointer).
      else if (i > 0 && indices[i - 1]! >= 0 && sameBytes(dataView, i * 16, i * 16 - 16)) indices[i] = indices[i - 1]!;
      else indices[i] = this.indexAt(vector, dataView, i);
    }
    return indices;
  }

  private indexAt(vector: DuckDBVector, view: DataView, row: number): number {
    const at = row * 16;
    const length = view.getUint32(at, true);
    if (length > INLINE) return this.indexOf(vector.getItem(row) as string);
    const w1 = view.getUint32(at + 4, true);
    const w2 = view.getUint32(at + 8, true);
    const w3 = view.getUint32(at + 12, true);
    let entries = this.byWords.get(w1);
    if (entries !== undefined) {
      for (let k = 0; k < entries.length; k += 4) if (entries[k] === w2 && entries[k + 1] === w3 && entries[k + 2] === length) return entries[k + 3]!;
    } else this.byWords.set(w1, (entries = []));
    const index = this.indexOf(decoder.decode(new Uint8Array(view.buffer, view.byteOffset + at + 4, length)));
    entries.push(w2, w3, length, index);
    return index;
  }

  private indexOf(text: string): number {
    let index = this.byText.get(text);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(text);
      this.byText.set(text, index);
    }
    return index;
  }
}

function sameBytes(view: DataView, a: number, b: number): boolean {
  return view.getUint32(a, true) === view.getUint32(b, true) && view.getUint32(a + 4, true) === view.getUint32(b + 4, true) && view.getUint32(a + 8, true) === view.getUint32(b + 8, true) && view.getUint32(a + 12, true) === view.getUint32(b + 12, true);
}
