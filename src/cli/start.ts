/**
 * `npm start`: build if the build is missing or older than the sources, then serve it.
 * The server migrates, seeds the demo into an empty database and prints where to go.
 */
import { spawn } from 'node:child_process';
import { buildIfNeeded } from './build';

buildIfNeeded();
const env = { ...process.env, PORT: process.env.PORT ?? '3000' };
const server = spawn(process.execPath, ['build'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
