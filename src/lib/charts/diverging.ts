/**
 * Diverging stacked bars for agreement scales: negative answers to the left of the zero line,
 * positive to the right, a neutral middle answer split across it. One bar per wave or group.
 * Options whose counts are suppressed are not drawn, so a bar may fall short of 100%.
 */
import type { Attachment } from 'svelte/attachments';
import type { ChartDataset } from 'chart.js';
import { mountChart } from './chartjs';
import { COLOURS, pattern, type Fill } from './palette';

export type Side = 'negative' | 'neutral' | 'positive';

export interface DivergingOption {
	label: string;
	side: Side;
	/** 0 next to the middle, 1 and more further out. */
	rank: number;
	/** Share of valid answers per bar, 0–1; null when suppressed. */
	values: (number | null)[];
}

export interface DivergingData {
	bars: string[];
	options: DivergingOption[];
}

function style(o: DivergingOption): { colour: string; fill: Fill } {
	if (o.side === 'neutral') return { colour: COLOURS.neutral, fill: 'dots' };
	if (o.side === 'positive')
		return { colour: o.rank === 0 ? COLOURS.positive : COLOURS.strongPositive, fill: 'solid' };
	return o.rank === 0
		? { colour: COLOURS.negative, fill: 'stripes' }
		: { colour: COLOURS.strongNegative, fill: 'cross' };
}

const percent = (v: number | string) => `${Math.round(Math.abs(Number(v)) * 100)}%`;

export function divergingChart(data: DivergingData): Attachment<HTMLElement> {
	return (host) =>
		mountChart(host, 'diverging', (Chart, canvas) => {
			// Stacks grow out from zero in dataset order: nearest the middle first on each side.
			const byRank = (side: Side) =>
				data.options.filter((o) => o.side === side).sort((a, b) => a.rank - b.rank);
			const datasets: ChartDataset<'bar', (number | null)[]>[] = [];
			const add = (o: DivergingOption, sign: number, half = false, hidden = false) => {
				const { colour, fill } = style(o);
				datasets.push({
					label: hidden ? `${o.label} (right half)` : o.label,
					data: o.values.map((v) => (v === null ? null : (sign * v) / (half ? 2 : 1))),
					backgroundColor: pattern(colour, fill),
					borderColor: colour,
					borderWidth: 1,
					stack: 'answers'
				});
			};
			for (const o of byRank('neutral')) add(o, -1, true);
			for (const o of byRank('negative')) add(o, -1);
			for (const o of byRank('neutral')) add(o, 1, true, true);
			for (const o of byRank('positive')) add(o, 1);
			return new Chart(canvas, {
				type: 'bar',
				data: { labels: data.bars, datasets },
				options: {
					indexAxis: 'y',
					responsive: true,
					maintainAspectRatio: false,
					scales: {
						x: { stacked: true, min: -1, max: 1, ticks: { callback: percent, stepSize: 0.25 } },
						y: { stacked: true }
					},
					plugins: {
						legend: {
							labels: { filter: (item) => !item.text.endsWith('(right half)') }
						},
						tooltip: {
							callbacks: {
								label: (item) => {
									const o = data.options.find((x) => item.dataset.label?.startsWith(x.label));
									const v = o?.values[item.dataIndex];
									return `${o?.label ?? ''}: ${v == null ? '' : percent(v)}`;
								}
							}
						}
					}
				}
			});
		});
}
