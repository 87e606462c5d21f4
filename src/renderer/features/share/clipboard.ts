import { api, call } from '../../api/client';
import { ClientError } from '../../api/client-error';

/** Who put the text on the clipboard: main (Electron) or this window (browser host). */
export type CopiedBy = 'main' | 'renderer';

/**
 * Makes sure `text` is on the clipboard: nothing to do when main already copied it, else the
 * async Clipboard API. A refusal (no focus, no permission) becomes a ClientError that says so.
 */
export async function finishCopy(text: string, copiedByMain: boolean): Promise<CopiedBy> {
  if (copiedByMain) return 'main';
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    throw new ClientError(
      'Internal',
      'The clipboard refused the text (the window may not have focus). Click in the window and try again, or select the text and copy it by hand.',
    );
  }
  return 'renderer';
}

/**
 * Copies a snippet main made (URL, curl, HTML form, CSV), named by its id: main copies it when it
 * can (the text does not travel back); else this window copies `text`, the same words it shows.
 */
export async function copySnippet(snippetId: string, text: string): Promise<CopiedBy> {
  const { copiedByMain } = await call(api.share.copySnippet({ snippetId }));
  return finishCopy(text, copiedByMain);
}
