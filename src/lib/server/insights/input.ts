/** Reading the breakdown choice from the address (a GET form, so it works without JavaScript). */
const KEY = /^[a-z0-9][a-z0-9-]{0,59}$/;

export function readBreakdown(url: URL): { by: string | null; wave: string | null } {
	const value = (name: string) => {
		const v = url.searchParams.get(name);
		return v && KEY.test(v) ? v : null;
	};
	return { by: value('by'), wave: value('wave') };
}
