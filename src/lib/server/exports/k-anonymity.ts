/**
 * k-anonymity for the row-level responses file, after Mondrian (LeFevre, DeWitt and
 * Ramakrishnan, "Mondrian multidimensional k-anonymity", ICDE 2006).
 *
 * Every column of the file is treated as something an insider might already know of a family
 * (their district, their child's age, how they answered a question they talked about), so the
 * file must be k-anonymous over all of them at once: every row must be identical, in every
 * column, to at least k − 1 others. The rows are split again and again along the column whose
 * values spread widest, at the median, as long as both halves keep at least k rows; then within
 * each final group a column keeps its value where the group agrees, a coarser value where the
 * group agrees on that (agree or not), and is marked otherwise.
 *
 * Pure: values come in as small integers per column, and the generalised cells go out as
 * indices into each column's hierarchy (see `Column`).
 */

export interface Column {
	/** Number of distinct values (codes 0 … size − 1, in their natural order). */
	size: number;
	/** Coarser group of each value (for example agree / not agree), or null when there is none. */
	groupOf: readonly (number | null)[];
}

/** A generalised cell: a value, a group, or nothing left (every value of the column merged). */
export type Generalised = { value: number } | { group: number } | { merged: true };

/**
 * Splits the rows (`rows[r][c]` is row r's code in column c) into groups of at least k rows and
 * returns, for each group, its row indices and its generalised cells. Fewer than k rows in all:
 * one group, with every column merged.
 */
export function mondrian(
	rows: readonly Uint8Array[],
	columns: readonly Column[],
	k: number
): { rows: number[]; cells: Generalised[] }[] {
	const all = rows.map((_, i) => i);
	if (rows.length < k) {
		return rows.length === 0
			? []
			: [{ rows: all, cells: columns.map(() => ({ merged: true }) as const) }];
	}
	const table = new Table(rows, columns);
	const finals: number[][] = [];
	const stack: number[][] = [all];
	while (stack.length > 0) {
		const part = stack.pop()!;
		const halves = part.length >= 2 * k ? split(table, columns, part, k) : null;
		if (halves) stack.push(halves[0], halves[1]);
		else finals.push(part);
	}
	return finals.map((part) => ({
		rows: part,
		cells: columns.map((column, c) => generalise(table, column, c, part))
	}));
}

/**
 * The rows in one array, row after row, and where each column's counts start in a histogram of
 * every column at once: a part is counted in one pass over its rows, each read whole, instead of
 * a pass per column over rows scattered through memory.
 */
class Table {
	readonly width: number;
	readonly codes: Uint8Array;
	readonly starts: number[] = [];
	readonly histogramSize: number;
	constructor(rows: readonly Uint8Array[], columns: readonly Column[]) {
		this.width = columns.length;
		this.codes = new Uint8Array(rows.length * this.width);
		rows.forEach((row, r) => this.codes.set(row, r * this.width));
		let size = 0;
		for (const column of columns) {
			this.starts.push(size);
			size += column.size;
		}
		this.histogramSize = size;
	}
	code(r: number, c: number): number {
		return this.codes[r * this.width + c]!;
	}
}

/** The best median split of a part: along the widest column that can be split into two ≥ k. */
function split(
	table: Table,
	columns: readonly Column[],
	part: readonly number[],
	k: number
): [number[], number[]] | null {
	const { codes, width, starts } = table;
	const counts = new Uint32Array(table.histogramSize);
	for (const r of part) {
		const row = r * width;
		for (let c = 0; c < width; c++) counts[starts[c]! + codes[row + c]!]! += 1;
	}
	const candidates: { c: number; spread: number; histogram: Uint32Array }[] = [];
	columns.forEach((column, c) => {
		const histogram = counts.subarray(starts[c]!, starts[c]! + column.size);
		let distinct = 0;
		for (const n of histogram) if (n > 0) distinct += 1;
		if (distinct > 1) candidates.push({ c, spread: distinct / column.size, histogram });
	});
	candidates.sort((a, b) => b.spread - a.spread || a.c - b.c);
	for (const { c, histogram } of candidates) {
		// The cut after value v puts every row with a code ≤ v on the left.
		let left = 0;
		let best = -1;
		let bestGap = Infinity;
		for (let v = 0; v < histogram.length - 1; v++) {
			left += histogram[v]!;
			const right = part.length - left;
			if (left < k || right < k) continue;
			const gap = Math.abs(left - part.length / 2);
			if (gap < bestGap) {
				bestGap = gap;
				best = v;
			}
		}
		if (best < 0) continue;
		const lower: number[] = [];
		const upper: number[] = [];
		for (const r of part) (codes[r * width + c]! <= best ? lower : upper).push(r);
		return [lower, upper];
	}
	return null;
}

function generalise(table: Table, column: Column, c: number, part: readonly number[]): Generalised {
	const first = table.code(part[0]!, c);
	if (part.every((r) => table.code(r, c) === first)) return { value: first };
	const group = column.groupOf[first];
	if (
		group !== null &&
		group !== undefined &&
		part.every((r) => column.groupOf[table.code(r, c)] === group)
	) {
		return { group };
	}
	return { merged: true };
}
