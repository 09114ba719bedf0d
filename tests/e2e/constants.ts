/** The database the end-to-end server runs on; scripts/e2e-server.sh resets it before each run. */
export const E2E_DATABASE_URL = "file:./data/e2e.db";
