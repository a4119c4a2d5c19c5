/**
 * Letters and mail-merge rows for a batch of access codes. Each letter carries the questionnaire's
 * address to type, the code, and a QR code of the address with the code filled in. QR codes are
 * drawn here, on the server, as SVG: nothing about a family's code is sent to another service.
 */
import QRCode from 'qrcode';

/** What every letter promises; the respondent pages say the same. */
export const ANONYMITY_PROMISE = [
	'Your answers are anonymous. We do not ask for your name, and we do not record your address, email, phone number, computer address or the time you answered.',
	'The code lets one family answer once. It is never kept with your answers, so nobody, including us, can tell which answers are yours.'
];

export function surveyUrl(origin: string, surveyId: string): string {
	return `${origin}/s/${surveyId}`;
}

/** The address with the code filled in, for the QR code and the mail merge. */
export function codeUrl(origin: string, surveyId: string, code: string): string {
	return `${surveyUrl(origin, surveyId)}?code=${encodeURIComponent(code)}`;
}

/** A code with the number of the letter it is printed on (null for codes made before numbers). */
export interface NumberedCode {
	letter: number | null;
	code: string;
}

export interface Letter {
	/** The letter's number in the mail merge, printed small so reminders can name it. */
	letter: number | null;
	code: string;
	/** An SVG drawing of the QR code (our own markup: safe to put in the page). */
	qrSvg: string;
}

export async function buildLetters(
	origin: string,
	surveyId: string,
	codes: readonly NumberedCode[]
): Promise<Letter[]> {
	return Promise.all(
		codes.map(async ({ letter, code }) => ({
			letter,
			code,
			qrSvg: await QRCode.toString(codeUrl(origin, surveyId, code), {
				type: 'svg',
				margin: 1,
				errorCorrectionLevel: 'M'
			})
		}))
	);
}

/** The codes of one printable part (parts are numbered from 1). */
export function lettersPart<T>(codes: readonly T[], part: number, perPart: number): T[] {
	return codes.slice((part - 1) * perPart, part * perPart);
}

export function partCount(size: number, perPart: number): number {
	return Math.max(1, Math.ceil(size / perPart));
}

export const MAIL_MERGE_COLUMNS = [
	{ key: 'letter', header: 'letter' },
	{ key: 'code', header: 'code' },
	{ key: 'url', header: 'url' }
] as const;

export function mailMergeRows(origin: string, surveyId: string, codes: readonly NumberedCode[]) {
	return codes.map(({ letter, code }) => ({
		letter: letter ?? '',
		code,
		url: codeUrl(origin, surveyId, code)
	}));
}
