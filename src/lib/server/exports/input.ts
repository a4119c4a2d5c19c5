/** Parsing the exports' query: which wave (none: every wave). */
import { z } from 'zod';

export const waveQuerySchema = z.object({
	wave: z
		.string()
		.trim()
		.max(64, 'Choose a wave from the list')
		.regex(/^[A-Za-z0-9_-]*$/, 'Choose a wave from the list')
		.transform((v) => v || null)
});

/** The wave asked for in the address, null for every wave, or a message when it is malformed. */
export function parseWaveQuery(
	url: URL
): { ok: true; waveId: string | null } | { ok: false; message: string } {
	const parsed = waveQuerySchema.safeParse({ wave: url.searchParams.get('wave') ?? '' });
	return parsed.success
		? { ok: true, waveId: parsed.data.wave }
		: { ok: false, message: parsed.error.issues[0]?.message ?? 'Choose a wave from the list' };
}
