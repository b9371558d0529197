import path from 'node:path';
import { loadSourceCatalog } from '@osservatorio/etl/contract';
import { repoRoot } from '../config/config.js';

export type VariableKind = 'count' | 'amount';

/**
 * The kind of each variable, from datasets/sources.yaml (the file every load reads: the snapshot does not
 * record kinds). A variable the file does not declare is taken as a count, so it is protected.
 */
export class VariableKinds {
  private kinds: Promise<ReadonlyMap<string, VariableKind>> | null = null;

  constructor(private readonly file: string) {}

  static fromProject(): VariableKinds {
    return new VariableKinds(path.join(repoRoot, 'datasets', 'sources.yaml'));
  }

  async kindOf(variable: string): Promise<VariableKind> {
    this.kinds ??= loadSourceCatalog(this.file).then((catalog) => new Map(Object.entries(catalog.variables).map(([name, v]) => [name, v.kind])));
    return (await this.kinds).get(variable) ?? 'count';
  }
}
