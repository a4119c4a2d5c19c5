/**
 * A bounded map for things that never change once made (a publication's parts, an opened
 * questionnaire's pages): the least recently read entry goes first when it is full, so a
 * long-running instance does not grow without end. Keys must name everything the value
 * depends on; nothing here ever goes stale by itself.
 */
export class Memo<V> {
	readonly #entries = new Map<string, V>();
	constructor(readonly size: number) {}

	get(key: string): V | undefined {
		const value = this.#entries.get(key);
		if (value === undefined) return undefined;
		this.#entries.delete(key);
		this.#entries.set(key, value);
		return value;
	}

	set(key: string, value: V): V {
		this.#entries.set(key, value);
		if (this.#entries.size > this.size) this.#entries.delete(this.#entries.keys().next().value!);
		return value;
	}
}
