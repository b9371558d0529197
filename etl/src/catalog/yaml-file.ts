import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

export class CatalogError extends Error {
  override readonly name = 'CatalogError';
}

export interface YamlFile<T> {
  readonly data: T;
  /** `file:line:column` of the node at a path inside the document, for error messages. */
  locate(segments: readonly PropertyKey[]): string;
}

/** Checks a schema cannot express (duplicates, references); they run on the raw document, valid or not. */
export type RawCheck = (raw: unknown, locate: (segments: readonly PropertyKey[]) => string) => string[];

/** Reads a YAML file and validates it against a schema, reporting every problem at once with its line. */
export async function readYamlFile<T>(file: string, schema: z.ZodType<T>, check: RawCheck = () => []): Promise<YamlFile<T>> {
  const text = await readFile(file, 'utf8');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const name = path.basename(file);
  if (document.errors.length > 0) {
    const lines = document.errors.map((error) => {
      const position = error.linePos?.[0];
      return `${name}:${position?.line ?? 0}:${position?.col ?? 0}: ${error.message.split('\n')[0]}`;
    });
    throw new CatalogError(`${name} is not valid YAML:\n- ${lines.join('\n- ')}`);
  }
  const locate = (segments: readonly PropertyKey[]) => locateNode(name, document, lineCounter, segments);
  const raw = document.toJS();
  const result = schema.safeParse(raw);
  const lines = [
    ...(result.success ? [] : result.error.issues.map((issue) => `${locate(issue.path)}: ${formatPath(issue.path)}: ${issue.message}`)),
    ...check(raw, locate),
  ];
  if (!result.success || lines.length > 0) throw new CatalogError(`${name} does not match its schema:\n- ${lines.join('\n- ')}`);
  return { data: result.data, locate };
}

function locateNode(name: string, document: Document, lineCounter: LineCounter, segments: readonly PropertyKey[]): string {
  // Walk up to the deepest node that exists: a missing key is reported where its parent is.
  for (let depth = segments.length; depth >= 0; depth -= 1) {
    const node = document.getIn(segments.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      return `${name}:${line}:${col}`;
    }
  }
  return `${name}:1:1`;
}

export function formatPath(segments: readonly PropertyKey[]): string {
  return segments.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`)).join('') || '(root)';
}
