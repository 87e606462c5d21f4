import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'public' | 'private' | 'success' | 'danger';

/** A small pill of text. Tone adds colour, but the words always carry the meaning too. */
export function Badge({ tone = 'neutral', title, children }: { tone?: BadgeTone; title?: string; children: ReactNode }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}
