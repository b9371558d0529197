/**
 * The attack of the disclosure tests on a snapshot: everything public answers publish, attacked by
 * differencing and by an exact solve (rational-attack.ts).
 */
import type { Indicator } from '@osservatorio/etl/contract';
import type { SnapshotReader } from '../../core/snapshot-pool.js';
import { loadSql } from '../../core/sql.js';
import { PARTS, type DisclosureService, type Part } from '../disclosure.service.js';
import { groupHiddenParts, hiddenParts, maskRow } from '../mask-row.js';
import { PublishedSpan, recoveredByDifferencing, type Functional } from './rational-attack.js';

const MEMBERS_SQL = loadSql(import.meta.url, 'members-with-data.sql');

/**
 * Everything public answers publish, for every indicator and year of the snapshot: every territory at every
 * level, masked, and every group of comuni the group rule lets through. Each published part is a known sum
 * of per-comune atoms (one per variable, sex, piece of age and year the terms read); the attacker differences every
 * total against its parts and solves the whole system exactly, across indicators and years.
 */
export async function attackEverything(reader: SnapshotReader, s: DisclosureService, weaken: (indicator: string, year: number, territory: string, part: Part) => boolean = () => false) {
  const published: Functional[] = [];
  const hidden: { cell: string; functional: Functional }[] = [];
  const relations: string[][] = [];
  const shownCells = new Set<string>();
  const bands = reader.catalogue.indicators.flatMap(({ definition }) => PARTS.flatMap((part) => (definition[part] ?? []).flatMap((t) => ('attribute' in t ? [] : [t.age_band]))));
  const pieces = agePieces(bands);
  for (const { definition, years } of reader.catalogue.indicators) {
    for (const year of years) {
      const pattern = await s.pattern(reader, definition.code, year, 'public');
      const members = new Map<string, string[]>();
      for (const { territory, comune } of await reader.query<{ territory: string; comune: string }>(MEMBERS_SQL, { code: definition.code, year })) {
        members.set(territory, [...(members.get(territory) ?? []), comune]);
      }
      const comuni = [...members.keys()].filter((t) => members.get(t)!.length === 1 && members.get(t)![0] === t);
      for (const part of PARTS) {
        if (definition[part] === null) continue;
        const cellId = (t: string) => `${definition.code}|${year}|${part}|${t}`;
        const functional = (group: readonly string[]) => partFunctional(definition, part, year, group, pieces);
        for (const [territory, group] of members) {
          const masked = maskRow({ numerator: 1, denominator: 1, value: 1 }, hiddenParts(pattern, territory));
          const isShown = masked[part] !== null || weaken(definition.code, year, territory, part);
          if (isShown) {
            published.push(functional(group));
            shownCells.add(cellId(territory));
          } else hidden.push(...hiddenTerms(definition, part, year, group, pieces).map((f, t) => ({ cell: `${cellId(territory)}${t > 0 ? `#${t}` : ''}`, functional: f })));
          if (group.length > 1 || group[0] !== territory) relations.push([cellId(territory), ...group.map(cellId)]);
        }
        // Every group of comuni a user could ask for.
        for (let mask = 1; mask < 1 << comuni.length; mask++) {
          const group = comuni.filter((_, i) => mask & (1 << i));
          if (!groupHiddenParts(pattern, group)[part]) published.push(functional(group));
        }
      }
    }
  }
  // A term of a hidden part that a shown part publishes alone was never hidden: the part is hidden for another term.
  const publishedAlone = new Set(published.map(key));
  const targets = hidden.filter((h) => !publishedAlone.has(key(h.functional)));
  const span = new PublishedSpan(published);
  const recovered = [...recoveredByDifferencing(relations, (c) => shownCells.has(c)), ...targets.filter((h) => span.determines(h.functional)).map((h) => h.cell)];
  return { hidden: targets.length, published: published.length, recovered: [...new Set(recovered)].sort() };
}

function partFunctional(definition: Indicator, part: Part, year: number, comuni: readonly string[], pieces: readonly (readonly [number, number])[]): Functional {
  const f = new Map<string, number>();
  for (const term of definition[part] ?? []) {
    for (const comune of comuni) {
      const atoms = 'attribute' in term ? [`${term.attribute}|${comune}`] : breakdownAtoms(term.sex, term.age_band, pieces).map((a) => `${term.variable}|${a}|${year - term.lag}|${comune}`);
      for (const atom of atoms) f.set(atom, (f.get(atom) ?? 0) + term.sign);
    }
  }
  for (const [atom, c] of f) if (c === 0) f.delete(atom);
  return f;
}

/**
 * What a hidden part hides: the part itself when it sums one term, else each of its terms (a part of two
 * hidden counts may well add up to a published total, as under 12 plus 12 and over are all residents).
 */
function hiddenTerms(definition: Indicator, part: Part, year: number, comuni: readonly string[], pieces: readonly (readonly [number, number])[]): Functional[] {
  const terms = definition[part] ?? [];
  if (terms.length <= 1) return [partFunctional(definition, part, year, comuni, pieces)];
  return terms.map((term) => partFunctional({ ...definition, [part]: [{ ...term, sign: 1 }] }, part, year, comuni, pieces));
}

const key = (f: Functional) => [...f].sort(([a], [b]) => (a < b ? -1 : 1)).map(([atom, c]) => `${atom}:${c}`).join(',');

/**
 * The attacker knows that residents of every sex and age band are sums of men and women in the pieces of
 * age that the bands published cut (T = M + F; Y0-14 = Y0-2 + Y3-5 + …; Y65- − Y75- = the 65-74 piece): a
 * breakdown is the sum of those atoms, so differences across sexes and bands are in the span too.
 */
const OLDEST = 100;
function bandAges(band: string): [number, number] {
  if (band === 'TOT') return [0, OLDEST];
  const [from, to] = band.slice(1).split('-');
  return [Number(from), to === undefined ? Number(from) : to === '' ? OLDEST : Number(to)];
}

function agePieces(bands: Iterable<string>): [number, number][] {
  const cuts = new Set([0, OLDEST + 1]);
  for (const band of bands) {
    const [from, to] = bandAges(band);
    cuts.add(from);
    cuts.add(to + 1);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.slice(0, -1).map((from, i) => [from, sorted[i + 1]! - 1]);
}

function breakdownAtoms(sex: string, band: string, pieces: readonly (readonly [number, number])[]): string[] {
  const [from, to] = bandAges(band);
  const sexes = sex === 'T' ? ['M', 'F'] : [sex];
  return sexes.flatMap((s) => pieces.filter(([a, b]) => a >= from && b <= to).map(([a, b]) => `${s}|${a}-${b}`));
}

