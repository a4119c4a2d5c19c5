const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});

/** An ISO date (YYYY-MM-DD) the GOV.UK way: "4 June 2026". */
export function formatDate(isoDate: string): string {
	return LONG_DATE.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}
