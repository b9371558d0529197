import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { BOOLEAN, DOUBLE, DuckDBInstance, INTEGER, LIST, listValue, VARCHAR, type DuckDBConnection, type DuckDBPreparedStatement, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { readCurrentSnapshotId, stateLayout, type StateLayout } from '@osservatorio/etl/layout';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Clock } from './clock.js';
import { NoSnapshotError } from './errors.js';
import { parseIndicatorCatalogue, type AreaRow, type CatalogueRow, type IndicatorCatalogue } from './indicator-catalogue.js';
import type { SnapshotInfo } from './snapshot-info.dto.js';
import { snapshotInfoFromMeta, UnusableSnapshotError, type SnapshotMetaRow } from './snapshot-meta.js';
import { loadSql } from './sql.js';

/** A list binds as LIST(INTEGER) when its items are whole numbers, LIST(DOUBLE) for other numbers, else LIST(VARCHAR). */
export type SqlValue = string | number | boolean | null | readonly string[] | readonly number[];

/** One chunk of a streamed result: the columns by name, each an array of `length` cells. */
export interface ColumnChunk {
  readonly length: number;
  readonly columns: Readonly<Record<string, readonly unknown[]>>;
}

/** Read access to one snapshot for the length of one unit of work. */
export interface SnapshotReader {
  readonly info: SnapshotInfo;
  /** The snapshot's indicator catalogue, validated when it was opened. */
  readonly catalogue: IndicatorCatalogue;
  /** Runs SQL with named parameters ($name); a null parameter is bound as VARCHAR. */
  query<Row>(sql: string, params?: Readonly<Record<string, SqlValue>>): Promise<Row[]>;
  /** Runs SQL and hands its result over chunk by chunk (about 2,048 rows each), for answers too big to hold. */
  stream(sql: string, params?: Readonly<Record<string, SqlValue>>): AsyncGenerator<ColumnChunk>;
}

/** A snapshot the API has started to serve. */
export interface ServedSnapshot {
  readonly info: SnapshotInfo;
  readonly sourceCount: number;
}

export type ServedListener = (snapshot: ServedSnapshot) => Promise<void>;

/** What is served: a snapshot, or why none is. */
export type ServingState =
  | { readonly serving: SnapshotInfo }
  | { readonly serving: null; readonly reason: 'no-snapshot-published' }
  | { readonly serving: null; readonly reason: 'snapshot-unreadable'; readonly detail: string };

const POINTER_CHECK_INTERVAL_MS = 1000;
const MAX_IDLE_CONNECTIONS = 8;
const META_SQL = loadSql(import.meta.url, 'snapshot-meta.sql');
const CATALOGUE_SQL = loadSql(import.meta.url, 'indicator-catalogue.sql');
const AREAS_SQL = loadSql(import.meta.url, 'areas.sql');

/**
 * Serves the snapshot named by `<state>/snapshots/CURRENT`, opened read-only. The pointer is read again
 * at most once a second, on request; when it names a new, valid snapshot, new work goes to that one while
 * work already running on the old one finishes, and then the old one is closed. A pointer to anything that
 * cannot be served leaves the current snapshot in place.
 */
@Injectable()
export class SnapshotPool implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Snapshots');
  private readonly layout: StateLayout;
  private active: OpenSnapshot | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | null = null;
  private readonly reported = new Set<string>();
  /** Why the last look at the pointer found nothing to serve, when it did not. */
  private unreadable: string | null = null;
  private readonly listeners: ServedListener[] = [];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.layout = stateLayout(config.stateDir);
  }

  async onModuleInit(): Promise<void> {
    this.checkedAt = this.clock.now().getTime();
    await this.refresh();
  }

  onModuleDestroy(): void {
    this.active?.retire();
    this.active = null;
  }

  /** The snapshot new work would use, or null when none is published. */
  async current(): Promise<SnapshotInfo | null> {
    await this.refreshIfDue();
    return this.active?.info ?? null;
  }

  /** The snapshot being served or, when none is, whether none was published or the one named cannot be read. */
  async state(): Promise<ServingState> {
    await this.refreshIfDue();
    if (this.active !== null) return { serving: this.active.info };
    if (this.unreadable !== null) return { serving: null, reason: 'snapshot-unreadable', detail: this.unreadable };
    return { serving: null, reason: 'no-snapshot-published' };
  }

  /** Runs `work` on the current snapshot, which stays open until `work` settles. */
  async use<T>(work: (snapshot: SnapshotReader) => Promise<T>): Promise<T> {
    await this.refreshIfDue();
    if (this.active === null) throw new NoSnapshotError();
    return this.active.lease(work);
  }

  /** Calls `listener` for every snapshot served from now on, and at once for the one being served. */
  async onServed(listener: ServedListener): Promise<void> {
    this.listeners.push(listener);
    if (this.active !== null) await this.notify(listener, this.active);
  }

  private async refreshIfDue(): Promise<void> {
    if (this.refreshing === null) {
      const now = this.clock.now().getTime();
      if (now - this.checkedAt < POINTER_CHECK_INTERVAL_MS) return;
      this.checkedAt = now;
      this.refreshing = this.refresh().finally(() => {
        this.refreshing = null;
      });
    }
    await this.refreshing;
  }

  private async refresh(): Promise<void> {
    let pointer: string | null;
    try {
      pointer = await readCurrentSnapshotId(this.layout);
    } catch (error) {
      this.unreadable = `cannot read ${this.layout.currentPointer}: ${(error as Error).message}`;
      this.reportOnce(`read:${(error as Error).message}`, `Cannot read ${this.layout.currentPointer} (${(error as Error).message}); ${this.stillServing()}`);
      return;
    }
    if (pointer === null) this.unreadable = null;
    if (pointer === null || pointer === this.active?.pointer) return;
    let next: OpenSnapshot;
    try {
      next = await OpenSnapshot.open(this.snapshotFile(pointer), pointer);
    } catch (error) {
      this.unreadable = `CURRENT names ${pointer}, which cannot be served: ${(error as Error).message}`;
      this.reportOnce(pointer, `${this.unreadable}; ${this.stillServing()}`);
      return;
    }
    this.unreadable = null;
    if (next.info.id !== pointer) this.logger.warn(`Snapshot file ${pointer} says its id is ${next.info.id}`);
    const previous = this.active;
    this.active = next;
    previous?.retire();
    this.logger.log(`Serving snapshot ${next.info.id}${previous ? ` (was ${previous.info.id})` : ''}`);
    for (const listener of this.listeners) await this.notify(listener, next);
  }

  private snapshotFile(pointer: string): string {
    if (!/^[\w.-]+$/.test(pointer) || pointer.startsWith('.')) throw new UnusableSnapshotError('not a snapshot id');
    return this.layout.snapshotFile(pointer);
  }

  private async notify(listener: ServedListener, snapshot: OpenSnapshot): Promise<void> {
    try {
      await listener({ info: snapshot.info, sourceCount: snapshot.sourceCount });
    } catch (error) {
      this.logger.error(`Recording snapshot ${snapshot.info.id} as served failed: ${(error as Error).stack ?? String(error)}`);
    }
  }

  private stillServing(): string {
    return this.active ? `still serving ${this.active.info.id}` : 'nothing is served';
  }

  // The pointer is polled every second: say what is wrong once, not every second.
  private reportOnce(key: string, message: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.logger.warn(message);
  }
}

/** One open snapshot file, its idle connections, and how much work still holds it. */
class OpenSnapshot {
  private readonly idle: DuckDBConnection[] = [];
  private leases = 0;
  private retired = false;
  private closed = false;

  private constructor(
    readonly pointer: string,
    readonly info: SnapshotInfo,
    readonly sourceCount: number,
    readonly catalogue: IndicatorCatalogue,
    private readonly instance: DuckDBInstance,
  ) {}

  static async open(file: string, pointer: string): Promise<OpenSnapshot> {
    const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
    try {
      const connection = await instance.connect();
      const [meta] = await runQuery<SnapshotMetaRow>(connection, META_SQL, {});
      const info = snapshotInfoFromMeta(meta!);
      // Parsed once here: requests read the typed catalogue, and a snapshot it fails is never served.
      const catalogue = parseIndicatorCatalogue(await runQuery<CatalogueRow>(connection, CATALOGUE_SQL, {}), await runQuery<AreaRow>(connection, AREAS_SQL, {}));
      const snapshot = new OpenSnapshot(pointer, info, meta!.source_count, catalogue, instance);
      snapshot.idle.push(connection);
      return snapshot;
    } catch (error) {
      instance.closeSync();
      throw error;
    }
  }

  async lease<T>(work: (snapshot: SnapshotReader) => Promise<T>): Promise<T> {
    this.leases += 1;
    try {
      const connection = this.idle.pop() ?? (await this.connect());
      try {
        return await work({
          info: this.info,
          catalogue: this.catalogue,
          query: (sql, params = {}) => runQuery(connection, sql, params),
          stream: (sql, params = {}) => streamQuery(connection, sql, params),
        });
      } finally {
        this.giveBack(connection);
      }
    } finally {
      this.leases -= 1;
      this.closeIfDrained();
    }
  }

  retire(): void {
    this.retired = true;
    this.closeIfDrained();
  }

  private connect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  private giveBack(connection: DuckDBConnection): void {
    if (this.retired || this.idle.length >= MAX_IDLE_CONNECTIONS) connection.closeSync();
    else this.idle.push(connection);
  }

  private closeIfDrained(): void {
    if (!this.retired || this.leases > 0 || this.closed) return;
    this.closed = true;
    for (const connection of this.idle.splice(0)) connection.closeSync();
    this.instance.closeSync();
  }
}

// Each connection keeps its statements prepared: planning a query costs about as much as running it.
const preparedByConnection = new WeakMap<DuckDBConnection, Map<string, Promise<DuckDBPreparedStatement>>>();

function prepared(connection: DuckDBConnection, sql: string): Promise<DuckDBPreparedStatement> {
  let statements = preparedByConnection.get(connection);
  if (statements === undefined) preparedByConnection.set(connection, (statements = new Map()));
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = connection.prepare(sql);
    statement.catch(() => statements.delete(sql));
    statements.set(sql, statement);
  }
  return statement;
}

async function runQuery<Row>(connection: DuckDBConnection, sql: string, params: Readonly<Record<string, SqlValue>>): Promise<Row[]> {
  const { values, types } = bindParams(params);
  const statement = await prepared(connection, sql);
  statement.bind(values, types);
  const reader = await statement.runAndReadAll();
  return reader.getRowObjectsJS() as Row[];
}

async function* streamQuery(connection: DuckDBConnection, sql: string, params: Readonly<Record<string, SqlValue>>): AsyncGenerator<ColumnChunk> {
  const { values, types } = bindParams(params);
  const result = await connection.stream(sql, values, types);
  const names = result.columnNames();
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const columns: Record<string, unknown[]> = {};
    chunk.getColumns().forEach((column, i) => {
      columns[names[i]!] = column;
    });
    yield { length: chunk.rowCount, columns };
  }
}

/** Named parameters as DuckDB values with their types (lists as LIST); exported for the SQL specs. */
export function bindParams(params: Readonly<Record<string, SqlValue>>): { values: Record<string, DuckDBValue>; types: Record<string, DuckDBType> } {
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  for (const [name, value] of Object.entries(params)) {
    types[name] = typeOf(value);
    values[name] = Array.isArray(value) ? listValue(value as DuckDBValue[]) : (value as DuckDBValue);
  }
  return { values, types };
}

function typeOf(value: SqlValue): DuckDBType {
  if (Array.isArray(value)) {
    const items = value as readonly unknown[];
    if (items.length > 0 && items.every((item) => typeof item === 'number')) return LIST((items as number[]).every(Number.isInteger) ? INTEGER : DOUBLE);
    return LIST(VARCHAR);
  }
  if (typeof value === 'number') return Number.isInteger(value) ? INTEGER : DOUBLE;
  if (typeof value === 'boolean') return BOOLEAN;
  return VARCHAR;
}
