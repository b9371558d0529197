import type { ComuneValidityInput, SuppressedInput } from './input.js';

export interface CrosswalkEntry {
  readonly oldCode: string;
  /** The comune valid on the reference date that the old one now lies in; null when it cannot be traced. */
  readonly newCode: string | null;
  readonly eventDate: string;
  /** Split among several comuni (scorporo): its counts cannot be moved onto one successor. */
  readonly split: boolean;
  /** renumbering: the same comune under a new code (every step of the chain a move to another provincia). */
  readonly kind: CrosswalkKind;
}

export type CrosswalkKind = 'suppression' | 'renumbering';

interface CodeEvent extends SuppressedInput {
  readonly kind: CrosswalkKind;
}

/**
 * Maps every suppressed comune code onto the current comune it was merged into, following chains
 * (A → B in 1928, B → C in 2019 gives A → C), and every renumbered code (renumberedComuni) onto the
 * comune's current code. A code that is current again is not mapped.
 */
export function buildCrosswalk(suppressed: readonly SuppressedInput[], currentCodes: ReadonlySet<string>, renumbered: readonly SuppressedInput[] = []): Map<string, CrosswalkEntry> {
  const events: CodeEvent[] = [...suppressed.map((e) => ({ ...e, kind: 'suppression' as const })), ...renumbered.map((e) => ({ ...e, kind: 'renumbering' as const }))];
  const lastEvents = new Map<string, CodeEvent[]>();
  for (const event of events) {
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
    const kind = event!.kind;
    if (targets.size > 1 || event!.split) {
      entry = { oldCode: code, newCode: null, eventDate: event!.date, split: true, kind: 'suppression' };
    } else if (currentCodes.has(event!.newCode)) {
      entry = { oldCode: code, newCode: event!.newCode, eventDate: event!.date, split: false, kind };
    } else if (visiting.has(event!.newCode)) {
      entry = { oldCode: code, newCode: null, eventDate: event!.date, split: false, kind: 'suppression' };
    } else {
      visiting.add(code);
      const next = resolve(event!.newCode, visiting);
      // Renumbered, then merged: today the old code is part of another comune, not that comune's code.
      const chainKind = kind === 'renumbering' && next?.kind === 'renumbering' ? 'renumbering' : 'suppression';
      entry = { oldCode: code, newCode: next?.newCode ?? null, eventDate: event!.date, split: next?.split ?? false, kind: chainKind };
    }
    resolved.set(code, entry);
    return entry;
  };
  for (const code of lastEvents.keys()) resolve(code, new Set());
  return resolved;
}

/**
 * The comuni whose ISTAT code changed without a merger, when they moved to another provincia (Torre de'
 * Busi 097080 → 016215 and Sappada 025052 → 030189 in 2018, the Sardinian comuni of 2016, Montecopiolo
 * and Sassofeltrio in 2021): ISTAT's list of suppressed comuni does not have them, but files
 * published before the change use the old code. Found in the history as a code no longer valid whose
 * cadastral (Belfiore) code is today that of a current comune under another code; each is a move of
 * the old code onto the current one on the day after the old code's last, for buildCrosswalk's renumbered.
 */
export function renumberedComuni(history: readonly ComuneValidityInput[], currentCodes: ReadonlySet<string>): SuppressedInput[] {
  const currentByCadastral = new Map<string, ComuneValidityInput>();
  for (const period of history) {
    if (period.cadastral !== null && period.validTo === null && currentCodes.has(period.code)) currentByCadastral.set(period.cadastral, period);
  }
  const moves = new Map<string, SuppressedInput>();
  for (const period of history) {
    if (period.cadastral === null || period.validTo === null || currentCodes.has(period.code)) continue;
    const successor = currentByCadastral.get(period.cadastral);
    if (successor === undefined || successor.code === period.code || successor.validFrom <= period.validTo) continue;
    // The move is the day after the old code's last day: the current code may have started then, or later
    // under a new name (Calliano, 006840 until 1935, is 005014 "Calliano Monferrato" only since 2022).
    const date = nextDay(period.validTo);
    // A code used by several comuni over time: the period that ended last is the one files still carry.
    const known = moves.get(period.code);
    if (known !== undefined && known.date >= date) continue;
    moves.set(period.code, { code: period.code, name: period.name, date, newCode: successor.code, split: false });
  }
  return [...moves.values()];
}

function nextDay(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
