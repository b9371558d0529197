/** An outside thing a test tier needs (a browser, a PostgreSQL server, the real data folder). */
export interface Requirement {
    readonly name: string;
    readonly available: boolean;
    readonly howToProvide: string;
}
export declare const CHROMIUM_PATH = "/usr/bin/chromium";
export declare const chromium: Requirement;
export declare const postgres: Requirement;
export declare const realData: Requirement;
/**
 * describe() when the requirement is met. Otherwise the suite is skipped with its reason printed on a
 * developer's machine, and fails under CI=true, where every tier must run.
 */
export declare function describeIf(requirement: Requirement): (name: string, body: () => void) => import("vitest").SuiteCollector<object>;
