// drizzle-kit configuration: the schema in src/db/schema is the source, SQL migrations in drizzle/ are the truth.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema/index.ts',
  out: process.env.DRIZZLE_OUT ?? './drizzle',
});
