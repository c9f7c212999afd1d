import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './hotline/db/schema.ts',
  out: './hotline/db/migrations',
});
