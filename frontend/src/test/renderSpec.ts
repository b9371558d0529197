import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Compiles and runs a spec headlessly, so tests can read scales and the SVG Vega would draw. */
export async function renderSpec(spec: TopLevelSpec): Promise<{ view: View; svg: string }> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  await view.runAsync();
  const svg = await view.toSVG();
  return { view, svg };
}
