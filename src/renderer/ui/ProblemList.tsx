import type { ReactNode } from 'react';

/** One item a plan leaves out, and why. */
export interface Problem {
  path: string;
  message: string;
}

export interface ProblemListProps {
  heading: ReactNode;
  problems: readonly Problem[];
  testId: string;
}

/** The items a transfer plan leaves out, each with its reason, under one heading. */
export function ProblemList({ heading, problems, testId }: ProblemListProps) {
  return (
    <div className="failure-list" data-testid={testId}>
      <p className="failure-heading">{heading}</p>
      <ul>
        {problems.map((p) => (
          <li key={p.path}>
            <code className="failure-key">{p.path}</code>
            <span className="failure-message">{p.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
