#!/usr/bin/env node
// `prisma generate` without network access: the CLI insists on locating its native
// schema engine before any command, although generate never uses it. Pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies that check.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= __filename;
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const cli = require.resolve('prisma/build/index.js');
const args = process.argv.slice(2);
const result = spawnSync(process.execPath, [cli, ...(args.length ? args : ['generate'])], {
  cwd: path.join(__dirname, '..'),
  env,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
