#!/usr/bin/env node
// Compiles the bot to plain JavaScript in dist/ and copies what it reads at run time
// (the Prisma schema and migrations) beside it, so `node dist/src/index.js` runs
// without a TypeScript loader: a loader costs about 50 MB of memory for the process's
// whole life, and the embedded database is meant to fit a small machine.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const tsc = require.resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);

const prismaOut = path.join(dist, 'prisma');
fs.rmSync(prismaOut, { recursive: true, force: true });
fs.mkdirSync(prismaOut, { recursive: true });
fs.copyFileSync(path.join(root, 'prisma', 'schema.prisma'), path.join(prismaOut, 'schema.prisma'));
fs.cpSync(path.join(root, 'prisma', 'migrations'), path.join(prismaOut, 'migrations'), { recursive: true });

// The intent model, trained from the phrase corpus now rather than at every start.
const trained = spawnSync(process.execPath, [path.join(__dirname, 'train-language.js')], { stdio: 'inherit' });
if (trained.status !== 0) process.exit(trained.status ?? 1);
