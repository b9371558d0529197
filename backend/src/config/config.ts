/**
 * The API's configuration: the only reader of process.env in this program. Every variable is
 * checked at start, and every bad one is listed in one message.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type DatabaseConfig = { readonly type: 'sqlite'; readonly path: string } | { readonly type: 'postgres'; readonly url: string };

export interface AppConfig {
  /** Folder holding snapshots/ (written by the ETL) and, by default, app.sqlite. */
  readonly stateDir: string;
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  /** The built frontend served at `/`. */
  readonly frontendDir: string;
  /** Who every request is answered for, until roles arrive: the public never sees small counts. */
  readonly audience: Audience;
  /** Counts under this are suppressed for the public; 0 turns suppression off. */
  readonly suppressionThreshold: number;
}

export const AUDIENCES = ['public', 'office'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

// Two levels above backend/src/config or backend/dist/config, so `npm start` from the root, `npm start`
// from backend/ and the tests all find the same state folder.
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env): AppConfig {
  const problems: string[] = [];
  const stateDir = resolvePath(nonEmpty(env.OSSERVATORIO_STATE_DIR), path.join(repoRoot, 'data'));
  const frontendDir = resolvePath(nonEmpty(env.OSSERVATORIO_FRONTEND_DIR), path.join(repoRoot, 'frontend', 'dist'));

  const portRaw = nonEmpty(env.PORT) ?? '3000';
  const port = Number(portRaw);
  if (!/^\d+$/.test(portRaw) || port > 65535) problems.push(`PORT="${portRaw}": expected a whole number from 0 to 65535`);

  const host = nonEmpty(env.HOST) ?? '127.0.0.1';
  if (/\s|\//.test(host)) problems.push(`HOST="${host}": expected a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0`);

  let database: DatabaseConfig = { type: 'sqlite', path: path.join(stateDir, 'app.sqlite') };
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  if (databaseUrl !== undefined) {
    if (isPostgresUrl(databaseUrl)) database = { type: 'postgres', url: databaseUrl };
    else problems.push(`DATABASE_URL: expected postgres://user:password@host:5432/database (or postgresql://…), or leave it unset to use SQLite at <state>/app.sqlite; got "${redact(databaseUrl)}"`);
  }

  const audienceRaw = nonEmpty(env.OSSERVATORIO_AUDIENCE) ?? 'public';
  const audience = AUDIENCES.find((a) => a === audienceRaw);
  if (audience === undefined) problems.push(`OSSERVATORIO_AUDIENCE="${audienceRaw}": expected public (the default: small counts are suppressed) or office (the Ufficio di Piano sees every count)`);

  const thresholdRaw = nonEmpty(env.OSSERVATORIO_SUPPRESSION_THRESHOLD) ?? '5';
  const suppressionThreshold = Number(thresholdRaw);
  if (!/^\d+$/.test(thresholdRaw) || suppressionThreshold > 1_000_000) problems.push(`OSSERVATORIO_SUPPRESSION_THRESHOLD="${thresholdRaw}": expected a whole number of at least 0 (counts under it are suppressed for the public; 0 turns suppression off), e.g. 5`);

  if (problems.length > 0 || audience === undefined) throw new ConfigError(problems);
  return { stateDir, port, host, database, frontendDir, audience, suppressionThreshold };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

// A relative path given by the user is taken from the working directory, as the ETL does.
function resolvePath(value: string | undefined, fallback: string): string {
  return value === undefined ? fallback : path.resolve(value);
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

// Error messages end up in logs: never echo a password.
function redact(value: string): string {
  return value.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
