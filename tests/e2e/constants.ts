/**
 * The port, database and build folder of one end-to-end run. E2E_PORT picks another set, so two
 * runs (say, two people or two agents on one machine) never share a database or a build.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3200);
const suffix = E2E_PORT === 3200 ? "" : `-${E2E_PORT}`;

/** scripts/e2e-server.sh resets this database before each run. */
export const E2E_DATABASE_URL = `file:./data/e2e${suffix}.db`;
export const E2E_DIST_DIR = `.next-e2e${suffix}`;
