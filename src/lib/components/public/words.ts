/** Small phrases for the public pages. */
export function partnerWords(partner: string): string {
	return partner ? `Led by ${partner}` : 'Led by the partnership';
}
