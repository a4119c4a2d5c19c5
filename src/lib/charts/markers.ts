/**
 * Vertical markers on a trend's axis of waves: where an action started (dashed) and where it was
 * done (solid), each labelled with the action's number from the table under the chart, which
 * says the same in words. Positions are fractions of the category axis (see plan/timeline.ts).
 */
import type { Chart, Plugin } from 'chart.js';
import { COLOURS } from './palette';

export interface AxisMarker {
	at: number;
	kind: 'start' | 'done';
	label: string;
}

export function markerPlugin(markers: readonly AxisMarker[]): Plugin<'line'> {
	return {
		id: 'axisMarkers',
		afterDatasetsDraw(chart: Chart<'line'>) {
			const { ctx, chartArea, scales } = chart;
			const x = scales.x;
			if (!x) return;
			ctx.save();
			ctx.font = `bold 12px ${getComputedStyle(document.body).fontFamily}`;
			markers.forEach((m, i) => {
				const px = x.getPixelForValue(m.at);
				if (!Number.isFinite(px)) return;
				ctx.strokeStyle = COLOURS.line;
				ctx.fillStyle = COLOURS.line;
				ctx.lineWidth = m.kind === 'done' ? 2 : 1.5;
				ctx.setLineDash(m.kind === 'done' ? [] : [5, 4]);
				ctx.beginPath();
				ctx.moveTo(px, chartArea.top);
				ctx.lineTo(px, chartArea.bottom);
				ctx.stroke();
				// Staggered so labels of nearby markers do not sit on each other.
				const text = `${m.kind === 'done' ? '✓' : '▶'}${m.label}`;
				ctx.fillText(text, px + 3, chartArea.top + 12 + (i % 3) * 14);
			});
			ctx.restore();
		}
	};
}
