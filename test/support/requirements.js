import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const chromium = {
    name: 'Chromium',
    available: existsSync(CHROMIUM_PATH),
    howToProvide: `install Debian's chromium (apt-get install -y chromium) so that ${CHROMIUM_PATH} exists`,
};
export const postgres = {
    name: 'PostgreSQL',
    available: Boolean(process.env.TEST_DATABASE_URL),
    howToProvide: 'set TEST_DATABASE_URL=postgres://user@127.0.0.1:5432/db (a database the tests may write to)',
};
export const realData = {
    name: 'the real data folder',
    available: Boolean(process.env.OSSERVATORIO_DATA_DIR) && existsSync(process.env.OSSERVATORIO_DATA_DIR ?? ''),
    howToProvide: 'set OSSERVATORIO_DATA_DIR to the folder of published files (e.g. ../shared/datasets)',
};
/**
 * describe() when the requirement is met. Otherwise the suite is skipped with its reason printed on a
 * developer's machine, and fails under CI=true, where every tier must run.
 */
export function describeIf(requirement) {
    return (name, body) => {
        if (requirement.available)
            return describe(name, body);
        const reason = `needs ${requirement.name}: ${requirement.howToProvide}`;
        if (process.env.CI === 'true') {
            return describe(name, () => {
                it(`cannot run in CI without ${requirement.name}`, () => {
                    throw new Error(`CI=true but this suite ${reason}`);
                });
            });
        }
        console.warn(`skipped "${name}": ${reason}`);
        return describe.skip(`${name} (skipped: ${reason})`, body);
    };
}
//# sourceMappingURL=requirements.js.map