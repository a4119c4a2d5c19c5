/**
 * Colours and fills for charts. Every colour has at least 3:1 contrast with the white page
 * (WCAG 1.4.11), and fills add a pattern so that colour is never the only way to tell
 * positive, neutral and negative apart (WCAG 1.4.1). Legends and tables carry the words.
 */
export const COLOURS = {
	strongPositive: '#003078',
	positive: '#1d70b8',
	neutral: '#505a5f',
	negative: '#d4351c',
	strongNegative: '#942514',
	line: '#0b0c0c',
	band: 'rgba(29, 112, 184, 0.18)',
	second: '#6f3d8d'
} as const;

export type Fill = 'solid' | 'dots' | 'stripes' | 'cross';

/** A repeating pattern in the given colour on a white ground. */
export function pattern(colour: string, fill: Fill): CanvasPattern | string {
	if (fill === 'solid') return colour;
	const tile = document.createElement('canvas');
	tile.width = tile.height = 8;
	const ctx = tile.getContext('2d');
	if (!ctx) return colour;
	ctx.fillStyle = colour;
	ctx.fillRect(0, 0, 8, 8);
	ctx.strokeStyle = '#ffffff';
	ctx.fillStyle = '#ffffff';
	ctx.lineWidth = 1.5;
	if (fill === 'dots') {
		ctx.beginPath();
		ctx.arc(4, 4, 1.4, 0, Math.PI * 2);
		ctx.fill();
	} else {
		ctx.beginPath();
		ctx.moveTo(0, 8);
		ctx.lineTo(8, 0);
		if (fill === 'cross') {
			ctx.moveTo(0, 0);
			ctx.lineTo(8, 8);
		}
		ctx.stroke();
	}
	return ctx.createPattern(tile, 'repeat') ?? colour;
}
