/**
 * `npm test`: every check and test, on both engines. Type check, lint and format; Vitest on
 * SQLite and on PostgreSQL; a production build; Playwright against it on SQLite (phone and
 * desktop) and on PostgreSQL (desktop only, to keep the run short: the pages are the same, the
 * database is what differs), which includes two instances on one database; and the durability
 * check (kill -9 under load) on both. Prints one "N passed, N failed (<runner>, <engine>)" line
 * per runner and engine, and exits non-zero if anything failed.
 *
 * PostgreSQL is TEST_DATABASE_URL's server when set (its databases `heard_unit` and `heard_e2e`
 * are dropped and made again), otherwise a throwaway cluster of its own (test-postgres.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium, recreateDatabase, startCluster } from './test-postgres';

const summary: string[] = [];
let failed = false;
const started = Date.now();

function run(
	label: string,
	command: string,
	args: string[],
	env: Record<string, string> = {}
): boolean {
	console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status === 0;
}

function readJson<T>(path: string): T | undefined {
	return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

function line(passed: number, failures: number, what: string): void {
	summary.push(`${passed} passed, ${failures} failed (${what})`);
	failed ||= failures > 0;
}

const minutes = (since: number) => `${((Date.now() - since) / 60_000).toFixed(1)} min`;

function unitSuite(engine: string, env: Record<string, string>, report: string): void {
	rmSync(report, { force: true });
	const since = Date.now();
	const ok = run(`unit (${engine})`, 'npx', ['vitest', 'run'], env);
	const unit = readJson<{ numPassedTests: number; numFailedTests: number }>(report);
	line(
		unit?.numPassedTests ?? 0,
		unit?.numFailedTests || (ok && unit ? 0 : 1),
		`unit, Vitest, ${engine}, ${minutes(since)}`
	);
}

function e2eSuite(engine: string, args: string[], env: Record<string, string>, report: string) {
	rmSync(report, { force: true });
	const since = Date.now();
	const ok = run(`e2e (${engine})`, 'npx', ['playwright', 'test', ...args], env);
	const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(report);
	const failures = (e2e?.stats.unexpected ?? 0) + (e2e?.stats.flaky ?? 0);
	line(
		e2e?.stats.expected ?? 0,
		failures || (ok && e2e ? 0 : 1),
		`end-to-end, Playwright, ${engine}, ${minutes(since)}`
	);
}

mkdirSync('test-results', { recursive: true });
ensureChromium();
const server = process.env.TEST_DATABASE_URL
	? undefined
	: (console.log('\n=== PostgreSQL: a throwaway cluster on 127.0.0.1'), await startCluster());
const serverUrl = process.env.TEST_DATABASE_URL ?? server!.url('postgres');

const checked = run('check', 'npm', ['run', '--silent', 'check']);
line(checked ? 1 : 0, checked ? 0 : 1, 'check: svelte-check, eslint, prettier');

// The suites see a PostgreSQL URL only on their PostgreSQL runs.
const sqliteEnv = { TEST_DATABASE_URL: '', E2E_DATABASE_URL: '' };
unitSuite('SQLite', sqliteEnv, 'test-results/unit.json');
const unitUrl = await recreateDatabase(serverUrl, 'heard_unit');
unitSuite('PostgreSQL', { TEST_DATABASE_URL: unitUrl }, 'test-results/unit-pg.json');

const built = run('build', 'npm', ['run', '--silent', 'build']);
if (!built) line(0, 1, 'build');
if (built) {
	const build = process.env.HEARD_BUILD_DIR ?? 'build';
	e2eSuite('SQLite, phone and desktop', [], sqliteEnv, `test-results/e2e-${build}.json`);
	const e2eUrl = await recreateDatabase(serverUrl, 'heard_e2e');
	e2eSuite(
		'PostgreSQL, desktop only',
		['--project=desktop'],
		{ E2E_DATABASE_URL: e2eUrl },
		`test-results/e2e-${build}-pg.json`
	);

	// kill -9 in the middle of a submission load, on each engine.
	rmSync('test-results/durability.json', { force: true });
	const durabilityUrl = await recreateDatabase(serverUrl, 'heard_durability');
	const since = Date.now();
	run('durability', 'npx', ['tsx', 'src/cli/bench.ts', 'durability', '--json'], {
		DURABILITY_DATABASE_URL: durabilityUrl
	});
	const results = readJson<{ engine: string; ok: boolean }[]>('test-results/durability.json') ?? [];
	for (const engine of ['SQLite', 'PostgreSQL']) {
		const ok = results.find((r) => r.engine === engine)?.ok ?? false;
		line(ok ? 1 : 0, ok ? 0 : 1, `durability under kill -9, ${engine}, ${minutes(since)}`);
	}
}

server?.stop();
console.log(
	`\nPostgreSQL end-to-end runs the desktop project only (SQLite runs phone and desktop).`
);
console.log(`Total ${minutes(started)}.`);
console.log(`\n${summary.join('\n')}`);
process.exit(failed ? 1 : 0);
