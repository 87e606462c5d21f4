import type { ReactNode } from 'react';

export interface ScrollableTextProps {
  /** Names the block for screen readers, e.g. "Text of notes.txt". */
  label: string;
  className: string;
  testId?: string;
  children: ReactNode;
}

/**
 * Preformatted text that may scroll (a preview, a policy, a snippet): focusable and named, so a
 * keyboard user can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ScrollableText({ label, className, testId, children }: ScrollableTextProps) {
  return (
    <pre className={className} tabIndex={0} role="region" aria-label={label} data-testid={testId}>
      {children}
    </pre>
  );
}
