import { Injectable } from '@nestjs/common';
import { SnapshotPool, type SnapshotReader } from '../core/snapshot-pool.js';
import { chooseYear } from '../indicators/indicator-year.js';
import { IndicatorsService } from '../indicators/indicators.service.js';
import { toSourceDto } from '../sources/source.dto.js';
import { TerritoriesService, toTerritoryDto } from '../territories/territories.service.js';
import { indicatorTerms, type IndicatorTerm } from './indicator-terms.js';
import type { ProvenanceQuery } from './provenance.params.js';
import type { ContributionDto, ProvenanceResponseDto, ProvenanceSourceDto, ProvenanceTermDto, SourceFileDto } from './provenance.dto.js';
import { ProvenanceRepository, type ContributionRow, type ValueScope } from './provenance.repository.js';


@Injectable()
export class ProvenanceService {
  constructor(
    private readonly snapshots: SnapshotPool,
    private readonly indicators: IndicatorsService,
    private readonly territories: TerritoriesService,
    private readonly provenance: ProvenanceRepository,
  ) {}

  async get(query: ProvenanceQuery): Promise<ProvenanceResponseDto> {
    const { indicator: code, territory: territoryCode, year: askedYear } = query;
    return this.snapshots.use(async (snapshot) => {
      const indicator = await this.indicators.find(snapshot, code);
      const territory = await this.territories.require(snapshot, territoryCode);
      const year = chooseYear(indicator, askedYear);
      const scope: ValueScope = { indicator: indicator.code, territory: territory.code, year };
      const terms: ProvenanceTermDto[] = [];
      for (const term of indicatorTerms(await this.provenance.definition(snapshot, indicator.code))) terms.push(await this.term(snapshot, scope, term));
      const members = await this.provenance.members(snapshot, scope);
      const run = await this.provenance.loadRun(snapshot);
      return {
        snapshot: snapshot.info,
        indicator,
        territory: toTerritoryDto(territory),
        year,
        comuniWithData: members.comuni_with_data,
        comuniTotal: members.comuni_total,
        terms,
        sources: await this.sourcesOf(snapshot, terms),
        loadRun: { runId: run.run_id, startedAt: run.started_at, finishedAt: run.finished_at, etlVersion: run.etl_version },
      };
    });
  }

  private async term(snapshot: SnapshotReader, scope: ValueScope, term: IndicatorTerm): Promise<ProvenanceTermDto> {
    if (term.kind === 'attribute') {
      // Attributes are the territory's as of the snapshot's reference date, whatever the indicator's year.
      const referenceDate = snapshot.info.referenceDate;
      const rows = await this.provenance.areaTerm(snapshot, scope);
      const contributions = await Promise.all(rows.map((row) => this.contribution(snapshot, row, null, referenceDate, Number(referenceDate.slice(0, 4)))));
      return { part: term.part, variable: null, sex: null, ageBand: null, lag: 0, sign: term.sign, attribute: term.attribute, contributions };
    }
    const dataYear = scope.year - term.lag;
    const rows = await this.provenance.variableTerm(snapshot, scope, { dataYear, variable: term.variable, sex: term.sex, band: term.ageBand });
    const contributions = await Promise.all(rows.map((row) => this.contribution(snapshot, row, dataYear, `${dataYear}-01-01`, dataYear)));
    return { part: term.part, variable: term.variable, sex: term.sex, ageBand: term.ageBand, lag: term.lag, sign: term.sign, attribute: null, contributions };
  }

  private async contribution(snapshot: SnapshotReader, row: ContributionRow, dataYear: number | null, referenceDate: string, fileYear: number): Promise<ContributionDto> {
    const files = row.source_id === null ? [] : await this.provenance.files(snapshot, row.source_id, fileYear);
    return {
      sourceId: row.source_id,
      dataYear,
      referenceDate,
      value: row.value,
      comuni: row.comuni,
      derived: row.derived ?? false,
      files: files.map((f) => ({ file: f.file, sha256: f.sha256, year: f.year })),
      mergedComuni: (row.merged ?? []).map((m) => ({ code: m.code, name: m.name, sourceCodes: m.source_codes })),
    };
  }

  /** The sources of every contribution, in order of first use, each with the files read from it. */
  private async sourcesOf(snapshot: SnapshotReader, terms: readonly ProvenanceTermDto[]): Promise<ProvenanceSourceDto[]> {
    const files = new Map<string, Map<string, SourceFileDto>>();
    for (const contribution of terms.flatMap((t) => t.contributions)) {
      if (contribution.sourceId === null) continue;
      const byName = files.get(contribution.sourceId) ?? new Map<string, SourceFileDto>();
      for (const file of contribution.files) byName.set(file.file, file);
      files.set(contribution.sourceId, byName);
    }
    const rows = new Map((await this.provenance.sources(snapshot)).map((row) => [row.source_id, row]));
    return [...files].flatMap(([id, byName]) => {
      const row = rows.get(id);
      return row === undefined ? [] : [{ ...toSourceDto(row), files: [...byName.values()].sort((a, b) => a.file.localeCompare(b.file)) }];
    });
  }
}
