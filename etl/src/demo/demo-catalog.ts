/**
 * The catalogue the demo's observations are read with: the project's own descriptors of the published
 * shapes the demo generates (so the same connectors read them), marked synthetic and retitled, plus the
 * demo's own descriptors in datasets/demo/sources.yaml.
 */
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { CatalogError } from '../catalog/yaml-file.js';
import { loadSourceCatalog, type DescriptorOf, type SourceCatalog, type SourceDescriptor } from '../sources/descriptor.js';

export const SYNTHETIC_TITLE = 'Dati dimostrativi generati — NON sono dati reali';
const DEMO_PUBLISHER = 'Osservatorio (generatore deterministico della demo)';
/** The project's sources whose published shape the demo generates. */
export const GENERATED_SHAPES = ['istat_posas', 'istat_strasa', 'mef_irpef'] as const;
export type GeneratedShape = (typeof GENERATED_SHAPES)[number];

export const demoFolder = (datasetsDir: string) => path.join(datasetsDir, 'demo');
export const demoCatalogFile = (datasetsDir: string) => path.join(demoFolder(datasetsDir), 'sources.yaml');

export interface DemoCatalog {
  readonly catalog: SourceCatalog;
  /** The project's descriptor of each generated shape, as the demo reads it. */
  readonly shapes: Readonly<Record<GeneratedShape, DescriptorOf<'observations'>>>;
}

export async function loadDemoCatalog(project: SourceCatalog, datasetsDir: string): Promise<DemoCatalog> {
  const file = demoCatalogFile(datasetsDir);
  const own = await loadSourceCatalog(file);
  for (const [name, definition] of Object.entries(own.variables)) {
    if (!isDeepStrictEqual(definition, project.variables[name])) {
      throw new CatalogError(`${file}: variable ${name} is not declared as in datasets/sources.yaml; expected the same definition (${JSON.stringify(project.variables[name] ?? 'none')})`);
    }
  }
  const shapes = Object.fromEntries(GENERATED_SHAPES.map((id) => [id, markSynthetic(projectObservations(project, id))])) as Record<GeneratedShape, DescriptorOf<'observations'>>;
  const clash = own.sources.find((s) => s.id in shapes);
  if (clash) throw new CatalogError(`${file}: source ${clash.id} is already a source of datasets/sources.yaml the demo generates; expected another id`);
  return { catalog: { variables: project.variables, sources: [...Object.values(shapes), ...own.sources], precedence: [] }, shapes };
}

function projectObservations(project: SourceCatalog, id: string): DescriptorOf<'observations'> {
  const descriptor = project.sources.find((s): s is DescriptorOf<'observations'> => s.id === id && s.role === 'observations');
  if (!descriptor) throw new CatalogError(`the demo generates files in the shape of source ${id}, which datasets/sources.yaml does not declare as an observations source`);
  return descriptor;
}

/** The descriptor as the demo reads it: same shape, said to be made up wherever its values are shown. */
function markSynthetic<D extends SourceDescriptor>(descriptor: D): D {
  const { url: _url, download: _download, ...shape } = descriptor;
  return { ...shape, title: `${SYNTHETIC_TITLE} (${descriptor.title}, nel formato di ${descriptor.publisher})`, publisher: DEMO_PUBLISHER, licence: 'nessuna: valori inventati', optional: false, synthetic: true } as D;
}
