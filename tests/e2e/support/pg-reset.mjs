// Empties the end-to-end PostgreSQL database (E2E_DATABASE_URL) before the web server starts on
// it, so every run starts from a fresh demo seed (see playwright.config.ts).
import pg from 'pg';

const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
await client.connect();
try {
	await client.query('drop schema if exists public cascade');
	await client.query('create schema public');
} finally {
	await client.end();
}
