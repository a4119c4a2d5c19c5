/**
 * The one Database interface. Tables are snake_case in SQL and camelCase here (CamelCasePlugin).
 * Flags are integers (0/1) and dates are ISO text so the same code runs on SQLite and PostgreSQL.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Dimension, QuestionKind } from '../../questions/types';

export type { Dimension, QuestionKind };

export type Flag = 0 | 1;

export interface LocalAreasTable {
	id: string;
	slug: string;
	name: string;
	isDemo: Generated<Flag>;
	youthGroup: string | null;
	/** A percentage needs at least this many answers (never below 10). */
	minBase: Generated<number>;
	/** Counts below this are suppressed (never below 5). */
	minCount: Generated<number>;
	/** JSON array of district names for the about-you "district" question. */
	districts: Generated<string>;
	/** JSON array of names (schools, services) that the free-text flagger looks for. */
	flagTerms: Generated<string>;
	createdAt: string;
}

export type Role = 'admin' | 'officer' | 'viewer' | 'inspector' | 'partner';

export interface UsersTable {
	id: string;
	localAreaId: string;
	email: string;
	name: string;
	role: Role;
	/** Null for an account that signs in only through the area's identity provider. */
	passwordHash: string | null;
	/** An admin's grant to take the row-level responses file (officers only). */
	canExportRows: Generated<Flag>;
	/** The partner organisation a `partner` user belongs to; null for staff. */
	partnerId: Generated<string | null>;
	/** Inspector accounts end on this date (ISO date); null for staff. */
	expiresOn: string | null;
	disabledAt: string | null;
	createdAt: string;
}

/** An area's OpenID Connect provider. No row: passwords only. */
export interface AreaSignInTable {
	localAreaId: string;
	/** 0 while the admin sets it up or pauses it; password sign-in must then stay on. */
	enabled: Generated<Flag>;
	issuer: string;
	clientId: string;
	/** `seal`ed under the server secret (which is not in the database); never stored in clear. */
	clientSecretSealed: string;
	/** The role a new email gets on its first sign-in; null refuses emails without an account. */
	newAccountRole: NewAccountRole | null;
	passwordSignIn: Generated<Flag>;
	updatedAt: string;
}

export type NewAccountRole = 'viewer' | 'officer';

export interface AreaSignInDomainsTable {
	localAreaId: string;
	/** Lower-case, without the @. */
	domain: string;
}

/** A user's subject at one issuer, stored when they first sign in through it. */
export interface UserIdentitiesTable {
	issuer: string;
	subject: string;
	userId: string;
	createdAt: string;
}

export interface SessionsTable {
	/** SHA-256 of the token, hex. The token itself is never stored. */
	id: string;
	userId: string;
	expiresAt: string;
	createdAt: string;
}

export type InspectionKind = 'initial' | 'revisit' | 'monitoring' | 'other';

export type FrameworkCode = 'area_send_2023' | 'local_area_send_2016' | 'other';

export interface InspectionsTable {
	id: string;
	localAreaId: string;
	kind: InspectionKind;
	/** A FrameworkCode, or null when not recorded. */
	framework: string | null;
	startsOn: string | null;
	endsOn: string | null;
	/** The officer's own summary of the outcome. */
	outcome: string | null;
	/** The outcome as the framework names it (see lib/words/frameworks.ts). */
	outcomeKind: Generated<string | null>;
	/** Priority action plan (or written statement of action) due. */
	planDueOn: Generated<string | null>;
	/** Monitoring inspection (or revisit). */
	monitoringOn: Generated<string | null>;
	nextFullOn: Generated<string | null>;
	position: number;
	archived: Generated<Flag>;
	createdAt: string;
}

export type FindingKind =
	| 'fundamental_failing'
	| 'significant_weakness'
	| 'area_of_concern'
	| 'area_for_improvement'
	| 'strength';

export interface FindingsTable {
	id: string;
	localAreaId: string;
	inspectionId: string;
	kind: FindingKind;
	code: string;
	title: string;
	detail: string | null;
	theme: string;
	position: number;
	archived: Generated<Flag>;
	createdAt: string;
}

export interface WavesTable {
	id: string;
	localAreaId: string;
	name: string;
	startsOn: string;
	endsOn: string | null;
	position: number;
}

export type Audience = 'parent_carer' | 'young_person';
export type SurveyStatus = 'draft' | 'open' | 'closed';
export type AccessMode = 'code' | 'open';

export interface SurveysTable {
	id: string;
	localAreaId: string;
	waveId: string;
	audience: Audience;
	title: string;
	intro: string;
	status: SurveyStatus;
	accessMode: AccessMode;
	opensOn: string;
	closesOn: string;
	/** When families are told results will be published (ISO date). */
	resultsOn: string | null;
	copiedFromId: string | null;
	isDemo: Generated<Flag>;
	createdAt: string;
	openedAt: string | null;
	closedAt: string | null;
}

export interface QuestionsTable {
	id: string;
	surveyId: string;
	position: number;
	section: string | null;
	kind: QuestionKind;
	key: string;
	dimension: Dimension | null;
	theme: string | null;
	prompt: string;
	easyRead: string | null;
	hint: string | null;
	required: Flag;
	/** JSON array of QuestionOption (see lib/questions/types.ts). */
	options: string;
	/** JSON object of kind settings: maxLength, min, max, faces. */
	settings: string;
}

export interface QuestionFindingsTable {
	questionId: string;
	findingId: string;
}

export interface CodeBatchesTable {
	id: string;
	localAreaId: string;
	surveyId: string;
	label: string;
	size: number;
	createdAt: string;
	createdBy: string | null;
}

export interface AccessCodesTable {
	/** HMAC of the normalised code under the server secret: useless without that secret. */
	codeHash: string;
	batchId: string;
	surveyId: string;
	used: Generated<Flag>;
	/** The draft this code's family is answering in, so a second device can be told so. */
	draftId: string | null;
	/** The code's place in its batch's mail merge, for reminder letters; null for older codes. */
	letterNumber: number | null;
}

export interface DraftsTable {
	/** SHA-256 of the family's draft secret: only their browser or resume link holds the secret. */
	id: string;
	surveyId: string;
	/** The answers (and, on a code survey, which code), encrypted under the family's secret. */
	sealed: string;
	expiresOn: string;
}

/**
 * Sent responses sealed with the server secret, waiting to be released into the response tables
 * together with others, in random order (see responses/release.ts).
 */
export interface PendingResponsesTable {
	id: string;
	surveyId: string;
	sealed: string;
}

/** A typed-in paper response waiting for a second officer's approval before it counts. */
export interface PaperEntriesTable {
	id: string;
	localAreaId: string;
	surveyId: string;
	enteredBy: string;
	enteredOn: string;
	/** The answers, sealed with the server secret. */
	sealed: string;
}

/** The limiter every instance shares: one row per key (an HMAC), forgotten when its window ends. */
export interface RateLimitsTable {
	key: string;
	hits: number;
	windowEndsAt: string;
}

export type Channel = 'web' | 'paper';

export interface ResponsesTable {
	/** Random, never sequential. */
	id: string;
	surveyId: string;
	/** A date with no time of day. */
	submittedOn: string;
	channel: Channel;
	/** The language the family answered in (a Language code); paper responses are English. */
	language: Generated<string>;
}

export interface AnswersTable {
	responseId: string;
	questionId: string;
	/** An option value (one row per chosen option) or a number. Free text lives in comments. */
	value: string;
}

export type CommentStatus = 'new' | 'reviewed';

export interface CommentsTable {
	id: string;
	responseId: string;
	questionId: string;
	surveyId: string;
	body: string;
	status: Generated<CommentStatus>;
	redacted: Generated<Flag>;
	/** JSON array of flag kinds found by the personal-data check. */
	flags: Generated<string>;
	reviewedOn: string | null;
	reviewedBy: string | null;
}

export interface CommentThemesTable {
	id: string;
	localAreaId: string;
	name: string;
	archived: Generated<Flag>;
}

export interface CommentThemeFindingsTable {
	themeId: string;
	findingId: string;
}

export interface CommentTagsTable {
	commentId: string;
	themeId: string;
}

export interface AuditEventsTable {
	id: string;
	localAreaId: string | null;
	userId: string | null;
	action: string;
	subjectType: string | null;
	subjectId: string | null;
	/** JSON object with anything else worth keeping; never respondent data. */
	detail: string | null;
	createdAt: string;
}

export type PopulationMargin = 'need' | 'age-band' | 'ehc-plan';
export type PopulationSource = 'manual' | 'dfe';

/** Children and young people of an area in one group of a breakdown (see population/). */
/** A questionnaire's own words in another language, one row per string key. */
export interface SurveyTranslationsTable {
	surveyId: string;
	language: string;
	/** `survey.title`, `question.<key>.prompt`, `question.<key>.option.<value>`, ... */
	stringKey: string;
	text: string;
	updatedAt: string;
}

export interface PopulationCountsTable {
	localAreaId: string;
	margin: PopulationMargin;
	/** The about-you option's value, e.g. `communication-and-interaction`. */
	category: string;
	count: number;
	source: PopulationSource;
	/** Where the figure came from, in words (the file, its local authority and period). */
	sourceDetail: string | null;
	/** The date the figure describes (ISO date). */
	asOf: string;
	updatedAt: string;
	updatedBy: string | null;
}

export type PartnerKind =
	'council' | 'icb' | 'nhs_provider' | 'parent_carer_forum' | 'youth_group' | 'education' | 'other';

export interface PartnersTable {
	id: string;
	localAreaId: string;
	name: string;
	kind: PartnerKind;
	createdAt: string;
}

export type ActionStatus = 'not_started' | 'on_track' | 'at_risk' | 'off_track' | 'done';

export interface ActionsTable {
	id: string;
	localAreaId: string;
	title: string;
	description: string;
	partnerId: string;
	/** The named lead, in the officer's words (a person or a post). */
	lead: string;
	startsOn: string;
	dueOn: string;
	createdAt: string;
}

export interface ActionFindingsTable {
	actionId: string;
	findingId: string;
}

export interface ActionUpdatesTable {
	id: string;
	actionId: string;
	status: ActionStatus;
	note: string;
	/** The date the status was true from (ISO date). */
	updatedOn: string;
	createdAt: string;
	createdBy: string | null;
}

export type ParticipationLevel = 'informing' | 'consulting' | 'engaging' | 'co_producing';

export interface CoproductionActivitiesTable {
	id: string;
	localAreaId: string;
	heldOn: string;
	title: string;
	whatChanged: string;
	level: ParticipationLevel;
	createdAt: string;
	createdBy: string | null;
}

export interface CoproductionPartnersTable {
	activityId: string;
	partnerId: string;
}

export interface SurveySignoffsTable {
	id: string;
	surveyId: string;
	partnerId: string;
	userId: string | null;
	signedOn: string;
	note: string;
	createdAt: string;
}

export interface SurveyCommentsTable {
	id: string;
	surveyId: string;
	userId: string | null;
	/** The partner the writer spoke for; null for an officer. */
	partnerId: string | null;
	body: string;
	createdAt: string;
}

export interface ThemeReviewsTable {
	id: string;
	themeId: string;
	partnerId: string;
	userId: string | null;
	body: string;
	reviewedOn: string;
	createdAt: string;
}

export interface PublicPagesTable {
	localAreaId: string;
	/** JSON snapshot of the page as published; null once withdrawn. */
	content: string | null;
	publishedAt: string | null;
	publishedBy: string | null;
	withdrawnAt: string | null;
}

export interface PublicQuotesTable {
	commentId: string;
	localAreaId: string;
	/** The area of weakness the quote is shown under. */
	findingId: string;
	chosenBy: string | null;
	chosenAt: string;
}

/** Facts about the installation that every instance must agree on (never a secret). */
export interface InstanceSettingsTable {
	key: string;
	value: string;
}

/** A questionnaire's figures, computed and suppressed once (see insights/publish/). */
export interface PublicationsTable {
	id: string;
	localAreaId: string;
	surveyId: string;
	/** 1, 2, 3 … per questionnaire; unique, so only one instance can make each. */
	sequence: number;
	/** The day it was made: no time of day, for families' sake. */
	madeOn: string;
	/** Responses it covers. */
	responses: number;
	/** Made at close: the questionnaire's figures for good. */
	final: Generated<Flag>;
	/** JSON of the suppression rules it used. */
	rules: string;
	/** Sealed: the true figures and their fate, to protect the next publication. Never shown. */
	basis: string;
}

export interface PublicationPartsTable {
	publicationId: string;
	part: string;
	/** JSON of suppressed figures only. */
	content: string;
}

export interface PublicationFilesTable {
	publicationId: string;
	file: string;
	chunk: number;
	content: string;
}

export interface Database {
	instanceSettings: InstanceSettingsTable;
	localAreas: LocalAreasTable;
	users: UsersTable;
	sessions: SessionsTable;
	areaSignIn: AreaSignInTable;
	areaSignInDomains: AreaSignInDomainsTable;
	userIdentities: UserIdentitiesTable;
	inspections: InspectionsTable;
	findings: FindingsTable;
	waves: WavesTable;
	surveys: SurveysTable;
	questions: QuestionsTable;
	questionFindings: QuestionFindingsTable;
	codeBatches: CodeBatchesTable;
	accessCodes: AccessCodesTable;
	drafts: DraftsTable;
	pendingResponses: PendingResponsesTable;
	paperEntries: PaperEntriesTable;
	rateLimits: RateLimitsTable;
	publications: PublicationsTable;
	publicationParts: PublicationPartsTable;
	publicationFiles: PublicationFilesTable;
	responses: ResponsesTable;
	answers: AnswersTable;
	comments: CommentsTable;
	commentThemes: CommentThemesTable;
	commentThemeFindings: CommentThemeFindingsTable;
	commentTags: CommentTagsTable;
	auditEvents: AuditEventsTable;
	populationCounts: PopulationCountsTable;
	surveyTranslations: SurveyTranslationsTable;
	partners: PartnersTable;
	actions: ActionsTable;
	actionFindings: ActionFindingsTable;
	actionUpdates: ActionUpdatesTable;
	coproductionActivities: CoproductionActivitiesTable;
	coproductionPartners: CoproductionPartnersTable;
	surveySignoffs: SurveySignoffsTable;
	surveyComments: SurveyCommentsTable;
	themeReviews: ThemeReviewsTable;
	publicPages: PublicPagesTable;
	publicQuotes: PublicQuotesTable;
}

export type LocalArea = Selectable<LocalAreasTable>;
export type User = Selectable<UsersTable>;
export type AreaSignIn = Selectable<AreaSignInTable>;
export type UserIdentity = Selectable<UserIdentitiesTable>;
export type Inspection = Selectable<InspectionsTable>;
export type NewInspection = Insertable<InspectionsTable>;
export type Finding = Selectable<FindingsTable>;
export type NewFinding = Insertable<FindingsTable>;
export type FindingUpdate = Updateable<FindingsTable>;
export type Wave = Selectable<WavesTable>;
export type Survey = Selectable<SurveysTable>;
export type NewSurvey = Insertable<SurveysTable>;
export type QuestionRow = Selectable<QuestionsTable>;
export type NewQuestionRow = Insertable<QuestionsTable>;
export type CodeBatch = Selectable<CodeBatchesTable>;
export type Comment = Selectable<CommentsTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
export type PopulationCount = Selectable<PopulationCountsTable>;
export type Publication = Selectable<PublicationsTable>;
export type Partner = Selectable<PartnersTable>;
export type Action = Selectable<ActionsTable>;
export type ActionUpdate = Selectable<ActionUpdatesTable>;
export type CoproductionActivity = Selectable<CoproductionActivitiesTable>;
