/** Parsing the user forms (admin pages and `npm run user:create`). */
import { z } from 'zod';
import { isIsoDate } from '../forms';
import { ROLES } from '../auth/roles';
import type { Role } from '../db/schema';

const roleField = z.enum(ROLES as [Role, ...Role[]], { error: 'Choose a role' });

const expiresField = z
	.string()
	.trim()
	.refine((v) => v === '' || isIsoDate(v), 'Enter the end date as a real date, like 2027-03-31')
	.transform((v) => v || null);

const partnerField = z
	.string()
	.trim()
	.optional()
	.transform((v) => v || null);

/** An inspector needs an end date, and a partner user the organisation they belong to. */
function withExpiry<T extends { role: Role; expiresOn: string | null; partnerId: string | null }>(
	value: T,
	ctx: z.RefinementCtx
) {
	if (value.role === 'inspector' && !value.expiresOn) {
		ctx.addIssue({
			code: 'custom',
			path: ['expiresOn'],
			message: 'Enter the date the inspector’s access ends'
		});
	}
	if (value.role === 'partner' && !value.partnerId) {
		ctx.addIssue({
			code: 'custom',
			path: ['partnerId'],
			message: 'Choose the partner organisation they belong to'
		});
	}
}

export const newUserSchema = z
	.object({
		email: z
			.string()
			.trim()
			.toLowerCase()
			.min(1, 'Enter an email address')
			.max(254, 'Email address must be 254 characters or fewer')
			.pipe(z.email('Enter an email address in the correct format, like name@example.org')),
		name: z
			.string()
			.trim()
			.min(1, 'Enter the person’s name')
			.max(120, 'Name must be 120 characters or fewer'),
		role: roleField,
		expiresOn: expiresField,
		partnerId: partnerField
	})
	.superRefine(withExpiry);
export type NewUserInput = z.infer<typeof newUserSchema>;
export const NEW_USER_FIELDS = ['email', 'name', 'role', 'expiresOn', 'partnerId'] as const;

export const roleChangeSchema = z
	.object({ role: roleField, expiresOn: expiresField, partnerId: partnerField })
	.superRefine(withExpiry);
export type RoleChangeInput = z.infer<typeof roleChangeSchema>;
export const ROLE_CHANGE_FIELDS = ['role', 'expiresOn', 'partnerId'] as const;
