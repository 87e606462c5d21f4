// npx tsx test/bench/cpu-profile-top.ts FILE.cpuprofile [N]: the N (default 12) functions with the
// most self time in a V8 CPU profile (`node --cpu-prof`, e.g. `npm run bench:download -- --profile
// DIR`), summed over every node of the call tree with the same function, file and line.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, count] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-profile-top.ts FILE.cpuprofile [N]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const nameOf = new Map<number, string>();
for (const n of profile.nodes) {
  const f = n.callFrame;
  nameOf.set(n.id, `${f.functionName || '(anonymous)'} ${f.url ? `${basename(f.url)}:${f.lineNumber + 1}` : ''}`.trim());
}
// Self time: each sample's delta belongs to the node on top of the stack at that sample.
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  total += us;
  const name = nameOf.get(id) ?? '?';
  self.set(name, (self.get(name) ?? 0) + us);
});
const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(count ?? 12));
process.stdout.write(`${basename(file)}: ${(total / 1e6).toFixed(2)} s sampled\n`);
for (const [name, us] of rows)
  process.stdout.write(`${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}\n`);
