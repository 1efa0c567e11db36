// `npm run package`: builds the Teams app package for one environment, offline.
//   TEAMSFX_ENV=dev (default) → reads env/.env.dev (+ env/.env.dev.user), then the
//   process environment on top, substitutes ${{VAR}} in appPackage/manifest.json and
//   the localization files, validates them against the official schema bundled in
//   @microsoft/app-manifest and writes build/appPackage/appPackage.<env>.zip.
// Example without provisioning:
//   TEAMS_APP_ID=<guid> BOT_ID=<guid> npm run package
import path from 'node:path';
import {
  AppPackageError,
  buildAppPackage,
  loadEnvVars,
  UnresolvedPlaceholderError,
} from './app-package';

function main(): number {
  const root = path.join(__dirname, '..');
  const envName = process.env.TEAMSFX_ENV?.trim() || 'dev';
  if (!/^[A-Za-z0-9_-]+$/.test(envName)) {
    process.stderr.write(`TEAMSFX_ENV "${envName}" is not a valid environment name\n`);
    return 2;
  }
  const { vars, files } = loadEnvVars(root, envName, process.env);
  const outputZip = path.join(root, 'build', 'appPackage', `appPackage.${envName}.zip`);
  try {
    const built = buildAppPackage({
      appPackageDir: path.join(root, 'appPackage'),
      outputZip,
      vars,
      envName,
    });
    const from =
      files.length > 0 ? files.map((f) => path.relative(root, f)).join(', ') : 'no env file';
    process.stdout.write(
      `App package for "${envName}" (manifest ${String(built.manifest.manifestVersion)}, values from ${from} + environment):\n` +
        `  ${path.relative(root, built.zipPath)}: ${built.entries.join(', ')}\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof UnresolvedPlaceholderError || err instanceof AppPackageError) {
      process.stderr.write(`npm run package: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = main();
