/** Parsing the public page's forms: choosing and removing a quote. */
import { z } from 'zod';

export const quoteSchema = z.object({
	commentId: z.string().trim().min(1, 'Choose a comment'),
	findingId: z.string().trim().min(1, 'Choose an area of weakness')
});
export const QUOTE_FIELDS = ['commentId', 'findingId'] as const;

export const unquoteSchema = z.object({ commentId: z.string().trim().min(1, 'Choose a quote') });
export const UNQUOTE_FIELDS = ['commentId'] as const;
