/**
 * Built servers started as child processes (`node build`), for tests and benchmarks that run
 * several at once, stop them with a signal, or kill them.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningServer {
	url: string;
	port: number;
	process: ChildProcess;
	/** Everything the server printed. */
	output: () => string;
	/** Resolves with the exit code (or signal) once the process has ended. */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface ServerOptions {
	port: number;
	databaseUrl: string;
	/** The server secret; without one the server uses (or makes) its data directory's. */
	secret?: string;
	/** As behind a reverse proxy, naming clients by X-Forwarded-For (the default). */
	behindProxy?: boolean;
	build?: string;
	env?: Record<string, string>;
	/** How long to wait for the server to listen (start-up may wait for another instance). */
	timeoutMs?: number;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
	const url = `http://localhost:${options.port}`;
	const child = spawn(process.execPath, [options.build ?? process.env.HEARD_BUILD_DIR ?? 'build'], {
		env: {
			...process.env,
			PORT: String(options.port),
			ORIGIN: url,
			DATABASE_URL: options.databaseUrl,
			...(options.secret ? { HEARD_SECRET: options.secret } : {}),
			...(options.behindProxy === false
				? {}
				: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }),
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal }))
	);
	await new Promise<void>((resolve, reject) => {
		const deadline = AbortSignal.timeout(options.timeoutMs ?? 180_000);
		const giveUp = () => {
			child.kill('SIGKILL');
			reject(new Error(`The server on ${url} did not start:\n${output}`));
		};
		deadline.addEventListener('abort', giveUp, { once: true });
		// Start-up prints the welcome; adapter-node says "Listening on" once the port is open.
		const check = () => {
			if (output.includes('Heard is running') && output.includes('Listening on')) {
				deadline.removeEventListener('abort', giveUp);
				resolve();
			}
		};
		child.stdout!.on('data', check);
		void exited.then(({ code, signal }) => {
			deadline.removeEventListener('abort', giveUp);
			reject(new Error(`The server on ${url} stopped (${code ?? signal}):\n${output}`));
		});
	});
	return { url, port: options.port, process: child, output: () => output, exited };
}

/** Stops a server with a signal and waits for it to end. */
export async function stopServer(
	server: RunningServer,
	signal: NodeJS.Signals = 'SIGTERM'
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
	if (server.process.exitCode === null && server.process.signalCode === null) {
		server.process.kill(signal);
	}
	return server.exited;
}
