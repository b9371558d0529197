import type { SuppressedInput } from './input.js';

export interface CrosswalkEntry {
  readonly oldCode: string;
  /** The comune valid on the reference date that the old one now lies in; null when it cannot be traced. */
  readonly newCode: string | null;
  readonly eventDate: string;
  /** Split among several comuni (scorporo): its counts cannot be moved onto one successor. */
  readonly split: boolean;
}

/**
 * Maps every suppressed comune code onto the current comune it was merged into, following chains
 * (A → B in 1928, B → C in 2019 gives A → C). A code that is current again is not mapped.
 */
export function buildCrosswalk(suppressed: readonly SuppressedInput[], currentCodes: ReadonlySet<string>): Map<string, CrosswalkEntry> {
  const lastEvents = new Map<string, SuppressedInput[]>();
  for (const event of suppressed) {
    if (currentCodes.has(event.code)) continue;
    const known = lastEvents.get(event.code);
    if (!known || known[0]!.date < event.date) lastEvents.set(event.code, [event]);
    else if (known[0]!.date === event.date) known.push(event);
  }

  const resolved = new Map<string, CrosswalkEntry>();
  const resolve = (code: string, visiting: Set<string>): CrosswalkEntry | undefined => {
    const done = resolved.get(code);
    if (done) return done;
    const events = lastEvents.get(code);
    if (!events) return undefined;
    const [event] = events;
    const targets = new Set(events.map((e) => e.newCode));
    let entry: CrosswalkEntry;
    if (targets.size > 1 || event!.split) {
      entry = { oldCode: code, newCode: null, eventDate: event!.date, split: true };
    } else if (currentCodes.has(event!.newCode)) {
      entry = { oldCode: code, newCode: event!.newCode, eventDate: event!.date, split: false };
    } else if (visiting.has(event!.newCode)) {
      entry = { oldCode: code, newCode: null, eventDate: event!.date, split: false };
    } else {
      visiting.add(code);
      const next = resolve(event!.newCode, visiting);
      entry = { oldCode: code, newCode: next?.newCode ?? null, eventDate: event!.date, split: next?.split ?? false };
    }
    resolved.set(code, entry);
    return entry;
  };
  for (const code of lastEvents.keys()) resolve(code, new Set());
  return resolved;
}
