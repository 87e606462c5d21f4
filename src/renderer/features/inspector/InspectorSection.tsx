import type { ReactNode } from 'react';

/** A titled block of the inspector. */
export function InspectorSection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="inspector-section" data-testid={testId}>
      <h3 className="inspector-heading">{title}</h3>
      {children}
    </section>
  );
}
