import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'public' | 'private' | 'success' | 'danger';

/** A small pill of text. Tone adds colour, but the words always carry the meaning too. */
export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
