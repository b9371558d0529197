/** A national-shaped hierarchy for the disclosure tests: comuni in Ambiti in province in regioni in Italia, with seeded counts. */
import type { Hierarchy } from '../hierarchy.js';

export interface GeneratedHierarchy {
  readonly hierarchy: Hierarchy;
  readonly values: ReadonlyMap<string, number>;
}

export interface HierarchyShape {
  readonly comuni: number;
  readonly ambiti: number;
  readonly province: number;
  readonly regioni: number;
  /** Share of comuni with a count under 5 (0 included). */
  readonly smallShare: number;
  /** Share of comuni left outside every Ambito (they still count in their provincia). */
  readonly outsideAmbiti: number;
  readonly seed: number;
}

export function generateHierarchy(shape: HierarchyShape): GeneratedHierarchy {
  let state = shape.seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const containers = new Map<string, string[]>();
  const add = (container: string, comune: string) => {
    let members = containers.get(container);
    if (members === undefined) containers.set(container, (members = []));
    members.push(comune);
  };
  const values = new Map<string, number>();
  const ambitiPerProvincia = Math.max(1, Math.round(shape.ambiti / shape.province));
  for (let i = 0; i < shape.comuni; i++) {
    const comune = `C${String(i).padStart(6, '0')}`;
    // Comuni are dealt to province in blocks, so each provincia is a contiguous run, as in ISTAT codes.
    const provincia = Math.floor((i * shape.province) / shape.comuni);
    const regione = Math.floor((provincia * shape.regioni) / shape.province);
    const ambito = provincia * ambitiPerProvincia + Math.floor(random() * ambitiPerProvincia);
    values.set(comune, random() < shape.smallShare ? Math.floor(random() * 5) : 5 + Math.floor(random() * random() * 5000));
    add('IT', comune);
    add(`R${String(regione).padStart(2, '0')}`, comune);
    add(`P${String(provincia).padStart(3, '0')}`, comune);
    if (random() >= shape.outsideAmbiti) add(`A${String(ambito).padStart(4, '0')}`, comune);
  }
  return { hierarchy: containers, values };
}
