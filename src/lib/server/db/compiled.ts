/**
 * Queries on a family's every page, built once and compiled once per engine, then run with each
 * request's values: building a Kysely query (freezing its nodes, running the plugins over them)
 * cost more than SQLite answering it. This is Kysely's own "execute compiled queries" recipe.
 *
 * The builder gets a placeholder for each parameter and must use each as a value (no other
 * values: a date, say, is a parameter too); the compiled query is checked to hold only them.
 */
import type { CompiledQuery, Compilable } from 'kysely';
import { isSqlite, type Db } from './index';

export function compiledOnce<Row>(
	arity: number,
	build: (db: Db, ...placeholders: string[]) => Compilable<Row>
): (db: Db, ...args: unknown[]) => Promise<Row[]> {
	const compiled = new Map<'sqlite' | 'postgres', { query: CompiledQuery<Row>; order: number[] }>();
	const compile = (db: Db) => {
		const placeholders = Array.from({ length: arity }, (_, i) => `\u0000parameter ${i}\u0000`);
		const query = build(db, ...placeholders).compile();
		const order = query.parameters.map((p) => placeholders.indexOf(p as string));
		if (order.includes(-1) || new Set(order).size !== arity)
			throw new Error(`A compiled-once query must use its ${arity} parameters and no other values`);
		return { query, order };
	};
	return async (db, ...args) => {
		if (args.length !== arity) throw new Error(`Expected ${arity} parameters, got ${args.length}`);
		const engine = isSqlite(db) ? 'sqlite' : 'postgres';
		let entry = compiled.get(engine);
		if (!entry) compiled.set(engine, (entry = compile(db)));
		const parameters = entry.order.map((i) => args[i]);
		return (await db.executeQuery<Row>({ ...entry.query, parameters })).rows;
	};
}
