import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';

/** How much the shelf holds: the newest snippets win. */
export interface ShelfLimits {
  entries: number;
  chars: number;
}

export const defaultShelfLimits: ShelfLimits = { entries: 100, chars: 8_000_000 };

/**
 * Text main made for the user to copy (a URL, curl command, HTML form, CSV of links), kept by id
 * so a later "Copy" names the snippet instead of sending its text back from the renderer. Main
 * then copies only what it made itself: the page cannot put words of its choosing on the OS
 * clipboard. Bounded: the oldest snippets are dropped first.
 */
export class SnippetShelf {
  private readonly texts = new Map<string, string>();
  private chars = 0;

  constructor(private readonly limits: ShelfLimits = defaultShelfLimits) {}

  /** Keeps `text` and returns its id. */
  keep(text: string): string {
    const id = randomUUID();
    this.texts.set(id, text);
    this.chars += text.length;
    for (const [oldest, old] of this.texts) {
      if (this.texts.size <= 1 || (this.texts.size <= this.limits.entries && this.chars <= this.limits.chars)) break;
      this.texts.delete(oldest);
      this.chars -= old.length;
    }
    return id;
  }

  /** The snippet's text; NotFound once it was dropped (or after a restart). */
  text(id: string): string {
    const text = this.texts.get(id);
    if (text === undefined) {
      throw new AppError(
        'NotFound',
        'Bucket Admin no longer holds that text (it keeps the last ones it made, until it quits). Make the link again, then copy it.',
        { snippetId: id },
      );
    }
    return text;
  }
}
