import type { Transport } from '@sveltejs/kit';
import { isServerDrawn } from '$lib/respond/server-drawn';

export const transport: Transport = {
	ServerDrawn: {
		encode: (value) => isServerDrawn(value) && 1,
		decode: () => {
			throw new Error('This page’s data is drawn on the server only: its route sets csr = false');
		}
	}
};
