// Prisma CLI configuration (generate/validate/format). Migrations are applied by
// `npm run db:migrate` (src/store/migrate.ts), which needs no native engine; on a
// machine with network access `prisma migrate deploy` works on the same files.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/dagsorden' },
});
