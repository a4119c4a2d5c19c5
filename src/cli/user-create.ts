/**
 * `npm run user:create -- --area <slug> --email <email> --role admin [--name <name>]
 *  [--expires YYYY-MM-DD] [--partner <organisation>] [--area-name <name>]`
 *
 * Adds a staff user to a local area: the way to make an area's first admin. On a terminal it asks
 * for the password (twice, not echoed); otherwise it generates a strong one and prints it once.
 * `--area-name` creates the local area first if no area has that slug yet. A partner user names
 * the area's partner organisation they belong to with `--partner`.
 * Exit codes: 0 done, 2 bad input (nothing changed), 1 anything else.
 */
import { parseArgs } from 'node:util';
import { createDb } from '../lib/server/db';
import { migrateToLatest } from '../lib/server/db/migrator';
import { passwordProblem } from '../lib/server/auth/password';
import { createArea } from '../lib/server/areas/service';
import { getAreaBySlug } from '../lib/server/areas/repository';
import { newUserSchema } from '../lib/server/users/input';
import { createUser } from '../lib/server/users/service';
import { listPartners } from '../lib/server/plan/repository';

const USAGE = `Usage: npm run user:create -- --area <slug> --email <email> --role <admin|officer|viewer|inspector|partner>
       [--name "Full name"] [--expires YYYY-MM-DD] [--partner "Partner organisation"] [--area-name "Local area name"]`;

class InputError extends Error {}

function parse() {
	try {
		return parseArgs({
			options: {
				area: { type: 'string' },
				email: { type: 'string' },
				role: { type: 'string' },
				name: { type: 'string' },
				expires: { type: 'string' },
				partner: { type: 'string' },
				'area-name': { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			},
			strict: true,
			allowPositionals: false
		}).values;
	} catch (e) {
		throw new InputError(`${(e as Error).message}\n${USAGE}`);
	}
}

/** Reads a line from the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const stdin = process.stdin;
		process.stdout.write(prompt);
		stdin.setRawMode(true);
		stdin.resume();
		stdin.setEncoding('utf8');
		let value = '';
		const onData = (chunk: string) => {
			for (const char of chunk) {
				if (char === '\r' || char === '\n') {
					stdin.setRawMode(false);
					stdin.pause();
					stdin.off('data', onData);
					process.stdout.write('\n');
					resolve(value);
					return;
				}
				if (char === '\u0003') {
					stdin.setRawMode(false);
					reject(new InputError('Cancelled.'));
					return;
				}
				if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
				else value += char;
			}
		};
		stdin.on('data', onData);
	});
}

async function askPassword(email: string): Promise<string> {
	for (;;) {
		const password = await askHidden('Password (12 characters or more): ');
		const problem = passwordProblem(password, email);
		if (problem) {
			console.error(problem);
			continue;
		}
		if ((await askHidden('Type it again: ')) === password) return password;
		console.error('The passwords do not match. Try again.');
	}
}

async function main(): Promise<number> {
	const args = parse();
	if (args.help) {
		console.log(USAGE);
		return 0;
	}
	const missing = (['area', 'email', 'role'] as const).filter((k) => !args[k]);
	if (missing.length)
		throw new InputError(`Missing ${missing.map((k) => `--${k}`).join(', ')}\n${USAGE}`);

	const parsed = newUserSchema.safeParse({
		email: args.email,
		name: args.name ?? args.email!.split('@')[0],
		role: args.role,
		expiresOn: args.expires ?? '',
		// Checked against the area's partners once the area is known.
		partnerId: args.partner ? 'named' : ''
	});
	if (!parsed.success) {
		const names: Record<string, string> = {
			expiresOn: '--expires',
			email: '--email',
			name: '--name',
			role: '--role',
			partnerId: '--partner'
		};
		const lines = parsed.error.issues.map((i) => `${names[String(i.path[0])] ?? ''}: ${i.message}`);
		throw new InputError(lines.join('\n'));
	}
	if (parsed.data.role !== 'inspector' && args.expires)
		throw new InputError('--expires: only inspector accounts have an end date');
	if (parsed.data.role !== 'partner' && args.partner)
		throw new InputError('--partner: only partner accounts belong to a partner organisation');

	const db = createDb();
	try {
		await migrateToLatest(db);
		let area = await getAreaBySlug(db, args.area!);
		if (!area && args['area-name']) {
			const created = await createArea(db, { slug: args.area!, name: args['area-name'] });
			if (!created.ok) throw new InputError(Object.values(created.errors).join('\n'));
			area = created.area;
			console.log(`Created local area ${area.name} (${area.slug}).`);
		}
		if (!area)
			throw new InputError(
				`No local area has the slug "${args.area}". Add --area-name "Its name" to create it.`
			);

		let partnerId: string | null = null;
		if (args.partner) {
			const wanted = args.partner.trim().toLowerCase();
			const partners = await listPartners(db, area.id);
			const partner = partners.find((p) => p.name.toLowerCase() === wanted);
			if (!partner)
				throw new InputError(
					`--partner: ${area.name} has no partner called "${args.partner}". Its partners: ${partners.map((p) => p.name).join(', ') || 'none'}`
				);
			partnerId = partner.id;
		}
		const password = process.stdin.isTTY ? await askPassword(parsed.data.email) : undefined;
		const result = await createUser(
			db,
			{ id: null, localAreaId: area.id },
			{ ...parsed.data, partnerId, ...(password === undefined ? {} : { password }) }
		);
		if (!result.ok) {
			const names: Record<string, string> = {
				email: '--email',
				expiresOn: '--expires',
				partnerId: '--partner',
				password: 'password'
			};
			throw new InputError(
				Object.entries(result.errors)
					.map(([field, message]) => `${names[field] ?? field}: ${message}`)
					.join('\n')
			);
		}
		const until = result.user.expiresOn ? ` until ${result.user.expiresOn}` : '';
		console.log(`Created ${result.user.role} ${result.user.email} in ${area.name}${until}.`);
		if (result.generated) {
			console.log(`Password (shown once; pass it on securely): ${result.password}`);
		}
		return 0;
	} finally {
		await db.destroy();
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		if (error instanceof InputError) {
			console.error(error.message);
			process.exit(2);
		}
		console.error(error);
		process.exit(1);
	}
);
