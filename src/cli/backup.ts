/**
 * `npm run backup -- <file>`: a consistent backup of DATABASE_URL (default data/heard.db) taken
 * while the server keeps running and storing submissions, checked before it is kept. The file
 * must not exist yet. Prints what it did in plain words, never any respondent's answers.
 * Exit codes: 0 done, 2 bad input, 1 the backup failed (no file is left behind).
 */
import { parseArgs } from 'node:util';
import {
	BackupError,
	backupDatabase,
	describeContents,
	describeSchema,
	formatBytes,
	formatSeconds
} from '../lib/server/db/backup';

const USAGE = `Usage: npm run backup -- <file>
Backs up DATABASE_URL (default file:data/heard.db) into <file>, a new file, while the server runs.`;

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
	const result = await backupDatabase(file, (line) => console.log(line));
	console.log(
		`Backup done: ${result.file}, ${formatBytes(result.bytes)}, in ${formatSeconds(result.seconds)} (${result.engine}; ${result.checked}).`
	);
	console.log(
		`It holds ${describeContents(result.contents)}; ${describeSchema(result.contents.migrations)}.`
	);
	console.log(
		'The server secret (data/heard.secret or HEARD_SECRET) is not in it: back that up separately and keep it apart from the database backups.'
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
