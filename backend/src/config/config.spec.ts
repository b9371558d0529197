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
    });
    expect(config).toEqual({
      stateDir: '/srv/osservatorio',
      port: 8080,
      host: '0.0.0.0',
      database: { type: 'postgres', url: 'postgresql://app:secret@db:5432/osservatorio' },
      frontendDir: '/srv/www',
    });
  });

  it('lists every bad variable in one error, without the password', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '80a', HOST: 'http://x', DATABASE_URL: 'mysql://root:hunter2@db/x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toHaveLength(3);
    expect(message).toMatch(/PORT="80a": expected a whole number from 0 to 65535/);
    expect(message).toMatch(/HOST="http:\/\/x"/);
    expect(message).toMatch(/DATABASE_URL: expected postgres:\/\/.*got "mysql:\/\/root:\*\*\*@db\/x"/);
    expect(message).not.toContain('hunter2');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ' })).toMatchObject({ port: 3000, database: { type: 'sqlite' } });
  });
});
