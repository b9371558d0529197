import path from 'node:path';
import { isNode, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { SourceError } from '../sources/errors.js';
import { readWholeFile } from '../sources/files.js';
import { decodeUtf8Text } from '../sources/text.js';

/** Aliases expanded at most: a few anchors are handy, an exponential fan-out ("billion laughs") is an attack. */
const MAX_ALIAS_COUNT = 100;

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
  const name = path.basename(file);
  const text = decodeUtf8Text(name, await readWholeFile(file, name));
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) {
    const lines = document.errors.map((error) => {
      const position = error.linePos?.[0];
      return `${name}:${position?.line ?? 0}:${position?.col ?? 0}: ${error.message.split('\n')[0]}`;
    });
    throw new CatalogError(`${name} is not valid YAML:\n- ${lines.join('\n- ')}`);
  }
  const locate = (segments: readonly PropertyKey[]) => locateNode(name, document, lineCounter, segments);
  const raw = toJs(name, document, lineCounter);
  const result = schema.safeParse(raw);
  const lines = [
    ...(result.success ? [] : result.error.issues.map((issue) => `${locate(issue.path)}: ${formatPath(issue.path)}: ${issue.message}`)),
    ...check(raw, locate),
  ];
  if (!result.success || lines.length > 0) throw new CatalogError(`${name} does not match its schema:\n- ${lines.join('\n- ')}`);
  return { data: result.data, locate };
}

function toJs(name: string, document: Document, lineCounter: LineCounter): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The yaml library signals the limit with a ReferenceError that names no file.
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
    let at = 0;
    visit(document, {
      Alias(_, node) {
        at = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const { line, col } = lineCounter.linePos(at);
    throw new SourceError({
      file: name,
      line,
      column: col,
      rule: 'yaml-alias-limit',
      explanation: `the aliases (*name) from here on expand to more than ${MAX_ALIAS_COUNT} copies of their anchors, a known way to exhaust memory ("billion laughs"); expected the values written out, or only a few aliases`,
    });
  }
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
