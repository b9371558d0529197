/**
 * The head's byte rules for one-byte encodings (sources/text.ts) over the whole of a file, past the head
 * Node reads. While a file streams only the offset of its first bad byte is kept; that byte's physical
 * line and column are then counted by reading the file again up to it, so a clean file costs one native
 * search per rule and chunk, and nothing per line.
 */
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import type { SourceError } from '../sources/errors.js';
import { firstNotTextByte, notTextError, type OneByteEncoding } from '../sources/text.js';

const LF = 0x0a;

export interface FileOnDisk {
  readonly absolutePath: string;
  /** Relative to the data folder, as messages name it. */
  readonly relativePath: string;
}

/** A stream stage passing a file's bytes on unchanged, failing at the first byte that is not text in `encoding`. */
export function checkingOneByteText(file: FileOnDisk, encoding: OneByteEncoding): Transform {
  let offset = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const at = firstNotTextByte(chunk, encoding);
      if (at === -1) {
        offset += chunk.length;
        done(null, chunk);
      } else {
        notTextErrorAt(file, offset + at, encoding).then(done, done);
      }
    },
  });
}

/** The first byte of the file that is not text in `encoding`, as an error at its line and column; null when there is none. */
export async function firstNotTextInFile(file: FileOnDisk, encoding: OneByteEncoding): Promise<SourceError | null> {
  let offset = 0;
  for await (const chunk of createReadStream(file.absolutePath) as AsyncIterable<Buffer>) {
    const at = firstNotTextByte(chunk, encoding);
    if (at !== -1) return notTextErrorAt(file, offset + at, encoding);
    offset += chunk.length;
  }
  return null;
}

async function notTextErrorAt(file: FileOnDisk, offset: number, encoding: OneByteEncoding): Promise<SourceError> {
  let line = 1;
  let lineStart = 0;
  let read = 0;
  let byte = 0;
  for await (const chunk of createReadStream(file.absolutePath, { end: offset }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) {
      line += 1;
      lineStart = read + i + 1;
    }
    read += chunk.length;
    byte = chunk[chunk.length - 1]!; // the stream ends with the byte at `offset`
  }
  return notTextError(file.relativePath, line, offset - lineStart + 1, byte, encoding);
}
