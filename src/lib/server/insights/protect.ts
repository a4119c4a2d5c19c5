/**
 * The engine of secondary suppression. A table is a set of base cells (counts of respondents) and
 * the figures published about them: single cells, and sums of cells such as a total, a group's
 * base or the positive answers behind a share. Anyone can add and subtract published figures, so
 * a hidden figure is only safe when it is NOT a linear combination of the published ones. That
 * is checked exactly (Gaussian elimination over the figures' cell sets), instead of trusting a
 * rule of thumb, and cells are hidden one by one — the next-smallest of the same total first, as
 * the GSS guidance describes — until nothing sensitive can be recovered.
 *
 * Also checked: that the hidden part of a published total is never itself a small count, and,
 * for breakdowns, that a table reveals nothing about its margins beyond what the margins' own
 * table publishes (which is what keeps two breakdowns of the same question safe together).
 *
 * Used by suppression.ts; weighting.ts borrows the Basis to check that a weighted figure
 * reveals nothing the published ones hide.
 */

export interface Figure {
	/** Indices of the base cells this figure adds up. */
	cells: readonly number[];
	/** The true value (the sum of its cells). */
	value: number;
	/** 1: a single cell; 2: a sum inside a group (positive answers); 3: a base or total. */
	tier: 1 | 2 | 3;
	/**
	 * Decided by another table (margins published elsewhere): never hidden or shown here. A fixed
	 * hidden figure that is sensitive there must stay unrecoverable here too.
	 */
	fixed?: { hidden: boolean; sensitive: boolean };
	/** Hidden before the check starts without being sensitive (for example a group too small to break down). */
	preHidden?: boolean;
}

export interface ProtectOptions {
	/** Counts from 1 to minCount − 1 are suppressed. */
	minCount: number;
	/**
	 * Vectors over the cells (for breakdowns: the rows, i.e. the margin table's cells). Within
	 * their span, the published figures may reveal no more than the fixed published figures do.
	 */
	guard?: readonly (readonly number[])[];
}

export interface Protection {
	hidden: boolean[];
	/** Hidden because the figure itself is small (primary), here or in the fixed table. */
	sensitive: boolean[];
}

const EPS = 1e-9;
/** How many candidates are tried for "does hiding this one alone make it safe" per step. */
const TRIALS = 8;

/**
 * A row-reduced basis of a set of vectors: membership tests are exact for 0/1 tables. With
 * `labels`, each row also carries which of the added vectors it is made of, so a vector in the
 * span can be written as a combination of them (what an attacker would add and subtract).
 */
export class Basis {
	private rows: Float64Array[] = [];
	private pivots: number[] = [];
	private readonly width: number;
	private readonly scratch: Float64Array;
	constructor(
		private readonly size: number,
		private readonly labels = 0
	) {
		this.width = size + labels;
		this.scratch = new Float64Array(this.width);
	}

	get rank(): number {
		return this.rows.length;
	}

	/** The vector less its projection on the basis, left in `scratch`. */
	private reduce(vector: Float64Array, label = -1): Float64Array {
		const r = this.scratch;
		r.fill(0);
		r.set(vector);
		if (label >= 0) r[this.size + label] = 1;
		for (let i = 0; i < this.rows.length; i++) {
			const f = r[this.pivots[i]!]!;
			if (f > EPS || f < -EPS) {
				const row = this.rows[i]!;
				for (let j = 0; j < this.width; j++) r[j]! -= f * row[j]!;
			}
		}
		return r;
	}

	add(vector: Float64Array, label = -1): boolean {
		const r = this.reduce(vector, label);
		let pivot = -1;
		let best = EPS;
		for (let j = 0; j < this.size; j++) {
			const a = Math.abs(r[j]!);
			if (a > best) {
				best = a;
				pivot = j;
			}
		}
		if (pivot < 0) return false;
		const row = Float64Array.from(r);
		const scale = row[pivot]!;
		for (let j = 0; j < this.width; j++) row[j]! /= scale;
		for (const other of this.rows) {
			const f = other[pivot]!;
			if (f > EPS || f < -EPS) for (let j = 0; j < this.width; j++) other[j]! -= f * row[j]!;
		}
		this.rows.push(row);
		this.pivots.push(pivot);
		return true;
	}

	contains(vector: Float64Array): boolean {
		const r = this.reduce(vector);
		for (let j = 0; j < this.size; j++) if (r[j]! > EPS || r[j]! < -EPS) return false;
		return true;
	}

	/** For a vector in the span: the labels of the added vectors that make it up. */
	combination(vector: Float64Array): number[] {
		const r = this.reduce(vector);
		const used: number[] = [];
		for (let l = 0; l < this.labels; l++) {
			const c = r[this.size + l]!;
			if (c > EPS || c < -EPS) used.push(l);
		}
		return used;
	}
}

function vectorOf(cells: readonly number[], size: number): Float64Array {
	const v = new Float64Array(size);
	for (const c of cells) v[c] = 1;
	return v;
}

function isSmall(value: number, minCount: number): boolean {
	return value > 0 && value < minCount;
}

/**
 * Decide which figures to hide. Primary: every non-fixed figure that is a small count.
 * Secondary: more figures until no sensitive figure can be recovered, no published total leaves
 * a small hidden remainder, and (with `guard`) nothing new is learnt about the margins.
 */
export function protect(
	cellCount: number,
	figures: readonly Figure[],
	options: ProtectOptions
): Protection {
	const { minCount } = options;
	const vectors = figures.map((f) => vectorOf(f.cells, cellCount));
	const cellSets = figures.map((f) => new Set(f.cells));
	const hidden = figures.map((f) =>
		f.fixed ? f.fixed.hidden : Boolean(f.preHidden) || isSmall(f.value, minCount)
	);
	const sensitive = figures.map((f) => (f.fixed ? f.fixed.sensitive : isSmall(f.value, minCount)));
	const guards = (options.guard ?? []).map((g) => Float64Array.from(g));

	/**
	 * What the published figures (all but `except`) determine. Published single cells are simply
	 * known, so the elimination runs over the other cells only: much smaller, same answer.
	 */
	const spanOf = (except?: number) => {
		const known = new Uint8Array(cellCount);
		figures.forEach((f, i) => {
			if (!hidden[i] && i !== except && f.cells.length === 1) known[f.cells[0]!] = 1;
		});
		const position = new Int32Array(cellCount).fill(-1);
		let size = 0;
		for (let c = 0; c < cellCount; c++) if (!known[c]) position[c] = size++;
		const restricted = (i: number) => {
			const v = new Float64Array(size);
			for (const c of figures[i]!.cells) if (!known[c]) v[position[c]!] = 1;
			return v;
		};
		const sums = figures
			.map((f, i) => i)
			.filter((i) => !hidden[i] && i !== except && figures[i]!.cells.length > 1);
		const basis = new Basis(size, sums.length);
		sums.forEach((i, label) => basis.add(restricted(i), label));
		return {
			contains: (i: number) => basis.contains(restricted(i)),
			/**
			 * The published figures one way of working figure i out uses: the sums, and the single
			 * cells that fill in what the sums leave over.
			 */
			involved: (i: number): number[] => {
				const used = basis.combination(restricted(i)).map((label) => sums[label]!);
				const cells = new Set(figures[i]!.cells);
				for (const j of used) for (const c of figures[j]!.cells) cells.add(c);
				const singles = figures
					.map((f, j) => j)
					.filter(
						(j) =>
							!hidden[j] &&
							j !== except &&
							figures[j]!.cells.length === 1 &&
							cells.has(figures[j]!.cells[0]!)
					);
				return [...used, ...singles];
			}
		};
	};
	const movable = (i: number) => !hidden[i] && !figures[i]!.fixed && figures[i]!.tier < 3;
	const order = (a: number, b: number) => {
		const fa = figures[a]!;
		const fb = figures[b]!;
		// Non-zero before zero (a hidden zero protects little), smallest first, a cell before a
		// share of the same size.
		return (
			Number(fa.value === 0) - Number(fb.value === 0) ||
			fa.value - fb.value ||
			fa.tier - fb.tier ||
			a - b
		);
	};
	/** Hide the best candidate: the first (in order) whose hiding alone ends `stillBad`, else the first. */
	const hideOne = (
		candidates: number[],
		stillBad: (except: number) => boolean,
		allowed: (i: number) => boolean = movable
	): boolean => {
		const sorted = [...new Set(candidates)].filter(allowed).sort(order);
		if (sorted.length === 0) return false;
		const fixing = sorted.slice(0, TRIALS).find((c) => !stillBad(c));
		hidden[fixing ?? sorted[0]!] = true;
		return true;
	};

	const allMovable = () => figures.map((_, i) => i).filter(movable);

	// Nothing small here or in the fixed tables: nothing to protect.
	if (!sensitive.some(Boolean)) return { hidden, sensitive };

	// Warm start with the textbook rule, which needs no algebra: a published total with exactly
	// one hidden cell gives it away, so hide the next-smallest cell of that total. The exact
	// check below then only has the rare cases left.
	const singles = figures.map((f, i) => (f.cells.length === 1 ? i : -1)).filter((i) => i >= 0);
	for (let changed = true; changed;) {
		changed = false;
		for (let i = 0; i < figures.length; i++) {
			if (hidden[i] || figures[i]!.cells.length < 2) continue;
			const inside = singles.filter((j) => cellSets[i]!.has(figures[j]!.cells[0]!));
			if (inside.filter((j) => hidden[j]).length !== 1) continue;
			const next = inside.filter(movable).sort(order)[0];
			if (next !== undefined) {
				hidden[next] = true;
				changed = true;
			}
		}
	}

	for (let step = 0; step <= figures.length; step++) {
		const span = spanOf();

		// 1. A sensitive figure that the published ones add up to.
		const disclosed = figures.findIndex((_, i) => hidden[i] && sensitive[i] && span.contains(i));
		if (disclosed >= 0) {
			// Hide one of the published figures that an attacker would use to work it out, the
			// smallest first ("the next-smallest cell of the same total"); one that is enough on
			// its own is better still.
			const stillBad = (except: number) => spanOf(except).contains(disclosed);
			if (hideOne(span.involved(disclosed), stillBad) || hideOne(allMovable(), stillBad)) continue;
			// Only totals are left to give it away (when two publications are subtracted, the
			// difference of their bases can itself be a small count): hide a total as a last resort.
			const isTotal = (i: number) => !hidden[i] && !figures[i]!.fixed && figures[i]!.tier === 3;
			if (
				hideOne(
					figures.map((_, i) => i),
					stillBad,
					isTotal
				)
			)
				continue;
			break; // nothing left to hide here; the fixed tables decide the rest
		}

		// 2. A published total whose hidden part is a small count (you would learn "a few").
		let narrowed = false;
		for (let i = 0; i < figures.length && !narrowed; i++) {
			const line = figures[i]!;
			if (hidden[i] || line.cells.length < 2) continue;
			const known = new Set<number>();
			let knownSum = 0;
			figures.forEach((f, j) => {
				if (
					!hidden[j] &&
					f.cells.length === 1 &&
					cellSets[i]!.has(f.cells[0]!) &&
					!known.has(f.cells[0]!)
				) {
					known.add(f.cells[0]!);
					knownSum += f.value;
				}
			});
			if (known.size === line.cells.length) continue;
			if (!isSmall(line.value - knownSum, minCount)) continue;
			const candidates = figures
				.map((_, j) => j)
				.filter((j) => figures[j]!.tier === 1 && known.has(figures[j]!.cells[0]!));
			narrowed = hideOne(candidates, () => true);
		}
		if (narrowed) continue;

		// 3. Breakdowns: learn nothing about the margins that their own table keeps hidden.
		if (guards.length > 0) {
			const guardBasis = new Basis(cellCount);
			for (const g of guards) guardBasis.add(g);
			// dim(A ∩ G) = dim A + dim G − dim(A + G)
			const intersectionRank = (set: Float64Array[]) => {
				const a = new Basis(cellCount);
				const sum = new Basis(cellCount);
				for (const v of set) {
					a.add(v);
					sum.add(v);
				}
				for (const g of guards) sum.add(g);
				return a.rank + guardBasis.rank - sum.rank;
			};
			const allowed = intersectionRank(
				vectors.filter((_, i) => figures[i]!.fixed && !figures[i]!.fixed!.hidden)
			);
			const leak = (except?: number) =>
				intersectionRank(vectors.filter((_, i) => !hidden[i] && i !== except)) > allowed;
			if (leak()) {
				if (hideOne(allMovable(), (except) => leak(except))) continue;
				break;
			}
		}
		break;
	}
	return { hidden, sensitive };
}

/** What an earlier publication of the same table decided: each figure's value and fate. */
export interface Earlier {
	values: readonly number[];
	hidden: readonly boolean[];
	sensitive: readonly boolean[];
}

/**
 * `protect` for a table that was published before. Two publications of one table can be
 * subtracted, and their difference is a table of its own (the responses that arrived between
 * them), which must be as safe as any published table. So the check runs over both periods at
 * once: base cells [0, C) are the earlier responses and [C, 2C) those since. Each figure now
 * covers both; the earlier figures are fixed as they were published; and each figure of the
 * difference is a hidden figure that must stay unrecoverable when it is small. A figure the
 * earlier table hid and kept sensitive stays protected too.
 *
 * Without an earlier table of the same shape this is plain `protect`.
 */
export function protectSince(
	cellCount: number,
	figures: readonly Figure[],
	earlier: Earlier | undefined,
	options: ProtectOptions
): Protection {
	if (!earlier || earlier.values.length !== figures.length) {
		return protect(cellCount, figures, options);
	}
	const C = cellCount;
	const later = (cells: readonly number[]) => cells.map((c) => c + C);
	const stacked: Figure[] = [
		...figures.map((f) => ({ ...f, cells: [...f.cells, ...later(f.cells)] })),
		...figures.map((f, i): Figure => ({
			cells: f.cells,
			value: earlier.values[i]!,
			tier: f.tier,
			fixed: { hidden: earlier.hidden[i]!, sensitive: earlier.sensitive[i]! }
		})),
		...figures.map((f, i): Figure => {
			const difference = f.value - earlier.values[i]!;
			return {
				cells: later(f.cells),
				value: difference,
				tier: f.tier,
				fixed: { hidden: true, sensitive: isSmall(difference, options.minCount) }
			};
		})
	];
	const zeros = new Array<number>(C).fill(0);
	const guard = options.guard?.flatMap((g) => [
		[...g, ...zeros],
		[...zeros, ...g]
	]);
	const result = protect(2 * C, stacked, { ...options, guard });
	return {
		hidden: result.hidden.slice(0, figures.length),
		sensitive: result.sensitive.slice(0, figures.length)
	};
}
