/**
 * Which about-you answers the responses file may carry. A row of that file is one family's
 * answers, so its about-you columns together describe the family: a handful of responses sharing
 * an age band, district, setting and need could be recognised by someone who knows them. So the
 * columns are released only in a form where every group they form — each column alone and all
 * kept columns together — has at least `minBase` responses. Columns are taken in question order;
 * for each, the smallest groups are merged into "Other/combined" until that holds, and a column
 * left with fewer than two groups is dropped (it would say nothing). Skipping the question is a
 * group of its own.
 *
 * Pure: works on the count of every combination of answers (one GROUP BY in the database).
 */

export const COMBINED = 'Other/combined';
export const NOT_ANSWERED = 'Not answered';

export interface AboutYouQuestion {
	id: string;
	/** Stored value → words, in the question's order. */
	options: readonly { value: string; label: string }[];
}

/** How many responses gave this combination of answers (null: the question was skipped). */
export interface Combination {
	values: readonly (string | null)[];
	n: number;
}

export type Treatment =
	{ kind: 'asked' } | { kind: 'coarsened'; merged: string[] } | { kind: 'dropped' };

export interface ColumnPlan {
	questionId: string;
	treatment: Treatment;
}

export interface AboutYouPlan {
	columns: ColumnPlan[];
	/**
	 * The cells of the kept columns for one response's answers (in the order the questions were
	 * given), or null when the response must be left out of the file: its group did not exist,
	 * or was too small, when the plan was made (a response that arrived since).
	 */
	cellsFor(values: readonly (string | null)[]): string[] | null;
}

const SKIPPED = '\u0000skipped';
/** The group key of the merged group. */
const MERGED = '';

const keyOf = (value: string | null) => value ?? SKIPPED;

interface Kept {
	index: number;
	/** Value key → group key (the value itself, or MERGED). */
	group: Map<string, string>;
}

export function planAboutYou(
	questions: readonly AboutYouQuestion[],
	combinations: readonly Combination[],
	minBase: number
): AboutYouPlan {
	const kept: Kept[] = [];
	const columns: ColumnPlan[] = [];

	questions.forEach((question, index) => {
		const marginal = new Map<string, number>();
		for (const c of combinations) {
			if (c.n <= 0) continue;
			const key = keyOf(c.values[index] ?? null);
			marginal.set(key, (marginal.get(key) ?? 0) + c.n);
		}
		// Every value given is a group to begin with; values nobody gave form no group.
		const group = new Map<string, string>([...marginal.keys()].map((key) => [key, key]));
		const groupCount = () => new Set(group.values()).size;
		const safe = () => smallestCell([...kept, { index, group }], combinations) >= minBase;

		while (groupCount() >= 2 && !safe()) {
			const sizes = new Map<string, number>();
			for (const [key, n] of marginal) {
				const g = group.get(key)!;
				sizes.set(g, (sizes.get(g) ?? 0) + n);
			}
			// The next-smallest group joins the combined one (ties: the later option first).
			const [smallest] = [...sizes.entries()]
				.filter(([g]) => g !== MERGED)
				.sort((a, b) => a[1] - b[1] || position(question, b[0]) - position(question, a[0]));
			for (const [key, g] of group) if (g === smallest![0]) group.set(key, MERGED);
		}

		if (groupCount() < 2 || !safe()) {
			columns.push({ questionId: question.id, treatment: { kind: 'dropped' } });
			return;
		}
		kept.push({ index, group });
		const merged = [...group.entries()]
			.filter(([, g]) => g === MERGED)
			.map(([key]) => key)
			.sort((a, b) => position(question, a) - position(question, b))
			.map((key) => labelOf(question, key));
		columns.push({
			questionId: question.id,
			treatment: merged.length ? { kind: 'coarsened', merged } : { kind: 'asked' }
		});
	});

	const allowed = cellSizes(kept, combinations);
	const labels = kept.map(({ index }) => questions[index]!);
	return {
		columns,
		cellsFor(values) {
			// With no about-you column kept, a row describes nobody: every response may go in.
			if (kept.length === 0) return [];
			const groups = kept.map(({ index, group }) => group.get(keyOf(values[index] ?? null)));
			if (groups.some((g) => g === undefined)) return null;
			const size = allowed.get(groups.join('\u0001')) ?? 0;
			if (size < minBase) return null;
			return groups.map((g, i) =>
				g === MERGED ? COMBINED : g === SKIPPED ? '' : labelOf(labels[i]!, g!)
			);
		}
	};
}

function labelOf(question: AboutYouQuestion, key: string): string {
	if (key === SKIPPED) return NOT_ANSWERED;
	return question.options.find((o) => o.value === key)?.label ?? key;
}

/** Position of a value among the question's options (skipped and unknown values last). */
function position(question: AboutYouQuestion, key: string): number {
	const i = question.options.findIndex((o) => o.value === key);
	return i < 0 ? question.options.length : i;
}

/** Responses per group formed by these columns together (groups with none are absent). */
function cellSizes(columns: readonly Kept[], combinations: readonly Combination[]) {
	const cells = new Map<string, number>();
	for (const c of combinations) {
		if (c.n <= 0) continue;
		const key = columns
			.map(({ index, group }) => group.get(keyOf(c.values[index] ?? null)))
			.join('\u0001');
		cells.set(key, (cells.get(key) ?? 0) + c.n);
	}
	return cells;
}

function smallestCell(columns: readonly Kept[], combinations: readonly Combination[]): number {
	let smallest = Infinity;
	for (const n of cellSizes(columns, combinations).values()) smallest = Math.min(smallest, n);
	return smallest;
}
