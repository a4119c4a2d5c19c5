/**
 * What happens once when the server starts: migrate, check the server secret against the one
 * the database was set up with, seed the demo into an empty database (unless HEARD_DEMO=0),
 * drop expired drafts, release what waits for closed questionnaires and publish their final
 * figures, and say where to go.
 */
import { sql } from 'kysely';
import { isSqlite, today, type Db } from './db';
import { migrateToLatest } from './db/migrator';
import { isEmpty, seedDemo } from './demo/seed';
import { describeDemo } from './demo/summary';
import { adoptSecret } from './instance';
import { deleteExpiredDrafts } from './responses/drafts';
import { publicationRound } from './insights/publish/refresh';
import { inBackground } from './background';

export async function prepareDatabase(
	db: Db,
	options: { demo: boolean }
): Promise<{ seeded: boolean }> {
	return startingAlone(db, (own) => prepareAlone(own, options));
}

/** The advisory lock key start-up holds on PostgreSQL ("heard" in ASCII). */
export const STARTUP_LOCK = 0x6865617264;

/**
 * Runs start-up with no other instance starting at the same time. On PostgreSQL several
 * instances may start at once on one (perhaps empty) database: each takes a session advisory
 * lock on one connection of its own and does all of start-up on that connection, so the second
 * waits, then finds the database migrated and seeded. SQLite serves one process: no lock.
 */
export async function startingAlone<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
	if (isSqlite(db)) return work(db);
	return db.connection().execute(async (own) => {
		await sql`select pg_advisory_lock(${STARTUP_LOCK})`.execute(own);
		try {
			return await work(own);
		} finally {
			await sql`select pg_advisory_unlock(${STARTUP_LOCK})`.execute(own);
		}
	});
}

async function prepareAlone(db: Db, options: { demo: boolean }): Promise<{ seeded: boolean }> {
	await migrateToLatest(db);
	await adoptSecret(db);
	const seeded = options.demo && (await isEmpty(db));
	if (seeded) await seedDemo(db);
	await deleteExpiredDrafts(db);
	await publicationRound(db, today());
	return { seeded };
}

const ROUND_EVERY_MS = 60 * 60 * 1000;

/** Runs the publication round every hour, so a refresh held back by the once-a-day rule happens. */
export function schedulePublicationRounds(db: Db): void {
	setInterval(
		() => inBackground('Publication round', () => publicationRound(db, today())),
		ROUND_EVERY_MS
	).unref();
}

/** The welcome lines: demo sign-ins, the public pages, questionnaire links and unused codes. */
export async function welcomeText(db: Db, origin: string): Promise<string> {
	const areas = await describeDemo(db);
	const lines = [`Heard is running at ${origin}`];
	if (areas.length === 0) return lines.join('\n');
	lines.push('', 'Demo local areas (all data is synthetic demo data):');
	for (const area of areas) {
		lines.push(
			`  ${area.name}: sign in at ${origin}/login as ${area.email} with password ${area.password}`,
			`    partner (parent carer forum): ${area.partner.email} with password ${area.partner.password}`
		);
		if (area.publicPage)
			lines.push(`    public page (You said, we did): ${origin}/areas/${area.slug}`);
		for (const survey of area.surveys) {
			const who =
				survey.audience === 'young_person'
					? 'young people, open link'
					: 'parent carers, needs a code';
			lines.push(`    questionnaire (${who}): ${origin}/s/${survey.id}`);
		}
		if (area.unusedCodes.length > 0)
			lines.push(`    unused access codes: ${area.unusedCodes.join('  ')}`);
	}
	return lines.join('\n');
}

export function demoEnabled(env: Record<string, string | undefined> = process.env): boolean {
	return env.HEARD_DEMO !== '0';
}

export function publicOrigin(env: Record<string, string | undefined> = process.env): string {
	return env.ORIGIN ?? `http://localhost:${env.PORT ?? '3000'}`;
}
