import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, repoRoot } from './config.js';

describe('loadConfig', () => {
  it('defaults to the repository data folder, SQLite, 127.0.0.1:3000 and frontend/dist', () => {
    expect(loadConfig({})).toEqual({
      stateDir: path.join(repoRoot, 'data'),
      port: 3000,
      host: '127.0.0.1',
      database: { type: 'sqlite', path: path.join(repoRoot, 'data', 'app.sqlite') },
      frontendDir: path.join(repoRoot, 'frontend', 'dist'),
      audience: 'public',
      suppressionThreshold: 5,
    });
  });

  it('finds the repository root from its own location', () => {
    expect(path.join(repoRoot, 'backend', 'src', 'config', 'config.ts')).toBe(new URL(import.meta.url).pathname.replace('config.spec.ts', 'config.ts'));
  });

  it('reads every variable', () => {
    const config = loadConfig({
      OSSERVATORIO_STATE_DIR: '/srv/osservatorio',
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://app:secret@db:5432/osservatorio',
      OSSERVATORIO_FRONTEND_DIR: '/srv/www',
      OSSERVATORIO_AUDIENCE: 'office',
      OSSERVATORIO_SUPPRESSION_THRESHOLD: '10',
    });
    expect(config).toEqual({
      stateDir: '/srv/osservatorio',
      port: 8080,
      host: '0.0.0.0',
      database: { type: 'postgres', url: 'postgresql://app:secret@db:5432/osservatorio' },
      frontendDir: '/srv/www',
      audience: 'office',
      suppressionThreshold: 10,
    });
  });

  it('lists every bad variable in one error, without the password', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '80a', HOST: 'http://x', DATABASE_URL: 'mysql://root:hunter2@db/x', OSSERVATORIO_AUDIENCE: 'everyone', OSSERVATORIO_SUPPRESSION_THRESHOLD: '-1' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toHaveLength(5);
    expect(message).toMatch(/OSSERVATORIO_AUDIENCE="everyone": expected public .* or office/);
    expect(message).toMatch(/OSSERVATORIO_SUPPRESSION_THRESHOLD="-1": expected a whole number of at least 0/);
    expect(message).toMatch(/PORT="80a": expected a whole number from 0 to 65535/);
    expect(message).toMatch(/HOST="http:\/\/x"/);
    expect(message).toMatch(/DATABASE_URL: expected postgres:\/\/.*got "mysql:\/\/root:\*\*\*@db\/x"/);
    expect(message).not.toContain('hunter2');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ' })).toMatchObject({ port: 3000, database: { type: 'sqlite' } });
  });
});
