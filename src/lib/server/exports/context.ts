/**
 * What every export file needs to know about its local area: its name for the rows and the file
 * name, and its suppression rules (the same `rulesFor` the pages use, so a file can never be
 * looser than a page).
 */
import { getArea } from '../areas/repository';
import type { Db } from '../db';
import { rulesFor, type Rules } from '../insights/suppression';
import type { CsvColumn } from './csv';

export interface ExportArea {
	id: string;
	slug: string;
	name: string;
	isDemo: boolean;
	rules: Rules;
}

export async function loadExportArea(db: Db, areaId: string): Promise<ExportArea | undefined> {
	const area = await getArea(db, areaId);
	if (!area) return undefined;
	return {
		id: area.id,
		slug: area.slug,
		name: area.name,
		isDemo: area.isDemo === 1,
		rules: rulesFor(area)
	};
}

/** A wave's dates as an ISO 8601 interval: first day/last day ("..": still open-ended). */
export function timePeriod(wave: { waveStartsOn: string; waveEndsOn: string | null }): string {
	return `${wave.waveStartsOn}/${wave.waveEndsOn ?? '..'}`;
}

/** Columns from their names: the header is the name. */
export function columnsOf(names: readonly string[]): CsvColumn[] {
	return names.map((name) => ({ key: name, header: name }));
}
