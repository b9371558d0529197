#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { loadEtlConfig } from './config.js';
import { fetchCommand } from './fetch/fetch-command.js';
import { runLoad } from './load.js';
import { consoleProgress } from './progress.js';
import { readCurrentSnapshotId, stateLayout } from './publish/layout.js';
import { formatQualityReport, readQualityReport } from './quality/report.js';
import { withLoadLock } from './publish/lock.js';
import { listSnapshots, rollback, servableSnapshotId } from './publish/snapshots.js';
import { requireStateFolder, StateFolderError } from './publish/state-folder.js';

const USAGE = `Usage: npm run etl -- <command> [options]

Commands:
  load [--data DIR] [--if-changed] [--keep-serving-on-failure]
                                     read the published files in DIR (default: $OSSERVATORIO_DATA_DIR;
                                     none: the demo), build a snapshot and publish it; one load at a
                                     time per state folder (a second one waits)
  status                             list the snapshots kept, their sources and row counts
  check [--per-rule N]               print the quality issues of the snapshot being served: every one,
                                     or the first N of each rule and how many more
  rollback                           serve the snapshot published before the current one
  fetch [--data DIR] [--years 2019-2025] [--source ID] [--provincia 018,019] [--retries N] [--verify]
                                     download the files sources.yaml gives a download for into DIR
                                     (default: $OSSERVATORIO_DATA_DIR), skipping those unchanged;
                                     --verify re-hashes the files fetched before

Options:
  --state DIR    where snapshots live (default: $OSSERVATORIO_STATE_DIR or ./data)
  --if-changed   skip the load when the inputs are those of the snapshot being served
  --accept-coverage-drop
                 publish although fewer comuni have values than in the snapshot served now
                 (a source removed on purpose); otherwise that stops the load
  --keep-serving-on-failure
                 when the load fails but a snapshot is published, report the error and exit 0,
                 so that \`npm start\` goes on to serve it
  --sources FILE fetch: a sources.yaml other than the project's
  -h, --help     this text`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      state: { type: 'string' },
      'if-changed': { type: 'boolean', default: false },
      'accept-coverage-drop': { type: 'boolean', default: false },
      'keep-serving-on-failure': { type: 'boolean', default: false },
      years: { type: 'string' },
      source: { type: 'string', multiple: true },
      provincia: { type: 'string' },
      retries: { type: 'string' },
      'per-rule': { type: 'string' },
      verify: { type: 'boolean', default: false },
      sources: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command] = positionals;
  if (values.help || command === undefined) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const config = loadEtlConfig(process.env, { ...(values.data ? { dataDir: values.data } : {}), ...(values.state ? { stateDir: values.state } : {}) });
  const layout = stateLayout(config.stateDir);
  const progress = consoleProgress();
  if (['status', 'check', 'rollback'].includes(command)) await requireStateFolder(config.stateDir, { create: false });
  switch (command) {
    case 'load': {
      try {
        await runLoad(config, progress, { ifChanged: values['if-changed'], acceptCoverageDrop: values['accept-coverage-drop'] });
      } catch (error) {
        console.error(`etl: ${messageOf(error)}`);
        if (!values['keep-serving-on-failure'] || error instanceof StateFolderError) {
          console.error('Nothing was published; the snapshot being served, if any, is unchanged.');
          return 1;
        }
        const served = await servableSnapshotId(layout);
        if (served === null) {
          console.error('Nothing was published, and there is no snapshot to serve.');
          return 1;
        }
        console.error(`Nothing was published: serving the last good snapshot ${served} instead.`);
      }
      return 0;
    }
    case 'status': {
      const current = await readCurrentSnapshotId(layout);
      const snapshots = await listSnapshots(layout, progress);
      if (snapshots.length === 0) console.log(`No snapshots in ${layout.snapshotsDir}. Run: npm run etl -- load`);
      for (const s of snapshots.reverse()) {
        console.log(`${s.id === current ? '*' : ' '} ${s.id}  ${s.mode}  created ${s.createdAt}  ${s.warnings} quality warnings`);
        console.log(`    rows: ${Object.entries(s.counts).map(([table, n]) => `${table} ${n}`).join(', ')}`);
        for (const source of s.sources) console.log(`    source ${source.id}${source.synthetic ? ' (SYNTHETIC)' : ''}: ${source.file ?? '(generated)'}, ${source.rowsRead} rows`);
      }
      return 0;
    }
    case 'check': {
      const raw = values['per-rule'];
      const perRule = raw === undefined ? Infinity : Number(raw);
      if (raw !== undefined && !(Number.isInteger(perRule) && perRule >= 1)) {
        console.error(`etl: --per-rule "${raw}": expected a whole number from 1 up (the issues shown of each rule)`);
        return 2;
      }
      const current = await readCurrentSnapshotId(layout);
      if (current === null) {
        console.error(`No snapshot is published in ${layout.snapshotsDir}. Run: npm run etl -- load`);
        return 1;
      }
      console.log(`quality of snapshot ${current}:`);
      for (const line of formatQualityReport(await readQualityReport(layout.snapshotFile(current), perRule), perRule)) console.log(line);
      return 0;
    }
    case 'fetch':
      return fetchCommand(config, { years: values.years, sources: values.source, provincia: values.provincia, retries: values.retries, verify: values.verify, catalog: values.sources }, consoleProgress(), (line) => console.error(line));
    case 'rollback': {
      // Like a load, it rewrites the pointers: not while a load is publishing.
      const [from, to] = await withLoadLock(layout, progress, () => rollback(layout));
      console.log(`Now serving ${to} (was ${from}).`);
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => exitAfterOutput(code),
  (error: unknown) => {
    console.error(`etl: ${messageOf(error)}`);
    exitAfterOutput(1);
  },
);

/**
 * Exits once everything printed has been written: to a pipe (`etl check | less`) Node writes
 * asynchronously, and exiting at once would cut a long report short.
 */
function exitAfterOutput(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
