/** The territory this installation plans for; the one place to change it. */
export const PROVINCIA = { code: '018', name: 'Provincia di Pavia' } as const;

/** The benchmark is the provincia itself: call it by the name users know ("Provincia di Pavia", not "Pavia"). */
export function withProvinciaName<T extends { benchmark: { code: string; name: string } | null }>(values: T): T {
  if (values.benchmark?.code !== PROVINCIA.code) return values;
  return { ...values, benchmark: { ...values.benchmark, name: PROVINCIA.name } };
}
