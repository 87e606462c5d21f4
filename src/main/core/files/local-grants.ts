import { realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

/** What the page is told when it names a path nobody granted; the same words whatever the reason. */
export const notGrantedMessage = 'Bucket Admin only reads files you picked or dropped. Pick the file again.';

/**
 * The local paths the user chose this session, the only ones main touches on the renderer's word.
 * Read grants come from the upload dialogs, an Electron drop (the preload's `webUtils` path, sent
 * over a private message) and the browser host's staging folder; write grants from the download
 * folder dialog. The renderer is untrusted: without this, a compromised page could upload
 * `~/.ssh/id_rsa` to `public/` or drop files into an autostart folder.
 *
 * Grants are kept by real path (`realpath`), and every check resolves the requested path the same
 * way, so `granted/../x` and a symlink inside a granted folder that points elsewhere are refused:
 * what counts is where the bytes are, not how the path is spelled. The granted item itself may be
 * a symlink (the user picked what they see); its target is what is granted.
 */
export class LocalGrants {
  private readonly readReal = new Set<string>();
  /** As given (resolved, not real): lets a granted path that vanished be reported as missing. */
  private readonly readGiven = new Set<string>();
  private readonly writeReal = new Set<string>();

  /** Grants reading `item` (a file, or a folder and everything below it). False when it does not exist. */
  grantRead(item: string): boolean {
    const given = path.resolve(item);
    this.readGiven.add(given);
    const real = realOrUndefined(given);
    if (real) this.readReal.add(real);
    return real !== undefined;
  }

  /** Grants writing into `folder` and its subfolders (a download destination). */
  grantWrite(folder: string): void {
    const real = realOrUndefined(path.resolve(folder));
    if (real) this.writeReal.add(real);
  }

  /**
   * Checks paths the renderer asks main to read; answers them unchanged (the walk names files
   * after what was dropped). A granted path that no longer exists passes, so the plan can say it
   * is missing; an ungranted one is `AccessDenied` whether it exists or not (no existence oracle).
   */
  async checkRead(paths: readonly string[]): Promise<string[]> {
    for (const item of paths) {
      const given = path.resolve(item);
      const real = await realpath(given).catch(() => undefined);
      const allowed = real === undefined ? within(given, this.readGiven) : within(real, this.readReal);
      if (!allowed) throw new AppError('AccessDenied', notGrantedMessage, { path: item });
    }
    return [...paths];
  }

  /** True when `folder` really is (after symlinks) a granted download folder or inside one. */
  async allowsWrite(folder: string): Promise<boolean> {
    const real = await realpath(path.resolve(folder)).catch(() => undefined);
    return real !== undefined && within(real, this.writeReal);
  }
}

function realOrUndefined(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/** True when `p` or one of its ancestors is in `roots` (both absolute and normalized). */
function within(p: string, roots: ReadonlySet<string>): boolean {
  for (let current = p; ; current = path.dirname(current)) {
    if (roots.has(current)) return true;
    if (path.dirname(current) === current) return false;
  }
}
