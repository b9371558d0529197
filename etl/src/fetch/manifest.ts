/**
 * The fetch manifest (`<data>/.fetch/fetch-manifest.json`): for every file a fetch wrote, where it came
 * from, its sha256 and size, when, and the validators (ETag, Last-Modified) for the next conditional request.
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const FETCH_CACHE_DIR = '.fetch';
const MANIFEST_FILE = 'fetch-manifest.json';

const entry = z.object({
  source: z.string(),
  url: z.string(),
  file: z.string(),
  sha256: z.string(),
  bytes: z.number(),
  fetchedAt: z.string(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
});
const manifestSchema = z.object({ version: z.literal(1), files: z.record(z.string(), entry) });

export type FetchManifest = z.output<typeof manifestSchema>;
export type FetchedFile = z.output<typeof entry>;

export const manifestPath = (dataDir: string) => path.join(dataDir, FETCH_CACHE_DIR, MANIFEST_FILE);

export async function readFetchManifest(dataDir: string): Promise<FetchManifest> {
  const file = manifestPath(dataDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, files: {} };
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message}); delete it and fetch again`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file}: not a fetch manifest (${parsed.error.issues[0]?.message}); delete it and fetch again`);
  return parsed.data;
}

/** Replaces the manifest in one rename, so a killed fetch leaves the previous one whole. */
export async function writeFetchManifest(dataDir: string, manifest: FetchManifest): Promise<void> {
  const file = manifestPath(dataDir);
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(`${JSON.stringify(manifest, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}
