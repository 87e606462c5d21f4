/**
 * `npm run check:builder`: validates electron-builder.yml offline with electron-builder's own
 * checks and confirms the icons and entitlements it names are usable. Part of `npm test`.
 */
import { resolve } from 'node:path';
import { checkBuilderConfig } from './lib/builder-config';

async function main(): Promise<void> {
  const report = await checkBuilderConfig(resolve('.'));
  for (const line of report.checked) console.log(`ok   ${line}`);
  for (const problem of report.problems) console.error(`FAIL ${problem}`);
  if (report.problems.length > 0) {
    console.error(`\nelectron-builder.yml: ${report.problems.length} problem(s). Fix them before \`npm run dist\`.`);
    process.exit(1);
  }
  console.log('\nelectron-builder.yml is valid for electron-builder and every file it names is in place.');
}

main().catch((error: unknown) => {
  console.error(`check:builder could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
