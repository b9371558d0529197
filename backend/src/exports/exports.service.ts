import { Injectable } from '@nestjs/common';
import { PassThrough, type Writable } from 'node:stream';
import { BadParameterError } from '../core/errors.js';
import { chooseFormat, type Format } from '../core/http/negotiate.js';
import { parseChoice, parseCode } from '../core/params.js';
import type { ColumnChunk } from '../core/snapshot-pool.js';
import { SnapshotPool } from '../core/snapshot-pool.js';
import type { SnapshotInfo } from '../core/snapshot-info.dto.js';
import { requireIndicator } from '../engine/catalogue-indicators.js';
import { engineIndicator, isSmallNumber, type EngineIndicator } from '../engine/engine-indicator.js';
import { EngineService } from '../engine/engine.service.js';
import { parseCodeList, parseYears } from '../engine/engine-params.js';
import { SnapshotLookups } from '../engine/snapshot-lookups.js';
import { confidenceInterval } from '../engine/statistics.js';
import type { HiddenParts } from '../engine/disclosure.js';
import { SumsRepository } from '../engine/sums.repository.js';
import { parentLevels, TERRITORY_LEVELS } from '../territories/territory-levels.js';
import { aggregateValue } from '../values/value-math.js';
import { arrowEncoder, csvEncoder, jsonEncoder, type ExportChunk, type ExportEncoder } from './export-encoders.js';

export interface ExportQuery {
  level?: unknown;
  parent?: unknown;
  years?: unknown;
  indicators?: unknown;
  format?: unknown;
}

export interface StartedExport {
  readonly format: Format;
  readonly snapshot: SnapshotInfo;
  readonly sourceIds: readonly string[];
  readonly fileStem: string;
  readonly body: PassThrough;
}

/**
 * Streams every territory of a level × indicator × year, chunk by chunk from DuckDB to the socket: the
 * snapshot stays leased until the last byte is written (or the client goes away), and no more than one
 * chunk of rows is held at a time.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly snapshots: SnapshotPool,
    private readonly lookups: SnapshotLookups,
    private readonly sums: SumsRepository,
    private readonly engine: EngineService,
  ) {}

  async start(query: ExportQuery, accept: string | undefined): Promise<StartedExport> {
    const format = chooseFormat(query.format, accept, true);
    const level = parseChoice('level', query.level, TERRITORY_LEVELS) ?? 'comune';
    const parent = parseCode('parent', query.parent) ?? null;
    const years = parseYears('years', query.years);
    const codes = parseCodeList('indicators', query.indicators, 200);
    let started!: (value: StartedExport) => void;
    let failed!: (error: unknown) => void;
    const ready = new Promise<StartedExport>((resolve, reject) => {
      started = resolve;
      failed = reject;
    });
    let body: PassThrough | null = null;
    this.snapshots
      .use(async (snapshot) => {
        const indicators = codes ? codes.map((c) => requireIndicator(snapshot, c)) : snapshot.catalogue.indicators.map(engineIndicator);
        if (parent !== null) {
          const p = await this.lookups.territory(snapshot, parent);
          if (!parentLevels(level).includes(p.level as never)) throw new BadParameterError('parent', `${parent} (${p.name}) is of level ${p.level}; for level ${level} the parent must be of level ${parentLevels(level).join(' or ')}`);
        }
        const pairs = indicators.flatMap((i) => (years ? i.years.filter((y) => years.includes(y)) : i.years).map((year) => ({ indicator: i.code, year })));
        const sources = await this.lookups.sources(snapshot, indicators.map((i) => i.code), [...new Set(pairs.map((p) => p.year))]);
        const out = new PassThrough({ highWaterMark: 1 << 20 });
        body = out;
        const sourceIds = sources.map((s) => s.source_id);
        started({ format, snapshot: snapshot.info, sourceIds, fileStem: ['osservatorio', 'export', level, parent, years ? `${years[0]}-${years.at(-1)}` : null, snapshot.info.id].filter(Boolean).join('-'), body: out });
        const encoder = this.encoder(format, out, snapshot.info, sourceIds, level, parent);
        const patterns = await this.engine.patterns(snapshot, { pairs });
        const byCode = new Map(indicators.map((i) => [i.code, i]));
        if (!(await write(out, encoder.start()))) return;
        for await (const chunk of this.sums.stream(snapshot, { pairs, level, parent })) {
          const columns = toExportChunk(chunk, byCode, (indicator, year, code) => patterns.get(`${indicator}|${year}`)!.hidden({ code }));
          if (!(await write(out, encoder.chunk(columns)))) return;
        }
        if (!(await write(out, encoder.end()))) return;
        out.end();
      })
      .catch((error: unknown) => {
        if (body === null) failed(error);
        else (body as PassThrough).destroy(error as Error);
      });
    return ready;
  }

  private encoder(format: Format, out: Writable, snapshot: SnapshotInfo, sourceIds: readonly string[], level: string, parent: string | null): ExportEncoder {
    if (format === 'csv') return csvEncoder();
    if (format === 'arrow') return arrowEncoder(out, new Map([['snapshot_id', snapshot.id], ['sources', sourceIds.join(',')]]));
    return jsonEncoder({ snapshot, level, parent, sources: sourceIds });
  }
}

/** Writes and waits while the socket is behind; false once the client has gone away. */
async function write(out: PassThrough, data: string | Uint8Array | null): Promise<boolean> {
  if (out.destroyed) return false;
  if (data !== null && data.length > 0) out.write(data);
  // The Arrow writer writes into `out` itself, so look at the buffer rather than at write()'s answer.
  if (out.writableNeedDrain) await new Promise<void>((resolve) => out.once('drain', resolve).once('close', resolve));
  return !out.destroyed;
}

type Hidden = (indicator: string, year: number, code: string) => HiddenParts;

function toExportChunk(chunk: ColumnChunk, indicators: ReadonlyMap<string, EngineIndicator>, hidden: Hidden): ExportChunk {
  const n = chunk.length;
  const col = chunk.columns as Record<string, unknown[]>;
  const indicator = col.indicator_code as string[];
  const year = Int32Array.from(col.year as number[]);
  const code = col.code as string[];
  const numerator = new Float64Array(n);
  const denominator = new Float64Array(n);
  const value = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const smallNumber = new Uint8Array(n);
  const suppressed = new Uint8Array(n);
  const synthetic = new Uint8Array(n);
  const unit: (string | undefined)[] = new Array(n);
  const withData = Int32Array.from(col.comuni_with_data as number[]);
  const total = Int32Array.from(col.comuni_total as number[]);
  for (let i = 0; i < n; i += 1) {
    const definition = indicators.get(indicator[i]!)!;
    const num = col.numerator![i] as number | null;
    const den = col.denominator![i] as number | null;
    const parts = hidden(indicator[i]!, year[i]!, code[i]!);
    const isHidden = parts.numerator || parts.denominator;
    const v = aggregateValue({ numerator: num, denominator: den, comuniWithData: withData[i]!, comuniTotal: total[i]! }, definition);
    unit[i] = definition.unit.it;
    numerator[i] = parts.numerator || num === null ? Number.NaN : num;
    denominator[i] = parts.denominator || den === null ? Number.NaN : den;
    value[i] = isHidden || v === null ? Number.NaN : v;
    const ci = isHidden || v === null || num === null ? null : confidenceInterval({ method: definition.ciMethod, numerator: num, denominator: den, multiplier: definition.multiplier, level: 0.95 }).interval;
    lower[i] = ci?.lower ?? Number.NaN;
    upper[i] = ci?.upper ?? Number.NaN;
    smallNumber[i] = isSmallNumber(definition, den, withData[i]!) ? 1 : 0;
    suppressed[i] = isHidden ? 1 : 0;
    synthetic[i] = col.synthetic![i] ? 1 : 0;
  }
  return { length: n, indicator, year, unit, code, name: col.name as string[], level: col.level as string[], numerator, denominator, value, ci95Lower: lower, ci95Upper: upper, smallNumber, suppressed, synthetic, comuniWithData: withData, comuniTotal: total };
}
