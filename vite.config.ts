import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.test.ts'],
		// Tests of PostgreSQL itself (pg_dump, system columns) are collected only when the suite
		// runs on PostgreSQL, rather than collected and skipped on SQLite.
		exclude: process.env.TEST_DATABASE_URL ? [] : ['src/**/*.postgres.test.ts'],
		setupFiles: ['tests/unit/setup.ts'],
		globalSetup: ['tests/unit/global-setup.ts'],
		environment: 'node',
		// Argon2 on two cores, and a PostgreSQL schema migrated per test, make some tests take
		// seconds (the demo seed, with its publications, more); the default 5 s is far too tight.
		testTimeout: 120_000,
		// A fixed secret for the tests, so nothing is written to data/ (never used elsewhere).
		env: { HEARD_SECRET: '0f'.repeat(32) },
		// One report per engine: `npm test` runs the suite on SQLite and on PostgreSQL.
		reporters: [
			'default',
			[
				'json',
				{ outputFile: `test-results/unit${process.env.TEST_DATABASE_URL ? '-pg' : ''}.json` }
			]
		]
	}
});
