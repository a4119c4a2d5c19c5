/**
 * Group commit. A busy survey sends many responses at once, and on SQLite most of what one
 * response costs is its own transaction: the commit, and preparing the same few statements
 * again. So submissions that arrive while a commit is pending wait for the next turn of the
 * event loop and are then committed together, in one transaction, up to `MAX_BATCH` at a time.
 * Each caller still gets its own outcome, and a failed commit fails every submission in it, so
 * nothing of a batch is ever stored in part.
 *
 * Batching links no one to a response: a batch is a set of codes and a set of responses written
 * in the same commit, which says less about who sent what than one commit each did.
 */
import type { Db } from '../db';

/** The most submissions one transaction takes; the rest wait for the next one. */
export const MAX_BATCH = 256;

/** Commits a batch in one transaction and returns one result per item, in the same order. */
export type CommitBatch<T, R> = (db: Db, items: T[]) => Promise<R[]>;

interface Waiting<T, R> {
	item: T;
	resolve: (result: R) => void;
	reject: (error: unknown) => void;
}

interface Queue<T, R> {
	waiting: Waiting<T, R>[];
	/** Set while a flush is due on the next turn of the event loop. */
	timer: NodeJS.Immediate | undefined;
	/** True while a batch is being committed: the next one waits for it and grows meanwhile. */
	flushing: boolean;
}

/**
 * A function that queues an item for `commit` and resolves with the item's own result once the
 * batch it joined is committed.
 */
export function batched<T, R>(
	commit: CommitBatch<T, R>,
	maxBatch = MAX_BATCH
): (db: Db, item: T) => Promise<R> {
	// One queue per database, not one per module: a batch must share one connection and one
	// transaction, so it may only hold submissions for the same database (tests and scripts
	// open several). A WeakMap lets a closed database's queue go with it.
	const queues = new WeakMap<Db, Queue<T, R>>();

	function schedule(db: Db, queue: Queue<T, R>): void {
		if (queue.flushing || queue.waiting.length === 0) return;
		if (queue.waiting.length >= maxBatch) {
			// A full batch gains nothing by waiting.
			if (queue.timer) clearImmediate(queue.timer);
			queue.timer = undefined;
			void flush(db, queue);
		} else {
			queue.timer ??= setImmediate(() => {
				queue.timer = undefined;
				void flush(db, queue);
			});
		}
	}

	async function flush(db: Db, queue: Queue<T, R>): Promise<void> {
		queue.flushing = true;
		const batch = queue.waiting.splice(0, maxBatch);
		try {
			const results = await commit(
				db,
				batch.map((w) => w.item)
			);
			batch.forEach((w, i) => w.resolve(results[i]!));
		} catch (error) {
			for (const w of batch) w.reject(error);
		} finally {
			queue.flushing = false;
			schedule(db, queue);
		}
	}

	return (db, item) =>
		new Promise<R>((resolve, reject) => {
			let queue = queues.get(db);
			if (!queue) {
				queue = { waiting: [], timer: undefined, flushing: false };
				queues.set(db, queue);
			}
			queue.waiting.push({ item, resolve, reject });
			schedule(db, queue);
		});
}
