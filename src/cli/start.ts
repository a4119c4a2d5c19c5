/**
 * `npm start`: build if the build is missing or older than the sources, then serve it.
 * The server migrates, seeds the demo into an empty database and prints where to go.
 */
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestChange(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

const sources = [
	'src',
	'migrations',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'package.json'
];
const builtAt = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
if (builtAt < Math.max(...sources.filter(existsSync).map(newestChange))) {
	console.log('Building Heard (first run, or the sources changed)…');
	const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

const env = { ...process.env, PORT: process.env.PORT ?? '3000' };
const server = spawn(process.execPath, ['build'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
