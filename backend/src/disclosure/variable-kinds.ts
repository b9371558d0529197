import { Injectable } from '@nestjs/common';
import type { VARIABLE_KINDS } from '@osservatorio/etl/contract';
import type { SnapshotReader } from '../core/snapshot-pool.js';
import { loadSql } from '../core/sql.js';

export type VariableKind = (typeof VARIABLE_KINDS)[number];

const SQL = loadSql(import.meta.url, 'variable-kinds.sql');

/**
 * The kind of each variable, as the snapshot records it (table variable, from datasets/sources.yaml at
 * load time), read once per snapshot. A variable the snapshot does not declare is taken as a count, so it
 * is protected.
 */
@Injectable()
export class VariableKinds {
  private readonly bySnapshot = new Map<string, Promise<ReadonlyMap<string, VariableKind>>>();

  async kindOf(snapshot: SnapshotReader, variable: string): Promise<VariableKind> {
    const id = snapshot.info.id;
    let kinds = this.bySnapshot.get(id);
    if (kinds === undefined) {
      kinds = snapshot.query<{ code: string; kind: VariableKind }>(SQL).then((rows) => new Map(rows.map((r) => [r.code, r.kind])));
      kinds.catch(() => this.bySnapshot.delete(id));
      this.bySnapshot.set(id, kinds);
      // The snapshot served and the one being retired, at most.
      while (this.bySnapshot.size > 2) this.bySnapshot.delete(this.bySnapshot.keys().next().value!);
    }
    return (await kinds).get(variable) ?? 'count';
  }
}
