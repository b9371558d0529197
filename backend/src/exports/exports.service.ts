import { Injectable } from '@nestjs/common';
import { PassThrough, type Writable } from 'node:stream';
import type { Format } from '../core/http/negotiate.js';
import { SnapshotPool } from '../core/snapshot-pool.js';
import type { SnapshotInfo } from '../core/snapshot-info.dto.js';
import { requireIndicator } from '../engine/catalogue-indicators.js';
import { engineIndicator } from '../engine/engine-indicator.js';
import { EngineService } from '../engine/engine.service.js';
import { SnapshotLookups } from '../engine/snapshot-lookups.js';
import { SumsRepository } from '../engine/sums.repository.js';
import { requireParentOf } from '../territories/territory-levels.js';
import { ExportChunkReader } from './export-chunks.js';
import type { ExportQuery } from './exports.params.js';
import { arrowEncoder, csvEncoder, jsonEncoder, type ExportEncoder } from './export-encoders.js';


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

  async start(query: ExportQuery, format: Format): Promise<StartedExport> {
    const { level, parent, years, indicators: codes } = query;
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
          requireParentOf(level, await this.lookups.territory(snapshot, parent));
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
        const reader = new ExportChunkReader(byCode, (indicator, year) => {
          const pattern = patterns.get(`${indicator}|${year}`)!;
          return (code) => pattern.hidden({ code });
        });
        for await (const chunk of this.sums.stream(snapshot, { pairs, level, parent })) {
          if (!(await write(out, encoder.chunk(reader.read(chunk))))) return;
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
