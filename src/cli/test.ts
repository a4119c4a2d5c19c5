/**
 * `npm test`: every check and test. Type check, lint and format; Vitest; then a production build
 * and Playwright against it. Prints one "N passed, N failed" line per runner and exits non-zero
 * if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const summary: string[] = [];
let failed = false;

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

mkdirSync('test-results', { recursive: true });

const checked = run('check', 'npm', ['run', '--silent', 'check']);
summary.push(
	`${checked ? 1 : 0} passed, ${checked ? 0 : 1} failed (check: svelte-check, eslint, prettier)`
);
failed ||= !checked;

rmSync('test-results/unit.json', { force: true });
const unitOk = run('unit', 'npx', ['vitest', 'run']);
const unit = readJson<{ numPassedTests: number; numFailedTests: number }>('test-results/unit.json');
summary.push(
	`${unit?.numPassedTests ?? 0} passed, ${unit?.numFailedTests ?? (unitOk ? 0 : 1)} failed (unit, Vitest)`
);
failed ||= !unitOk || !unit || unit.numFailedTests > 0;

const built = run('build', 'npm', ['run', '--silent', 'build']);
failed ||= !built;
rmSync('test-results/e2e-build.json', { force: true });
const e2eOk = built && run('e2e', 'npx', ['playwright', 'test']);
const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(
	'test-results/e2e-build.json'
);
const e2eFailed = (e2e?.stats.unexpected ?? 0) + (e2e?.stats.flaky ?? 0);
summary.push(
	`${e2e?.stats.expected ?? 0} passed, ${e2eFailed || (e2eOk ? 0 : 1)} failed (end-to-end, Playwright)`
);
failed ||= !e2eOk || !e2e || e2eFailed > 0;

console.log(`\n${summary.join('\n')}`);
process.exit(failed ? 1 : 0);
