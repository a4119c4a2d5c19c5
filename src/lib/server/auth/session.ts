import type { Role } from '../db/schema';

export interface SessionUser {
	id: string;
	localAreaId: string;
	email: string;
	name: string;
	role: Role;
	expiresOn: string | null;
}

export interface SessionRecord {
	id: string;
	userId: string;
	expiresAt: Date;
}
