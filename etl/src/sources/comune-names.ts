/**
 * Matches comune names, as registers that publish no codes write them ("S. Angelo Lomellina",
 * "CORNALE E BASTIDA", "Bolzano/Bozen", "Reggio Emilia", "Albaredo Arnaboldi" after its merger), onto
 * the ISTAT codes of the comuni current on the reference date. It works on a set of distinct names and
 * answers for every one of them: matched (and how), ambiguous (with the candidates) or unmatched (with
 * the reasons), so that a caller can report every name it could not place rather than drop rows.
 */

/** A comune of the current list (gi_comuni or ISTAT's official list). */
export interface CurrentComuneName {
  readonly code: string;
  readonly name: string;
  /** The name in the second official language (Bozen), if any. */
  readonly nameOther?: string | null;
  readonly provinciaCode: string;
}

/** A name a code had during a period (the validity history): former names of current codes too. */
export interface HistoricalComuneName {
  readonly code: string;
  readonly name: string;
  /** Null: still valid. */
  readonly validTo: string | null;
}

/** A suppressed comune under its last name (ISTAT's list of suppressed comuni). */
export interface SuppressedComuneName {
  readonly code: string;
  readonly name: string;
  readonly date: string;
}

/** Where a suppressed code's territory went (model/crosswalk.ts's CrosswalkEntry has this shape). */
export interface Succession {
  /** The current comune it lies in; null when it cannot be traced. */
  readonly newCode: string | null;
  readonly eventDate: string;
  /** Split among several comuni: no one successor. */
  readonly split: boolean;
}

export interface ComuneNameSources {
  readonly comuni: readonly CurrentComuneName[];
  readonly history?: readonly HistoricalComuneName[];
  readonly suppressed?: readonly SuppressedComuneName[];
  /** By suppressed code, e.g. buildCrosswalk(suppressed, currentCodes). */
  readonly successors?: ReadonlyMap<string, Succession>;
}

/** One distinct name to match, optionally with the provincia the register places it in. */
export interface NameQuery {
  readonly name: string;
  /** 3 digits, like '018'. */
  readonly provinciaCode?: string | null;
}

export interface MatchScope {
  /** Only comuni of these provinces are candidates (e.g. the provinces of the register's regione). */
  readonly provinciaCodes?: Iterable<string>;
}

/**
 * exact: the name as listed (or its bilingual form "Bolzano/Bozen"); normalised: equal once case, accents,
 * apostrophes, hyphens, spaces and S./San/Santa/Sant' are normalised; second-language: the name in the
 * other language ("Bozen"); bilingual-half: one half of a name written "A/B" or "A-B"; former-name: an
 * earlier name of a code still current; successor: the name of a suppressed comune, mapped onto the
 * current comune it went into; loose: equal also without articles and prepositions ("Reggio Emilia").
 */
export type MatchHow = 'exact' | 'normalised' | 'second-language' | 'bilingual-half' | 'former-name' | 'successor' | 'loose';

/** The historical name a match went through. */
export interface HistoricalVia {
  readonly code: string;
  readonly name: string;
  /** The last day the name was valid, or the date of the suppression; null: still valid. */
  readonly validTo: string | null;
}

export interface NameCandidate {
  readonly code: string;
  /** The current name of the comune. */
  readonly name: string;
  readonly provinciaCode: string;
  readonly how: MatchHow;
  readonly via?: HistoricalVia;
}

export type NameMatch =
  | { readonly status: 'matched'; readonly query: NameQuery; readonly match: NameCandidate }
  | { readonly status: 'ambiguous'; readonly query: NameQuery; readonly candidates: readonly NameCandidate[] }
  | {
      readonly status: 'unmatched';
      readonly query: NameQuery;
      /** Why names that were found could not be used (historical names without a successor). */
      readonly reasons: readonly string[];
      /** Comuni of this name outside the scope asked for. */
      readonly outOfScope: readonly NameCandidate[];
    };

export interface NameMatchReport {
  /** One per distinct query, in the order given. */
  readonly results: readonly NameMatch[];
  readonly ambiguous: readonly Extract<NameMatch, { status: 'ambiguous' }>[];
  readonly unmatched: readonly Extract<NameMatch, { status: 'unmatched' }>[];
}

export interface ComuneNameMatcher {
  match(queries: Iterable<string | NameQuery>, scope?: MatchScope): NameMatchReport;
}

const APOSTROPHES = /['’‘`´ʼ′]/g;
const SEPARATORS = /[-‐‑‒–—/.,;:()"]/g;
/** San, Santo, Santa, Sant', S. are written interchangeably; Santi and SS. too. */
const SAINT_TOKENS = new Map([
  ['s', 's'],
  ['san', 's'],
  ['santo', 's'],
  ['santa', 's'],
  ['sant', 's'],
  ['ss', 'ss'],
  ['santi', 'ss'],
]);
/** Articles, prepositions and conjunctions registers drop or change ("Reggio nell'Emilia" → "Reggio Emilia"). */
const LOOSE_STOPWORDS = new Set(
  'di d de del dello della dei degli delle da dal dallo dalla nel nell nello nella nei negli nelle in al all allo alla ai agli alle sul sull sullo sulla sui sugli sulle con e ed il lo la l i gli le'.split(' '),
);

/** The name in a comparable form: lower case, no accents, words separated by single spaces, saints as "s". */
export function normaliseComuneName(name: string): string {
  return nameTokens(name).join(' ');
}

/** The normalised name without articles and prepositions, and without spaces ("Pieve Porto Morone" = "Pieveportomorone"). */
export function looseComuneName(name: string): string {
  return nameTokens(name)
    .filter((token) => !LOOSE_STOPWORDS.has(token))
    .join('');
}

function nameTokens(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(APOSTROPHES, ' ')
    .replace(SEPARATORS, ' ')
    .split(/\s+/)
    .filter((token) => token !== '')
    .map((token) => SAINT_TOKENS.get(token) ?? token);
}

/** The halves of a name written in two languages, "Bolzano/Bozen" or "Duino Aurisina-Devin Nabrežina". */
function bilingualHalves(name: string): string[] {
  const halves = name.split(/\s*[/\-–]\s*/).filter((half) => half.trim() !== '');
  return halves.length > 1 ? halves : [];
}

interface IndexedName {
  readonly code: string;
  readonly how: MatchHow;
}

interface IndexedHistory {
  readonly code: string;
  readonly name: string;
  readonly validTo: string | null;
}

/** What one way of matching found: candidates, and historical names that lead to no current comune. */
interface Found {
  readonly candidates: NameCandidate[];
  readonly dead: string[];
}

export function buildComuneNameMatcher(sources: ComuneNameSources): ComuneNameMatcher {
  const current = new Map(sources.comuni.map((c) => [c.code, c]));
  const successors = sources.successors ?? new Map<string, Succession>();

  const exact = new Map<string, IndexedName[]>();
  const normalised = new Map<string, IndexedName[]>();
  // After the Italian names: "Corvara" is the comune of Pescara before the Ladin name of Corvara in Badia.
  const secondLanguage = new Map<string, IndexedName[]>();
  const loose = new Map<string, IndexedName[]>();
  for (const comune of sources.comuni) {
    const { code } = comune;
    const other = comune.nameOther?.trim() || null;
    const forms = other === null ? [comune.name] : [comune.name, `${comune.name}/${other}`, `${comune.name}-${other}`, `${other}/${comune.name}`];
    for (const form of forms) {
      add(exact, form.trim(), { code, how: 'exact' });
      add(normalised, normaliseComuneName(form), { code, how: 'normalised' });
    }
    if (other !== null) add(secondLanguage, normaliseComuneName(other), { code, how: 'second-language' });
    for (const form of [...forms, ...(other === null ? [] : [other])]) add(loose, looseComuneName(form), { code, how: 'loose' });
  }

  const historical = new Map<string, IndexedHistory[]>();
  const looseHistorical = new Map<string, IndexedHistory[]>();
  const addHistory = (entry: IndexedHistory) => {
    add(historical, normaliseComuneName(entry.name), entry);
    add(looseHistorical, looseComuneName(entry.name), entry);
  };
  for (const h of sources.history ?? []) addHistory({ code: h.code, name: h.name, validTo: h.validTo });
  for (const s of sources.suppressed ?? []) addHistory({ code: s.code, name: s.name, validTo: s.date });

  const candidate = (code: string, how: MatchHow, via?: HistoricalVia): NameCandidate => {
    const comune = current.get(code)!;
    return { code, name: comune.name, provinciaCode: comune.provinciaCode, how, ...(via ? { via } : {}) };
  };
  const ofNames = (entries: readonly IndexedName[] | undefined): Found => ({ candidates: (entries ?? []).map((e) => candidate(e.code, e.how)), dead: [] });
  const ofHistory = (entries: readonly IndexedHistory[] | undefined, how: 'historical' | 'loose'): Found => {
    const found: Found = { candidates: [], dead: [] };
    for (const entry of entries ?? []) {
      const via = { code: entry.code, name: entry.name, validTo: entry.validTo };
      const until = entry.validTo === null ? '' : ` until ${entry.validTo}`;
      if (current.has(entry.code)) {
        found.candidates.push(candidate(entry.code, how === 'loose' ? 'loose' : 'former-name', via));
        continue;
      }
      const succession = successors.get(entry.code);
      if (succession?.newCode && current.has(succession.newCode)) found.candidates.push(candidate(succession.newCode, how === 'loose' ? 'loose' : 'successor', via));
      else if (succession?.split) found.dead.push(`"${entry.name}" was comune ${entry.code}${until}, split among several comuni on ${succession.eventDate}`);
      else if (succession) found.dead.push(`"${entry.name}" was comune ${entry.code}${until}; its territory leads to no current comune`);
      else found.dead.push(`"${entry.name}" was comune ${entry.code}${until}, which is neither current nor in the list of suppressed comuni`);
    }
    return found;
  };
  const ofHalves = (name: string): Found => {
    const halves = bilingualHalves(name);
    const candidates = halves.flatMap((half) => [...(normalised.get(normaliseComuneName(half)) ?? []), ...(secondLanguage.get(normaliseComuneName(half)) ?? [])]);
    return { candidates: candidates.map((e) => candidate(e.code, 'bilingual-half')), dead: [] };
  };

  const matchOne = (query: NameQuery, scope: ReadonlySet<string> | null): NameMatch => {
    const name = query.name.trim();
    const key = normaliseComuneName(name);
    const looseKey = looseComuneName(name);
    const allowed = intersect(scope, query.provinciaCode ? new Set([query.provinciaCode]) : null);
    const ways: (() => Found)[] = [
      () => ofNames(exact.get(name)),
      () => ofNames(normalised.get(key)),
      () => ofNames(secondLanguage.get(key)),
      () => ofHistory(historical.get(key), 'historical'),
      () => ofHalves(name),
      () => ofNames(loose.get(looseKey)),
      () => ofHistory(looseHistorical.get(looseKey), 'loose'),
    ];
    const outOfScope = new Map<string, NameCandidate>();
    const reasons = new Set<string>();
    if (key === '') return { status: 'unmatched', query, reasons: ['the name is empty'], outOfScope: [] };
    for (const way of ways) {
      const found = way();
      found.dead.forEach((reason) => reasons.add(reason));
      const inScope = new Map<string, NameCandidate>();
      for (const c of found.candidates) {
        if (allowed !== null && !allowed.has(c.provinciaCode)) {
          if (!outOfScope.has(c.code)) outOfScope.set(c.code, c);
        } else if (!inScope.has(c.code)) {
          inScope.set(c.code, c);
        }
      }
      if (inScope.size === 1) return { status: 'matched', query, match: [...inScope.values()][0]! };
      if (inScope.size > 1) return { status: 'ambiguous', query, candidates: [...inScope.values()] };
    }
    return { status: 'unmatched', query, reasons: [...reasons], outOfScope: [...outOfScope.values()] };
  };

  return {
    match(queries, scope = {}) {
      const allowed = scope.provinciaCodes === undefined ? null : new Set(scope.provinciaCodes);
      const seen = new Set<string>();
      const results: NameMatch[] = [];
      for (const raw of queries) {
        const query: NameQuery = typeof raw === 'string' ? { name: raw } : raw;
        const id = `${query.name}\u0000${query.provinciaCode ?? ''}`;
        if (seen.has(id)) continue;
        seen.add(id);
        results.push(matchOne(query, allowed));
      }
      return {
        results,
        ambiguous: results.filter((r): r is Extract<NameMatch, { status: 'ambiguous' }> => r.status === 'ambiguous'),
        unmatched: results.filter((r): r is Extract<NameMatch, { status: 'unmatched' }> => r.status === 'unmatched'),
      };
    },
  };
}

/** One line per name that was not matched, for the caller's report: `"Castro": 2 comuni have this name: …`. */
export function describeUnmatchedNames(report: NameMatchReport): string[] {
  const named = (query: NameQuery) => `"${query.name}"${query.provinciaCode ? ` (provincia ${query.provinciaCode})` : ''}`;
  const listed = (candidates: readonly NameCandidate[]) => candidates.map((c) => `${c.code} ${c.name} (provincia ${c.provinciaCode})`).join(', ');
  return report.results.flatMap((result) => {
    if (result.status === 'ambiguous') return [`${named(result.query)}: ambiguous, ${result.candidates.length} comuni match it: ${listed(result.candidates)}; expected one, give the provincia`];
    if (result.status === 'matched') return [];
    const details = [
      ...result.reasons,
      ...(result.outOfScope.length > 0 ? [`outside the provinces asked for: ${listed(result.outOfScope)}`] : []),
    ];
    return [`${named(result.query)}: no current comune has this name${details.length > 0 ? `; ${details.join('; ')}` : ''}`];
  });
}

function add<V>(index: Map<string, V[]>, key: string, value: V): void {
  if (key === '') return;
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

function intersect(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): ReadonlySet<string> | null {
  if (a === null) return b;
  if (b === null) return a;
  return new Set([...a].filter((code) => b.has(code)));
}
