import { fail, redirect } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import {
	IMPORT_COLUMNS,
	MAX_IMPORT_BYTES,
	decodeUpload,
	importPlan,
	previewImport
} from '$lib/server/plan/import';

export const load = async () => {
	requireCapability('editPlan');
	return { columns: IMPORT_COLUMNS, maxKb: MAX_IMPORT_BYTES / 1024 };
};

const tooBig = (bytes: number) =>
	`The file is ${Math.ceil(bytes / 1024)} KB. The largest file that can be imported is ${MAX_IMPORT_BYTES / 1024} KB: split the plan into smaller files`;

export const actions = {
	preview: async ({ request }) => {
		const user = requireCapability('editPlan');
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { errors: { file: 'Choose a CSV file to upload' } });
		if (file.size > MAX_IMPORT_BYTES) return fail(413, { errors: { file: tooBig(file.size) } });
		const decoded = decodeUpload(new Uint8Array(await file.arrayBuffer()));
		if (!decoded.ok) return fail(400, { errors: { file: decoded.message } });
		const { preview } = await previewImport(getDb(), user.localAreaId, decoded.text);
		if (preview.fileProblems.length > 0)
			return fail(400, { errors: { file: preview.fileProblems.join('. ') } });
		return {
			preview,
			csv: decoded.text,
			encoding: decoded.encoding,
			filename: file.name
		};
	},
	import: async ({ request }) => {
		const user = requireCapability('editPlan');
		const form = await request.formData();
		const csv = form.get('csv');
		if (typeof csv !== 'string' || csv.length === 0)
			return fail(400, { errors: { file: 'Choose a CSV file to upload' } });
		if (new TextEncoder().encode(csv).length > MAX_IMPORT_BYTES * 2)
			return fail(413, { errors: { file: tooBig(csv.length) } });
		const outcome = await importPlan(getDb(), user, csv);
		if (!outcome.ok) {
			if (outcome.preview.fileProblems.length > 0)
				return fail(400, { errors: { file: outcome.preview.fileProblems.join('. ') } });
			// Something changed since the preview (a partner renamed, a finding archived).
			return fail(400, {
				preview: outcome.preview,
				csv,
				encoding: null,
				filename: null,
				changed: true
			});
		}
		redirect(303, `/app/plan?imported=${outcome.count}`);
	}
};
