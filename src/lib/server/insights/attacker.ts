/**
 * Test support: an attacker who knows every published figure and does exact (rational)
 * elimination, written apart from protect.ts so the check is independent of the engine.
 */

/** A published equation: these base cells add up to this value. */
export interface Equation {
	cells: readonly number[];
	value: number;
}

type Fraction = { n: bigint; d: bigint };

function gcd(a: bigint, b: bigint): bigint {
	a = a < 0n ? -a : a;
	b = b < 0n ? -b : b;
	while (b) [a, b] = [b, a % b];
	return a;
}

function frac(n: bigint, d: bigint = 1n): Fraction {
	if (d < 0n) [n, d] = [-n, -d];
	const g = gcd(n, d) || 1n;
	return { n: n / g, d: d / g };
}

const sub = (a: Fraction, b: Fraction) => frac(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Fraction, b: Fraction) => frac(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction) => frac(a.n * b.d, a.d * b.n);
const zero = (a: Fraction) => a.n === 0n;

/**
 * What an attacker can work out exactly: the value of `target` (a set of base cells) if it is a
 * linear combination of the published equations, otherwise null.
 */
export function recover(
	size: number,
	equations: readonly Equation[],
	target: readonly number[]
): number | null {
	// Rows: [coefficients..., value]
	const rows: Fraction[][] = equations.map((e) => {
		const row = Array.from({ length: size + 1 }, () => frac(0n));
		for (const c of e.cells) row[c] = frac(1n);
		row[size] = frac(BigInt(e.value));
		return row;
	});
	const pivots: number[] = [];
	let r = 0;
	for (let col = 0; col < size && r < rows.length; col++) {
		const p = rows.findIndex((row, i) => i >= r && !zero(row[col]!));
		if (p < 0) continue;
		[rows[r], rows[p]] = [rows[p]!, rows[r]!];
		const pivot = rows[r]![col]!;
		rows[r] = rows[r]!.map((x) => div(x, pivot));
		for (let i = 0; i < rows.length; i++) {
			if (i === r || zero(rows[i]![col]!)) continue;
			const f = rows[i]![col]!;
			rows[i] = rows[i]!.map((x, j) => sub(x, mul(f, rows[r]![j]!)));
		}
		pivots.push(col);
		r++;
	}
	// Reduce the target (with a zero value column) against the basis; what is left must vanish,
	// and the value column then holds minus the target's value.
	let t = Array.from({ length: size + 1 }, () => frac(0n));
	for (const c of target) t[c] = frac(1n);
	pivots.forEach((col, i) => {
		const f = t[col]!;
		if (zero(f)) return;
		t = t.map((x, j) => sub(x, mul(f, rows[i]![j]!)));
	});
	if (!t.slice(0, size).every(zero)) return null;
	const value = t[size]!;
	return -Number(value.n) / Number(value.d);
}

/**
 * Every value a hidden cell can take, over all non-negative integer tables that agree with the
 * published equations (brute force, for small tables).
 */
export function feasibleValues(
	size: number,
	equations: readonly Equation[],
	target: number
): Set<number> {
	const bound = new Array<number>(size).fill(Infinity);
	for (const e of equations) for (const c of e.cells) bound[c] = Math.min(bound[c]!, e.value);
	const x = new Array<number>(size).fill(0);
	const seen = new Set<number>();
	const ok = (assigned: number) => {
		for (const e of equations) {
			let s = 0;
			let open = 0;
			for (const c of e.cells) {
				if (c < assigned) s += x[c]!;
				else open += bound[c]!;
			}
			if (s > e.value || s + open < e.value) return false;
		}
		return true;
	};
	const walk = (i: number) => {
		if (i === size) {
			seen.add(x[target]!);
			return;
		}
		const c = i;
		const max = Number.isFinite(bound[c]!) ? bound[c]! : 50;
		for (let v = 0; v <= max; v++) {
			x[c] = v;
			if (ok(i + 1)) walk(i + 1);
		}
		x[c] = 0;
	};
	walk(0);
	return seen;
}
