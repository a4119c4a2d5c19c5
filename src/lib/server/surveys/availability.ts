import type { Survey } from '../db/schema';
import { today } from '../db';

export type Availability = 'open' | 'not_yet_open' | 'closed' | 'draft';

/**
 * Whether families can answer now. A survey is open only when an officer has opened it and
 * today falls within its dates; the status and the dates are both checked on every request.
 */
export function availability(survey: Survey, on: string = today()): Availability {
	if (survey.status === 'draft') return 'draft';
	if (survey.status === 'closed' || on > survey.closesOn) return 'closed';
	if (on < survey.opensOn) return 'not_yet_open';
	return 'open';
}
