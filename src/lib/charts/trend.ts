/**
 * A trend across waves: one line per series, with its 95% interval as a shaded band. Points
 * that are suppressed or missing are null and leave a gap; nothing is drawn in their place.
 */
import type { Attachment } from 'svelte/attachments';
import type { ChartDataset } from 'chart.js';
import { mountChart } from './chartjs';
import { markerPlugin, type AxisMarker } from './markers';
import { COLOURS } from './palette';

export interface TrendSeries {
	label: string;
	/** Shares, 0–1, one per wave; null where there is nothing to show. */
	values: (number | null)[];
	lower?: (number | null)[];
	upper?: (number | null)[];
	/** Series after the first are dashed or dotted with other point shapes: more than colour. */
	variant?: 0 | 1 | 2;
}

export interface TrendData {
	labels: string[];
	series: TrendSeries[];
	/** A small chart for a card: no legend, fewer ticks. */
	compact?: boolean;
	/** Actions started or done, on the axis between the waves (see markers.ts). */
	markers?: AxisMarker[];
}

const percent = (v: number | string) => `${Math.round(Number(v) * 100)}%`;

export function trendChart(data: TrendData): Attachment<HTMLElement> {
	return (host) =>
		mountChart(host, 'trend', (Chart, canvas) => {
			const datasets: ChartDataset<'line', (number | null)[]>[] = [];
			const looks = [
				{ colour: COLOURS.positive, dash: [], point: 'circle' },
				{ colour: COLOURS.second, dash: [6, 4], point: 'triangle' },
				{ colour: COLOURS.neutral, dash: [2, 3], point: 'rect' }
			] as const;
			for (const s of data.series) {
				const look = looks[s.variant ?? 0];
				if (s.lower && s.upper && !data.compact) {
					datasets.push(
						{
							label: `${s.label} lower`,
							data: s.lower,
							borderWidth: 0,
							pointRadius: 0,
							fill: false
						},
						{
							label: `${s.label} interval`,
							data: s.upper,
							borderWidth: 0,
							pointRadius: 0,
							fill: '-1',
							backgroundColor: COLOURS.band
						}
					);
				}
				datasets.push({
					label: s.label,
					data: s.values,
					borderColor: look.colour,
					backgroundColor: look.colour,
					borderWidth: data.compact ? 2 : 3,
					borderDash: [...look.dash],
					pointStyle: look.point,
					pointRadius: data.compact ? 3 : 5,
					spanGaps: false,
					fill: false
				});
			}
			if (data.markers?.length) canvas.dataset.markers = JSON.stringify(data.markers);
			return new Chart(canvas, {
				type: 'line',
				data: { labels: data.labels, datasets },
				plugins: data.markers?.length ? [markerPlugin(data.markers)] : [],
				options: {
					responsive: true,
					maintainAspectRatio: false,
					scales: {
						y: {
							min: 0,
							max: 1,
							ticks: { callback: percent, stepSize: data.compact ? 0.5 : 0.25 }
						},
						x: { ticks: { display: !data.compact, autoSkip: true, maxRotation: 0 } }
					},
					plugins: {
						legend: {
							display: !data.compact && data.series.length > 1,
							labels: {
								usePointStyle: true,
								filter: (item) => !/ (lower|interval)$/.test(item.text)
							}
						},
						tooltip: {
							filter: (item) => !/ (lower|interval)$/.test(item.dataset.label ?? ''),
							callbacks: {
								label: (item) => `${item.dataset.label}: ${percent(item.parsed.y ?? 0)}`
							}
						}
					}
				}
			});
		});
}
