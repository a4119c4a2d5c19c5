import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		// A fixed secret for the tests, so nothing is written to data/ (never used elsewhere).
		env: { HEARD_SECRET: '0f'.repeat(32) },
		reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]]
	}
});
