import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// HEARD_BUILD_DIR lets two builds live side by side (for example a second checkout's tests).
const out = process.env.HEARD_BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out }),
		outDir: out === 'build' ? '.svelte-kit' : `${out}-kit`,
		// What unit tests share (databases, fixtures), kept out of the application's source.
		alias: { $testing: 'tests/unit/support' },
		// Staff pages hydrate with a nonce-less hash policy; respondent pages ship no framework
		// script at all and get a stricter header from hooks.server.ts.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['none'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
