/**
 * Work a request or a submission starts but does not wait for (making a publication after
 * responses are released). Failures are logged, never thrown at a family; `whenIdle` lets a
 * shutdown, or a test, wait for what is still running.
 */
const running = new Set<Promise<unknown>>();

export function inBackground(what: string, work: () => Promise<unknown>): void {
	const task = work()
		.catch((error: unknown) => console.error(`${what} failed:`, error))
		.finally(() => running.delete(task));
	running.add(task);
}

/** Resolves once nothing started with `inBackground` is still running. */
export async function whenIdle(): Promise<void> {
	while (running.size > 0) await Promise.allSettled([...running]);
}
