import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A tmpfs of `size` (mount's syntax: `2m`, `1536k`) to simulate a full disk; `remove` unmounts and deletes it. */
export function mountSmallDisk(size: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'bucket-admin-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path]);
  } catch (error) {
    rmSync(path, { recursive: true, force: true });
    // Mounting needs root (CAP_SYS_ADMIN); the test bed runs as root. Elsewhere, say why.
    throw new Error(
      `Cannot mount a ${size} tmpfs to simulate a full disk (${(error as Error).message}); run the integration tests as root.`,
      {
        cause: error,
      },
    );
  }
  return {
    path,
    remove: () => {
      execFileSync('umount', [path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}
