import path from 'node:path';

/**
 * Download destinations the user chose in a dialog this session. Downloads write files named
 * after S3 keys, so main only writes into a folder the user picked, never one the renderer
 * merely names: a compromised page cannot make the app drop files into, say, an autostart folder.
 */
export class FolderGrants {
  private readonly granted = new Set<string>();

  grant(folder: string): void {
    this.granted.add(path.resolve(folder));
  }

  /** True for a granted folder or any folder inside one. */
  allows(folder: string): boolean {
    const wanted = path.resolve(folder);
    for (const root of this.granted) {
      if (wanted === root || wanted.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) return true;
    }
    return false;
  }
}
