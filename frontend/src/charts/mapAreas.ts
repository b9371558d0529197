import type { Lang, ValueRow } from '../api/types';
import { hasValue } from '../data/ranking';
import { formatValue } from '../i18n';
import { classIndex, quantileClasses, zeroAndQuantileClasses, type Classes } from './classes';

/** What the map draws on one comune: its own value, or at Ambito level the value of its Ambito. */
export interface MapArea {
  code: string;
  valueLabel: string;
  /** The class label, null without a value. */
  classLabel: string | null;
  ambito: string | null;
}

export interface MapData {
  areas: MapArea[];
  classes: Classes;
}

/** `zeroClass`: the label of a class for zero alone (see zeroAndQuantileClasses). */
export interface ShadeOptions {
  zeroClass?: string;
}

function shade(rows: readonly ValueRow[], decimals: number, lang: Lang, { zeroClass }: ShadeOptions) {
  // Classes come from the territories ranked (comuni or Ambiti), not from the map's shapes.
  const values = rows.filter(hasValue).map((row) => row.value);
  const classes = zeroClass === undefined ? quantileClasses(values, decimals, lang) : zeroAndQuantileClasses(values, decimals, lang, zeroClass);
  const describe = (row: ValueRow) => ({
    valueLabel: formatValue(row.value, decimals, lang),
    classLabel: hasValue(row) ? classes.labels[classIndex(row.value, classes.breaks)]! : null,
  });
  return { classes, describe };
}

export function comuneMapData(rows: readonly ValueRow[], decimals: number, lang: Lang, options: ShadeOptions = {}): MapData {
  const { classes, describe } = shade(rows, decimals, lang, options);
  return { classes, areas: rows.map((row) => ({ code: row.code, ambito: null, ...describe(row) })) };
}

/** `membership` maps each Ambito code to the codes of its comuni. */
export function ambitoMapData(
  rows: readonly ValueRow[],
  membership: ReadonlyMap<string, readonly string[]>,
  decimals: number,
  lang: Lang,
  options: ShadeOptions = {},
): MapData {
  const { classes, describe } = shade(rows, decimals, lang, options);
  const areas = rows.flatMap((row) => (membership.get(row.code) ?? []).map((code) => ({ code, ambito: row.name, ...describe(row) })));
  return { classes, areas };
}
