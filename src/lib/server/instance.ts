/**
 * Facts every instance of one installation must agree on. The first instance to start records
 * the fingerprint of its server secret (never the secret); any later instance with a different
 * secret refuses to start, because every code it checked would look unknown and every sealed
 * response unreadable. The same step keys access codes stored by versions that hashed them
 * without the secret, once, inside the transaction that records the fingerprint.
 */
import { inTransaction, type Db } from './db';
import { keyCodeDigest } from './responses/codes';
import { secretFingerprint } from './secret';

const FINGERPRINT = 'secret_fingerprint';

export async function adoptSecret(db: Db): Promise<'adopted' | 'matched'> {
	const fingerprint = secretFingerprint();
	return inTransaction(db, async (trx) => {
		const inserted = await trx
			.insertInto('instanceSettings')
			.values({ key: FINGERPRINT, value: fingerprint })
			.onConflict((oc) => oc.column('key').doNothing())
			.returning('key')
			.execute();
		if (inserted.length === 1) {
			await keyLegacyCodes(trx);
			return 'adopted';
		}
		const stored = await trx
			.selectFrom('instanceSettings')
			.select('value')
			.where('key', '=', FINGERPRINT)
			.executeTakeFirstOrThrow();
		if (stored.value !== fingerprint) {
			throw new Error(
				'This database was set up with a different server secret. Give this instance the same HEARD_SECRET (or HEARD_SECRET_FILE) as the others; see the README.'
			);
		}
		return 'matched';
	});
}

/** Codes from before the server secret were plain SHA-256 digests: key each one in place. */
async function keyLegacyCodes(trx: Db): Promise<void> {
	const codes = await trx.selectFrom('accessCodes').select('codeHash').execute();
	for (const { codeHash } of codes) {
		await trx
			.updateTable('accessCodes')
			.set({ codeHash: keyCodeDigest(codeHash) })
			.where('codeHash', '=', codeHash)
			.execute();
	}
}
