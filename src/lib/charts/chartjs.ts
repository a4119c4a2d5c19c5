/**
 * Chart.js, loaded on first use and only by staff pages: respondent pages never carry it.
 * Only the parts the charts use are registered.
 */
import type { Chart as ChartType } from 'chart.js';

let loading: Promise<typeof ChartType> | undefined;

export function loadChart(): Promise<typeof ChartType> {
	loading ??= import('chart.js').then((m) => {
		m.Chart.register(
			m.LineController,
			m.LineElement,
			m.PointElement,
			m.BarController,
			m.BarElement,
			m.LinearScale,
			m.CategoryScale,
			m.Filler,
			m.Legend,
			m.Tooltip
		);
		m.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
		m.Chart.defaults.color = '#0b0c0c';
		// The table beside every chart carries the figures; no animation to wait for.
		m.Chart.defaults.animation = false;
		return m.Chart;
	});
	return loading;
}

/**
 * Create a chart inside `host` once Chart.js has loaded; the returned function removes it
 * (also when it is called before loading has finished).
 */
export function mountChart(
	host: HTMLElement,
	label: string,
	build: (Chart: typeof ChartType, canvas: HTMLCanvasElement) => ChartType
): () => void {
	let chart: ChartType | undefined;
	let gone = false;
	const canvas = document.createElement('canvas');
	// The figure's caption and table say what the chart shows; the canvas is decoration for
	// screen readers, so it is hidden from them rather than described twice.
	canvas.setAttribute('aria-hidden', 'true');
	canvas.dataset.chart = label;
	loadChart().then((Chart) => {
		if (gone) return;
		host.append(canvas);
		chart = build(Chart, canvas);
		// What was drawn, readable by tests: suppressed values must appear here as null.
		canvas.dataset.points = JSON.stringify(
			chart.data.datasets.map((d) => ({ label: d.label, data: d.data }))
		);
	});
	return () => {
		gone = true;
		chart?.destroy();
		canvas.remove();
	};
}
