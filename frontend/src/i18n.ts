import type { NumberLocale } from 'vega';
import type { Lang, Localized } from './api/types';

export const LANGS: readonly Lang[] = ['it', 'en'];

const it = {
  appTitle: 'Osservatorio — bisogni e servizi sociali',
  skipToContent: 'Vai al contenuto',
  language: 'Lingua',
  languageName: 'Italiano',
  snapshot: 'Dati pubblicati il {created}, comuni al {reference}',
  dataVersion: 'Versione dei dati: {id}',
  myTerritory: 'Il mio territorio',
  changeTerritory: 'Cambia territorio',
  closeSearch: 'Chiudi la ricerca',
  searchTerritory: 'Cerca un comune, un Ambito o una provincia',
  searchHint: 'Almeno 2 lettere. Si trovano anche i comuni con il nome che avevano prima di una fusione.',
  searchNone: 'Nessun territorio trovato per «{q}».',
  searchResults: '{n} territori trovati',
  formerName: 'già {name}',
  level_comune: 'comune',
  level_ambito: 'Ambito',
  level_provincia: 'provincia',
  level_regione: 'regione',
  level_italia: 'Italia',
  territoryNotFound: 'Il territorio {code} indicato nel link non è nei dati pubblicati: è mostrato {name}.',
  chooseTerritoryHint: 'Scegli il tuo territorio: da qui partiranno tutte le pagine.',
  comuniOf: 'Comuni di: {name}',
  homeMark: 'il mio territorio',
  updating: 'Aggiornamento in corso…',
  chartKeys: 'Usa le frecce per leggere i valori uno a uno; Esc per smettere. La tabella riporta gli stessi numeri.',
  modeDemo: 'dimostrativo',
  modeReal: 'dati ufficiali',
  modeLabel: 'Modalità',
  syntheticBanner: 'Dati dimostrativi: alcuni valori sono generati sinteticamente e non sono dati reali.',
  syntheticBannerDetail: 'Non usarli per decisioni o documenti del Piano di Zona.',
  ambitiExample: 'Gli Ambiti mostrati sono una configurazione di esempio.',
  loading: 'Caricamento in corso…',
  retry: 'Riprova',
  errorNetwork:
    'Il server dell’Osservatorio non risponde. Controlla la connessione e che il servizio sia avviato, poi riprova.',
  errorNotFound: 'Dato non trovato ({message}). Scegli un altro indicatore o anno.',
  errorBadRequest: 'Richiesta non valida: {message}.',
  errorServer:
    'Errore del server ({status}): {message}. Riprova tra qualche minuto; se il problema continua, avvisa chi amministra l’Osservatorio.',
  noSnapshot:
    'Non è ancora stato pubblicato alcun dato. Chi amministra l’Osservatorio può caricarli con il comando `npm run etl -- load`.',
  noIndicators: 'Il catalogo non contiene indicatori.',
  controls: 'Scelta dei dati',
  indicator: 'Indicatore',
  year: 'Anno',
  level: 'Livello territoriale',
  levelComune: 'Comuni',
  levelAmbito: 'Ambiti',
  withinProvincia: 'Territorio: {name}',
  unit: 'Unità di misura',
  area: 'Area di intervento',
  caveats: 'Avvertenze',
  unavailable: 'Non disponibile',
  polarityHigherWorse: 'Valori più alti indicano una situazione più critica.',
  polarityHigherBetter: 'Valori più alti indicano una situazione migliore.',
  polarityNeither: 'L’indicatore descrive il territorio: valori alti o bassi non sono di per sé migliori o peggiori.',
  noYears: 'Nessun anno disponibile per questo indicatore.',
  noData: 'nessun dato',
  mapHeading: 'Mappa',
  mapDescription: 'Mappa dei comuni ({area}) colorati secondo {indicator}, {year}.',
  mapAmbitoNote: 'A livello di Ambito ogni comune è colorato con il valore del proprio Ambito.',
  mapNoDataNote: 'I comuni in grigio chiaro non hanno dato: non significano zero.',
  comune: 'Comune',
  ambito: 'Ambito',
  boundariesMissingTitle: 'Confini comunali non caricati',
  boundariesMissingText:
    'La mappa non è disponibile perché i confini dei comuni non sono stati caricati. Il grafico e la tabella funzionano comunque.',
  boundariesDownload: 'I file ufficiali si scaricano da:',
  boundariesIstat: 'ISTAT — Confini delle unità amministrative a fini statistici',
  boundariesOpenpolis: 'openpolis — geojson-italy',
  boundariesServerHint: 'Indirizzo suggerito dal server:',
  boundariesHowTo:
    'Per caricarli: copia i file nella cartella dei dati indicata dalla variabile `OSSERVATORIO_DATA_DIR` ed esegui `npm run etl -- load`.',
  barHeading: 'Graduatoria',
  barDescription: 'Grafico a barre: {indicator}, {year}, dal valore più alto al più basso.',
  benchmarkLine: 'Linea tratteggiata: {name} {value}',
  missingComune: '1 comune senza dato (non incluso nel grafico).',
  missingComuni: '{n} comuni senza dato (non inclusi nel grafico).',
  missingAmbito: '1 Ambito senza dato (non incluso nel grafico).',
  missingAmbiti: '{n} Ambiti senza dato (non inclusi nel grafico).',
  showAll: 'Mostra tutti ({n})',
  showExtremes: 'Mostra solo i primi e gli ultimi {n}',
  extremesNote: 'Sono mostrati i primi {n} e gli ultimi {n} di {total} territori con dato.',
  noValues: 'Nessun territorio ha un valore per questa scelta.',
  tableHeading: 'Tabella dei valori',
  tableCaption: '{indicator}, {year} — {unit}',
  rank: 'Posizione',
  code: 'Codice',
  name: 'Territorio',
  numerator: 'Numeratore',
  denominator: 'Denominatore',
  value: 'Valore',
  coverage: 'Comuni con dato',
  coverageValue: '{with} su {total}',
  benchmark: 'Riferimento',
  sortBy: 'Ordina per {column}',
  downloadCsv: 'Scarica la tabella in CSV',
  source: 'Fonte',
  licence: 'Licenza',
  syntheticSource: 'dati sintetici dimostrativi',
  boundariesSource: 'Confini',
  chartError: 'Il grafico non può essere disegnato: {message}. La tabella riporta gli stessi numeri.',
  navLabel: 'Sezioni',
  navIndicators: 'Indicatori',
  navQuality: 'Qualità dei dati',
  qualityHeading: 'Qualità dei dati',
  qualityIntro:
    'Controlli eseguiti a ogni caricamento. Gli errori bloccano la pubblicazione; avvisi e informazioni sono pubblicati con i dati e vanno letti prima di usarli.',
  qualityFilters: 'Filtri dei problemi',
  qualityCounts: 'Problemi per gravità',
  severity: 'Gravità',
  severityAll: 'Tutte',
  severity_error: 'Errori',
  severity_warning: 'Avvisi',
  severity_info: 'Informazioni',
  severityOne_error: 'errore',
  severityOne_warning: 'avviso',
  severityOne_info: 'informazione',
  rule: 'Regola',
  ruleAll: 'Tutte',
  optionCount: '{label} ({n})',
  qualityCaption: 'Problemi di qualità: {n}',
  qualitySource: 'Fonte',
  message: 'Descrizione',
  noIssues: 'Nessun problema di qualità per questa scelta.',
  pageRange: 'Righe {from}–{to} di {total}',
  previousPage: 'Precedenti',
  nextPage: 'Successive',
  downloadQualityCsv: 'Scarica i problemi in CSV',
  loadedOn: 'caricato il {date}',
  dataAsOf: 'dati al {date}',
  showProvenance: 'Mostra la provenienza del valore {value} di {name}',
  provenanceHeading: 'Provenienza: {name}, {year}',
  provenanceComuni: 'Somma di {with} comuni su {total}.',
  numeratorTerm: 'Numeratore',
  denominatorTerm: 'Denominatore',
  termVariable: '{variable} (sesso {sex}, età {band}) al {date}',
  termArea: 'superficie in km² al {date}',
  termSubtracted: 'sottratto',
  contribution: '{publisher}, {title}: {value} da {comuni} comuni',
  file: 'file {file}',
  mergedCodes: '{code} {name} ← {codes} (codici soppressi sommati)',
  loadRun: 'Caricamento {run} del {date}',
  close: 'Chiudi',
  footer: 'Osservatorio è software libero (AGPL-3.0). I numeri sono calcolati come somma dei numeratori su somma dei denominatori.',
};

// Text between backticks is a command or a variable name, shown as code (see CodeText).
export type MessageKey = keyof typeof it;

const en: Record<MessageKey, string> = {
  appTitle: 'Osservatorio — social needs and services',
  skipToContent: 'Skip to content',
  language: 'Language',
  languageName: 'English',
  snapshot: 'Data published {created}, comuni as of {reference}',
  dataVersion: 'Data version: {id}',
  myTerritory: 'My territory',
  changeTerritory: 'Change territory',
  closeSearch: 'Close the search',
  searchTerritory: 'Search a comune, an Ambito or a provincia',
  searchHint: 'At least 2 letters. Comuni are also found by the name they had before a merger.',
  searchNone: 'No territory found for “{q}”.',
  searchResults: '{n} territories found',
  formerName: 'formerly {name}',
  level_comune: 'comune',
  level_ambito: 'Ambito',
  level_provincia: 'provincia',
  level_regione: 'regione',
  level_italia: 'Italy',
  territoryNotFound: 'The territory {code} in the link is not in the published data: {name} is shown instead.',
  chooseTerritoryHint: 'Choose your territory: every page will start from it.',
  comuniOf: 'Comuni of: {name}',
  homeMark: 'my territory',
  updating: 'Updating…',
  chartKeys: 'Use the arrow keys to read the values one by one; Esc to stop. The table holds the same numbers.',
  modeDemo: 'demonstration',
  modeReal: 'official data',
  modeLabel: 'Mode',
  syntheticBanner: 'Demonstration data: some values are synthetically generated and are not real data.',
  syntheticBannerDetail: 'Do not use them for decisions or Piano di Zona documents.',
  ambitiExample: 'The Ambiti shown are an example configuration.',
  loading: 'Loading…',
  retry: 'Try again',
  errorNetwork: 'The Osservatorio server does not answer. Check the connection and that the service is running, then try again.',
  errorNotFound: 'Not found ({message}). Choose another indicator or year.',
  errorBadRequest: 'Invalid request: {message}.',
  errorServer:
    'Server error ({status}): {message}. Try again in a few minutes; if it persists, tell whoever runs the Osservatorio.',
  noSnapshot: 'No data has been published yet. The administrator can load it with the command `npm run etl -- load`.',
  noIndicators: 'The catalogue contains no indicators.',
  controls: 'Data selection',
  indicator: 'Indicator',
  year: 'Year',
  level: 'Territorial level',
  levelComune: 'Comuni',
  levelAmbito: 'Ambiti',
  withinProvincia: 'Territory: {name}',
  unit: 'Unit',
  area: 'Area of intervention',
  caveats: 'Caveats',
  unavailable: 'Not available',
  polarityHigherWorse: 'Higher values indicate a more critical situation.',
  polarityHigherBetter: 'Higher values indicate a better situation.',
  polarityNeither: 'The indicator describes the territory: high or low values are not in themselves better or worse.',
  noYears: 'No year available for this indicator.',
  noData: 'no data',
  mapHeading: 'Map',
  mapDescription: 'Map of the comuni ({area}) coloured by {indicator}, {year}.',
  mapAmbitoNote: 'At Ambito level each comune is coloured with the value of its Ambito.',
  mapNoDataNote: 'Comuni in light grey have no data: this does not mean zero.',
  comune: 'Comune',
  ambito: 'Ambito',
  boundariesMissingTitle: 'Municipal boundaries not loaded',
  boundariesMissingText:
    'The map is not available because the boundaries of the comuni have not been loaded. The chart and the table still work.',
  boundariesDownload: 'The official files can be downloaded from:',
  boundariesIstat: 'ISTAT — Boundaries of administrative units for statistical purposes',
  boundariesOpenpolis: 'openpolis — geojson-italy',
  boundariesServerHint: 'Address suggested by the server:',
  boundariesHowTo:
    'To load them: copy the files into the data folder named by the `OSSERVATORIO_DATA_DIR` variable and run `npm run etl -- load`.',
  barHeading: 'Ranking',
  barDescription: 'Bar chart: {indicator}, {year}, from the highest value to the lowest.',
  benchmarkLine: 'Dashed line: {name} {value}',
  missingComune: '1 comune without data (not in the chart).',
  missingComuni: '{n} comuni without data (not in the chart).',
  missingAmbito: '1 Ambito without data (not in the chart).',
  missingAmbiti: '{n} Ambiti without data (not in the chart).',
  showAll: 'Show all ({n})',
  showExtremes: 'Show only the top and bottom {n}',
  extremesNote: 'Showing the top {n} and bottom {n} of {total} territories with data.',
  noValues: 'No territory has a value for this selection.',
  tableHeading: 'Table of values',
  tableCaption: '{indicator}, {year} — {unit}',
  rank: 'Rank',
  code: 'Code',
  name: 'Territory',
  numerator: 'Numerator',
  denominator: 'Denominator',
  value: 'Value',
  coverage: 'Comuni with data',
  coverageValue: '{with} of {total}',
  benchmark: 'Reference',
  sortBy: 'Sort by {column}',
  downloadCsv: 'Download the table as CSV',
  source: 'Source',
  licence: 'Licence',
  syntheticSource: 'synthetic demonstration data',
  boundariesSource: 'Boundaries',
  chartError: 'The chart cannot be drawn: {message}. The table has the same numbers.',
  navLabel: 'Sections',
  navIndicators: 'Indicators',
  navQuality: 'Data quality',
  qualityHeading: 'Data quality',
  qualityIntro:
    'Checks run on every load. Errors stop the publication; warnings and infos are published with the data and should be read before using it.',
  qualityFilters: 'Issue filters',
  qualityCounts: 'Issues by severity',
  severity: 'Severity',
  severityAll: 'All',
  severity_error: 'Errors',
  severity_warning: 'Warnings',
  severity_info: 'Infos',
  severityOne_error: 'error',
  severityOne_warning: 'warning',
  severityOne_info: 'info',
  rule: 'Rule',
  ruleAll: 'All',
  optionCount: '{label} ({n})',
  qualityCaption: 'Quality issues: {n}',
  qualitySource: 'Source',
  message: 'Description',
  noIssues: 'No quality issue for this selection.',
  pageRange: 'Rows {from}–{to} of {total}',
  previousPage: 'Previous',
  nextPage: 'Next',
  downloadQualityCsv: 'Download the issues as CSV',
  loadedOn: 'loaded on {date}',
  dataAsOf: 'data as of {date}',
  showProvenance: 'Show where the value {value} of {name} comes from',
  provenanceHeading: 'Provenance: {name}, {year}',
  provenanceComuni: 'Sum over {with} of {total} comuni.',
  numeratorTerm: 'Numerator',
  denominatorTerm: 'Denominator',
  termVariable: '{variable} (sex {sex}, age {band}) as of {date}',
  termArea: 'area in km² as of {date}',
  termSubtracted: 'subtracted',
  contribution: '{publisher}, {title}: {value} from {comuni} comuni',
  file: 'file {file}',
  mergedCodes: '{code} {name} ← {codes} (suppressed codes summed)',
  loadRun: 'Load {run} of {date}',
  close: 'Close',
  footer: 'Osservatorio is free software (AGPL-3.0). Values are computed as the sum of numerators over the sum of denominators.',
};

const messages: Record<Lang, Record<MessageKey, string>> = { it, en };

// The quality rules the ETL writes (datasets/quality.yaml); a rule not listed here shows its id.
const RULE_LABELS: Record<string, Localized> = {
  'series-break': { it: 'Salto nella serie', en: 'Series break' },
  'implausible-jump': { it: 'Variazione non plausibile', en: 'Implausible jump' },
  'incomplete-source': { it: 'Fonte incompleta', en: 'Incomplete source' },
  'coverage-dropped': { it: 'Copertura ridotta', en: 'Coverage dropped' },
  'sources-disagree': { it: 'Fonti discordanti', en: 'Sources disagree' },
  'conflicting-sources': { it: 'Fonti in conflitto', en: 'Conflicting sources' },
  'bands-total-mismatch': { it: 'Classi di età diverse dal totale', en: 'Age bands differ from the total' },
  'sex-total-mismatch': { it: 'Maschi più femmine diversi dal totale', en: 'Men plus women differ from the total' },
  'numerator-exceeds-denominator': { it: 'Numeratore maggiore del denominatore', en: 'Numerator exceeds denominator' },
  outlier: { it: 'Valore anomalo', en: 'Outlier' },
  'missing-value': { it: 'Valore mancante', en: 'Missing value' },
  'ambiti-coverage': { it: 'Comune senza Ambito', en: 'Comune without an Ambito' },
  'bad-area': { it: 'Superficie non valida', en: 'Invalid area' },
};

export function ruleLabel(rule: string, lang: Lang): string {
  const label = RULE_LABELS[rule];
  return label ? localized(label, lang) : rule;
}

export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return messages[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function localized(text: Localized, lang: Lang): string {
  return text[lang] || text.it;
}

const LOCALES: Record<Lang, string> = { it: 'it-IT', en: 'en-GB' };

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${lang}:${minDecimals}:${maxDecimals}`;
  let format = formatters.get(key);
  if (!format) {
    // 'always' groups four-digit numbers too (1.234), as the charts' d3 formats do.
    format = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
      useGrouping: 'always',
      signDisplay: 'negative',
    });
    formatters.set(key, format);
  }
  return format;
}

/** A value with exactly the indicator's decimals; null reads "nessun dato", never 0. */
export function formatValue(value: number | null, decimals: number, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return translate(lang, 'noData');
  return numberFormat(lang, decimals, decimals).format(value);
}

/** Counts and areas behind a value: integers as such, fractional denominators (km²) with up to 2 decimals. */
export function formatCount(value: number | null, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return translate(lang, 'noData');
  return numberFormat(lang, 0, 2).format(value);
}

export function formatDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** dd/mm/yyyy, as Italian documents write dates. */
export function formatShortDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** d3-format locale for Vega, so axis and legend labels match the Intl formats above. */
export function vegaNumberLocale(lang: Lang): NumberLocale {
  return lang === 'it'
    ? { decimal: ',', thousands: '.', grouping: [3], currency: ['€', ''], minus: '-' }
    : { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''], minus: '-' };
}
