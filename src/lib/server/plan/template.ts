/**
 * The import template: the columns, and two example rows written with the area's own finding
 * codes and partner names so the file imports as it is. The same CSV rules as every export.
 */
import { listFindingsInReportOrder } from '../areas/repository';
import { today, type Db } from '../db';
import { csvResponse } from '../exports/csv';
import { IMPORT_COLUMNS } from './import';
import { listPartners } from './repository';

export async function planTemplate(db: Db, areaId: string): Promise<Response> {
	const [findings, partners] = await Promise.all([
		listFindingsInReportOrder(db, areaId),
		listPartners(db, areaId)
	]);
	const codes = findings
		.filter((f) => f.archived === 0 && f.kind !== 'strength')
		.map((f) => f.code);
	const partner = (i: number) => partners[i % Math.max(partners.length, 1)]?.name ?? 'Council';
	const rows = [
		{
			title: 'Co-produce a new local offer website with the parent carer forum',
			description: 'Run four design workshops with families, then test the new site with them.',
			finding_codes: codes.slice(0, 2).join('; ') || 'L1',
			partner: partner(0),
			lead: 'Head of SEND',
			start_date: '01/04/2026',
			due_date: '31/03/2027',
			status: 'on track'
		},
		{
			title: 'Publish waiting times for therapies every month',
			description: 'Report waits by service and district on the local offer.',
			finding_codes: codes.slice(2, 3).join('; ') || codes[0] || 'L2',
			partner: partner(1),
			lead: 'Designated clinical officer',
			start_date: '2026-06-01',
			due_date: '2026-12-31',
			status: 'not started'
		}
	];
	return csvResponse(
		`heard_plan-template_${today()}.csv`,
		IMPORT_COLUMNS.map((c) => ({ key: c.name, header: c.name })),
		rows
	);
}
