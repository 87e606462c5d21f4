import { readdirSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../logger';
import type { TransferItem } from './transfer-item';

/**
 * Files the browser host staged for upload (`<dataDir>/staging/<id>/…`) are copies: each is
 * removed once its upload is done, skipped or cancelled (a failed one stays, for retry), and
 * stagings no journal entry needs any more are removed at start-up.
 */
export class StagingJanitor {
  private readonly root: string;

  constructor(
    stagingDir: string,
    private readonly logger: Logger,
  ) {
    this.root = path.resolve(stagingDir);
  }

  release(item: TransferItem): void {
    if (item.direction !== 'upload' || !this.owns(item.localPath)) return;
    try {
      rmSync(item.localPath, { force: true });
      this.pruneUp(path.dirname(item.localPath));
    } catch (error) {
      this.logger.warn('Could not remove a staged upload', { file: item.localPath, error });
    }
  }

  /** Removes stagings that no unfinished item refers to. */
  sweep(unfinished: readonly TransferItem[]): void {
    const needed = new Set(unfinished.filter((i) => this.owns(i.localPath)).map((i) => this.stagingOf(i.localPath)));
    let entries: string[];
    try {
      entries = readdirSync(this.root);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (needed.has(entry)) continue;
      rmSync(path.join(this.root, entry), { recursive: true, force: true });
    }
  }

  private owns(file: string): boolean {
    return path.resolve(file).startsWith(this.root + path.sep);
  }

  private stagingOf(file: string): string {
    return path.relative(this.root, path.resolve(file)).split(path.sep)[0] ?? '';
  }

  /** Empty folders left by removed files, up to (not including) the staging root. */
  private pruneUp(dir: string): void {
    for (let current = path.resolve(dir); current.startsWith(this.root + path.sep); current = path.dirname(current)) {
      try {
        rmdirSync(current);
      } catch {
        return; // not empty, or already gone
      }
    }
  }
}
