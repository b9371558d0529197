import type { AmbitiFile } from '../catalog/ambiti.js';
import { CatalogError, type YamlFile } from '../catalog/yaml-file.js';
import type { ComuneValidityInput } from './input.js';

export interface AmbitoMembership {
  readonly ambitoCode: string;
  readonly comuneCode: string;
  readonly validFrom: string;
  readonly validTo: string | null;
}

const BEGINNING = '0001-01-01';

/**
 * Checks the district configuration against the comuni: every member code must be a comune valid at the
 * start and the end of its membership, and no comune may be in two Ambiti at once. Reports every problem.
 */
export function validateAmbiti(
  file: YamlFile<AmbitiFile>,
  history: readonly ComuneValidityInput[],
  referenceDate: string,
  provinciaCodes: ReadonlySet<string>,
): AmbitoMembership[] {
  const validity = new Map<string, ComuneValidityInput[]>();
  for (const period of history) validity.set(period.code, [...(validity.get(period.code) ?? []), period]);
  const problems: string[] = [];
  const memberships: (AmbitoMembership & { where: string })[] = [];

  file.data.ambiti.forEach((ambito, ambitoIndex) => {
    if (!provinciaCodes.has(ambito.provincia)) {
      problems.push(`${file.locate(['ambiti', ambitoIndex, 'provincia'])}: ${ambito.code}: provincia ${ambito.provincia} is not a provincia of the comuni list`);
    }
    ambito.members.forEach((member, memberIndex) => {
      const where = file.locate(['ambiti', ambitoIndex, 'members', memberIndex]);
      const periods = validity.get(member.comune);
      if (!periods) {
        problems.push(`${where}: ${ambito.code}: ${member.comune} is not an ISTAT comune code in the comuni list; expected a valid 6-digit code`);
        return;
      }
      const validFrom = member.valid_from ?? latestStart(periods, member.valid_to ?? referenceDate);
      const validTo = member.valid_to ?? null;
      for (const date of [validFrom, validTo ?? referenceDate]) {
        if (!periods.some((p) => p.validFrom <= date && (p.validTo === null || p.validTo >= date))) {
          problems.push(`${where}: ${ambito.code}: comune ${member.comune} (${periods.at(-1)!.name}) was not valid on ${date}; it was valid ${periods.map((p) => `${p.validFrom} to ${p.validTo ?? 'today'}`).join(', ')}`);
          return;
        }
      }
      if (validTo !== null && validTo < validFrom) problems.push(`${where}: ${ambito.code}: valid_to ${validTo} is before valid_from ${validFrom}`);
      memberships.push({ ambitoCode: ambito.code, comuneCode: member.comune, validFrom, validTo, where });
    });
  });

  const byComune = new Map<string, typeof memberships>();
  for (const m of memberships) byComune.set(m.comuneCode, [...(byComune.get(m.comuneCode) ?? []), m]);
  for (const [comune, rows] of byComune) {
    for (let i = 0; i < rows.length; i += 1) {
      for (let j = i + 1; j < rows.length; j += 1) {
        const [a, b] = [rows[i]!, rows[j]!];
        if (a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31')) {
          problems.push(`${b.where}: comune ${comune} is in ${a.ambitoCode} (${a.where}) and in ${b.ambitoCode} over the same period; a comune belongs to one Ambito at a time`);
        }
      }
    }
  }
  if (problems.length > 0) throw new CatalogError(`The Ambiti configuration has errors:\n- ${problems.join('\n- ')}`);
  return memberships.map(({ where: _where, ...membership }) => membership);
}

/** Start of the code's validity period that contains `date` (or the earliest known start). */
function latestStart(periods: readonly ComuneValidityInput[], date: string): string {
  const containing = periods.find((p) => p.validFrom <= date && (p.validTo === null || p.validTo >= date));
  return containing?.validFrom ?? periods[0]?.validFrom ?? BEGINNING;
}
