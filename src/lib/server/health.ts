/** The health check: whether the database answers a trivial query, within a few seconds. */
import { sql } from 'kysely';
import { getDb, type Db } from './db';

export async function checkHealth(db: Db = getDb(), timeoutMs = 5000): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<false>((resolve) => {
		timer = setTimeout(() => resolve(false), timeoutMs);
	});
	try {
		const answer = sql<{ one: number }>`select 1 as one`
			.execute(db)
			.then((result) => Number(result.rows[0]?.one) === 1)
			.catch(() => false);
		return await Promise.race([answer, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
