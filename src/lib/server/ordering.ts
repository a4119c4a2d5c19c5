/** Ordering by up/down buttons, shared by every list an officer can reorder without JavaScript. */
export type Direction = 'up' | 'down';

/** Moves one id a step up or down a list, keeping the others in order. */
export function moveInList(ids: readonly string[], id: string, direction: Direction): string[] {
	const order = [...ids];
	const from = order.indexOf(id);
	const to = direction === 'up' ? from - 1 : from + 1;
	if (from < 0 || to < 0 || to >= order.length) return order;
	[order[from], order[to]] = [order[to]!, order[from]!];
	return order;
}
