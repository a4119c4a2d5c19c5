import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const BUILD = process.env.HEARD_BUILD_DIR ?? 'build';
const DATABASE = `test-results/e2e-${BUILD}.db`;
/**
 * PostgreSQL instead of SQLite: the server runs on this database, emptied at the start of the run
 * (every table of its public schema dropped), and the tests read it through the same helpers
 * (tests/e2e/support/database.ts). `npm test` runs the desktop project only on PostgreSQL.
 */
const POSTGRES = process.env.E2E_DATABASE_URL || undefined;
const SEVERAL_INSTANCES = ['**/instances.e2e.ts'];
const RUN = POSTGRES ? `${BUILD}-pg` : BUILD;
/** The server secret of the test server; the tests use it to find codes in the database. */
export const E2E_SECRET = 'e2e0'.repeat(16);
// The tests' own process reads codes through the same keyed hash (tests/e2e/support/demo.ts).
process.env.HEARD_SECRET = E2E_SECRET;
const chromium = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--disable-quic'
	]
};

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	timeout: 60_000,
	reporter: [['list'], ['json', { outputFile: `test-results/e2e-${RUN}.json` }]],
	outputDir: `test-results/e2e-${RUN}-artifacts`,
	use: {
		baseURL: `http://localhost:${PORT}`,
		// Requests a test sends without naming a client of its own (see tests/e2e/support/clients.ts).
		extraHTTPHeaders: { 'x-forwarded-for': '127.0.0.1' },
		launchOptions: chromium,
		trace: 'retain-on-failure'
	},
	projects: [
		// Several instances on one database is a PostgreSQL test that starts servers of its own:
		// once a run, on the desktop project, and only when the run is on PostgreSQL.
		{
			name: 'phone',
			use: { ...devices['Pixel 7'], launchOptions: chromium },
			testIgnore: SEVERAL_INSTANCES
		},
		{
			name: 'desktop',
			use: { ...devices['Desktop Chrome'], launchOptions: chromium },
			testIgnore: POSTGRES ? [] : SEVERAL_INSTANCES
		}
	],
	webServer: {
		// A fresh database with the demo seed for every run, on the built server.
		command: POSTGRES
			? `node tests/e2e/support/pg-reset.mjs && node ${BUILD}`
			: `rm -f ${DATABASE}* && node ${BUILD}`,
		url: `http://localhost:${PORT}/`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: {
			PORT: String(PORT),
			ORIGIN: `http://localhost:${PORT}`,
			DATABASE_URL: POSTGRES ?? `file:${DATABASE}`,
			...(POSTGRES ? { E2E_DATABASE_URL: POSTGRES } : {}),
			// As behind a reverse proxy: each test names its client in X-Forwarded-For.
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			HEARD_SECRET: E2E_SECRET
		}
	}
});
