#!/usr/bin/env node
// The npm registry mirror this project is developed behind serves only the
// linux-x64 builds of platform-specific packages (@swc/core-darwin-arm64 and the
// like answer 404), so `npm install` writes a package-lock.json without them and
// `npm ci` then refuses the lock as "out of sync". This adds the missing optional
// platform packages with the os/cpu/libc npm uses to skip them, as a lock written
// with full registry access would have. Run after `npm install` changes the lock.
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony', 'wasi'];
const CPU = { arm64: 'arm64', x64: 'x64', ia32: 'ia32', arm: 'arm', ppc64: 'ppc64', s390x: 's390x', riscv64: 'riscv64', loong64: 'loong64', wasm32: 'wasm32' };

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.map((p) => CPU[p]).find(Boolean);
  const libc = parts.some((p) => p.startsWith('musl')) ? 'musl' : parts.some((p) => p === 'gnu' || p.startsWith('gnueabi')) ? 'glibc' : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = key ? `${key}/node_modules/${dep}` : `node_modules/${dep}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${dep}`]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os && !cpu) {
      console.error(`complete-lockfile: cannot tell the platform of ${dep}; left out`);
      continue;
    }
    const entry = { version, dev: pkg.dev, optional: true };
    if (!pkg.dev) delete entry.dev;
    if (os) entry.os = [os === 'wasi' ? 'wasi' : os];
    if (cpu) entry.cpu = [cpu];
    if (libc) entry.libc = [libc];
    lock.packages[`node_modules/${dep}`] = entry;
    added += 1;
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
lock.packages = sorted;
fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lockfile: ${added} platform package(s) added`);
