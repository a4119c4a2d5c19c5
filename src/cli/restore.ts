/**
 * `npm run restore -- <file>`: restores a backup made by `npm run backup` into DATABASE_URL
 * (default data/heard.db), which must be empty: no file, or a database with no tables. It never
 * overwrites a database. For SQLite, stop the server first; for PostgreSQL, create an empty
 * database. Exit codes: 0 done, 2 bad input, 1 refused or failed (nothing changed).
 */
import { parseArgs } from 'node:util';
import {
	BackupError,
	describeContents,
	describeSchema,
	formatBytes,
	formatSeconds,
	restoreDatabase
} from '../lib/server/db/backup';

const USAGE = `Usage: npm run restore -- <file>
Restores <file> (made by npm run backup) into DATABASE_URL (default file:data/heard.db), which must be empty.`;

class InputError extends Error {}

function fileArgument(): string | undefined {
	try {
		const { values, positionals } = parseArgs({
			options: { help: { type: 'boolean', short: 'h' } },
			allowPositionals: true,
			strict: true
		});
		if (values.help) return undefined;
		if (positionals.length !== 1) throw new InputError(USAGE);
		return positionals[0];
	} catch (error) {
		throw error instanceof InputError
			? error
			: new InputError(`${(error as Error).message}\n${USAGE}`);
	}
}

async function main(): Promise<number> {
	const file = fileArgument();
	if (!file) {
		console.log(USAGE);
		return 0;
	}
	const result = await restoreDatabase(file, (line) => console.log(line));
	console.log(
		`Restore done: ${formatBytes(result.bytes)} into ${result.target} in ${formatSeconds(result.seconds)} (${result.engine}).`
	);
	console.log(
		`It holds ${describeContents(result.contents)}; ${describeSchema(result.contents.migrations)}.`
	);
	console.log(
		'Start the server with the secret that was in use when the backup was made (data/heard.secret or HEARD_SECRET): without it no access code works and sealed data cannot be opened.'
	);
	return 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		if (error instanceof InputError) {
			console.error(error.message);
			process.exit(2);
		}
		if (error instanceof BackupError) {
			console.error(error.message);
			process.exit(1);
		}
		console.error(error);
		process.exit(1);
	}
);
