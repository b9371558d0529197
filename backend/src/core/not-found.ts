/** The 404s for a code the snapshot does not have, worded once for every endpoint that looks one up. */
import { NotFoundError } from './errors.js';
import type { SnapshotReader } from './snapshot-pool.js';

export function unknownIndicator(snapshot: Pick<SnapshotReader, 'info' | 'catalogue'>, code: string): NotFoundError {
  const known = snapshot.catalogue.codes.join(', ');
  return new NotFoundError({
    it: `L'indicatore ${code} non è nello snapshot ${snapshot.info.id}; codici noti: ${known || 'nessuno'}`,
    en: `Indicator ${code} is not in snapshot ${snapshot.info.id}; known codes: ${known || 'none'}`,
  });
}

export function unknownTerritory(snapshot: Pick<SnapshotReader, 'info'>, code: string): NotFoundError {
  const id = snapshot.info.id;
  return new NotFoundError({ it: `Il territorio ${code} non è nello snapshot ${id}; GET /api/territories li elenca`, en: `Territory ${code} is not in snapshot ${id}; GET /api/territories lists them` });
}
