/** A sources.yaml for fetch tests: ISTAT-shaped POSAS zips and one plain CSV, served from `origin`. */
export function fetchSourcesYaml(origin: string, options: { posasSha256?: Record<string, string>; plainOrigin?: string } = {}): string {
  const sha = options.posasSha256 === undefined ? '' : `\n      sha256: { ${Object.entries(options.posasSha256).map(([file, hash]) => `${file}: ${hash}`).join(', ')} }`;
  return `variables:
  pop_res: { it: Popolazione residente, en: Residents, kind: count }
sources:
  - id: istat_posas
    title: POSAS
    publisher: ISTAT
    licence: CC BY 4.0
    role: observations
    optional: true
    file: population/POSAS_*_it_Comuni.csv
    format: csv
    layout: istat_age_sex
    parse: { delimiter: ';', encoding: utf-8, title_lines: 1 }
    year_from_file: 'POSAS_(\\d{4})_'
    columns: { code: Codice comune, age: Età, male: Totale maschi, female: Totale femmine, total: Totale }
    values: [{ variable: pop_res }]
    download:
      url: ${origin}/data/posas/POSAS_{year}_it_Comuni.zip
      years: [2024, 2025]
      file: population/POSAS_{year}_it_Comuni.csv
      unzip: POSAS_{year}_it_Comuni.csv${sha}
  - id: comuni_plain
    title: Comuni
    publisher: Garda Informatica
    licence: MIT
    role: comuni
    file: territory/gi_comuni.csv
    format: csv
    parse: { delimiter: ';', encoding: utf-8 }
    reference_date: 2025-01-01
    columns: { code: codice_istat, name: denominazione_ita, provincia_code: codice_sovracomunale }
    download:
      url: ${options.plainOrigin ?? origin}/csv/gi_comuni.csv
      file: territory/gi_comuni.csv
`;
}

/** A POSAS file as ISTAT publishes it: a title line, then one row per comune × age (999 = total). */
export function posasCsv(year: number): string {
  return [
    `Popolazione residente per età, sesso e stato civile al 1° gennaio ${year}`,
    'Codice comune;Comune;Età;Totale maschi;Totale femmine;Totale',
    `018110;Pavia;0;${200 + year - 2024};190;${390 + year - 2024}`,
    `018110;Pavia;999;${35000 + year - 2024};37000;${72000 + year - 2024}`,
  ].join('\n') + '\n';
}
