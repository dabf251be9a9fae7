import { defineConfig } from 'drizzle-kit';

// drizzle-kit reads only a default export.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  schemaFilter: ['identity'],
});
