/**
 * `npm run check:electron`: Doyensec's Electronegativity over src/, offline. Fails on any finding
 * above LOW that resources/electronegativity-exceptions.json does not name with a reason.
 * Part of `npm test`.
 */
import { resolve } from 'node:path';
import { runElectronegativityCheck } from './lib/electronegativity-check';

async function main(): Promise<void> {
  const report = await runElectronegativityCheck(resolve('.'));
  for (const line of report.lines) (line.startsWith('FAIL') ? console.error : console.log)(line);
  if (!report.ok) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(`check:electron could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
