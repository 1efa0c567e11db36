#!/usr/bin/env node
// `npm test`'s checks before the tests: the type check and the lint, side by side (each is
// one process on one core, and together they take as long as the type check alone). Each
// one's output is printed when it ends, not interleaved; any failure fails the whole.
const { spawn } = require('node:child_process');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const checks = ['typecheck', 'lint'];

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => {
      const text = Buffer.concat(output).toString('utf8');
      process.stdout.write(`== npm run ${script}: ${code === 0 ? 'ok' : `failed (${signal ?? code})`}\n${text}`);
      resolve(code === 0);
    });
  });
}

Promise.all(checks.map(run)).then((ok) => process.exit(ok.every(Boolean) ? 0 : 1));
