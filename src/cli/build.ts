/** Build the app when the build is missing or older than the sources (for start and bench). */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'migrations', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

function newestChange(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

export function buildIfNeeded(): void {
	const builtAt = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
	if (builtAt >= Math.max(...SOURCES.filter(existsSync).map(newestChange))) return;
	console.log('Building Heard (first run, or the sources changed)…');
	const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}
