import type { Question } from '../types';

/** What every question input takes. Inputs render server-side and work without JavaScript. */
export interface InputProps {
	question: Question;
	/** Young people's wording and face scales. */
	easyRead: boolean;
	/** The values to show as chosen or typed. */
	values: string[];
	error: string | null;
	/** The prompt is the page's heading (one question per page). */
	asHeading: boolean;
	/** Offer a read-aloud button (shown only where the browser can speak). */
	readAloud: boolean;
}
