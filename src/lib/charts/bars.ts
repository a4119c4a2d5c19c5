/**
 * Positive shares of groups side by side (a breakdown). Suppressed groups have no bar; the
 * table beside the chart says why.
 */
import type { Attachment } from 'svelte/attachments';
import { mountChart } from './chartjs';
import { COLOURS } from './palette';

export interface BarData {
	bars: string[];
	/** One series per dimension or question set; shares 0–1, null when suppressed. */
	series: { label: string; values: (number | null)[] }[];
}

const percent = (v: number | string) => `${Math.round(Number(v) * 100)}%`;

export function shareBars(data: BarData): Attachment<HTMLElement> {
	return (host) =>
		mountChart(host, 'bars', (Chart, canvas) => {
			const colours = [COLOURS.positive, COLOURS.second, COLOURS.strongPositive, COLOURS.neutral];
			return new Chart(canvas, {
				type: 'bar',
				data: {
					labels: data.bars,
					datasets: data.series.map((s, i) => ({
						label: s.label,
						data: s.values,
						backgroundColor: colours[i % colours.length],
						borderColor: COLOURS.line,
						borderWidth: 1
					}))
				},
				options: {
					indexAxis: 'y',
					responsive: true,
					maintainAspectRatio: false,
					scales: { x: { min: 0, max: 1, ticks: { callback: percent, stepSize: 0.25 } } },
					plugins: {
						legend: { display: data.series.length > 1 },
						tooltip: {
							callbacks: {
								label: (item) => `${item.dataset.label}: ${percent(item.parsed.x ?? 0)}`
							}
						}
					}
				}
			});
		});
}
