import { nameParts } from './name-parts';

/**
 * A name or key exactly as stored, with invisible parts (edge spaces, control, bidi and zero-width
 * characters) made visible, in its own direction-isolated run (<bdi>) so a right-to-left name
 * cannot reorder the text around it. Every place that shows a key or a name uses this.
 */
export function RowName({ name, className, testId }: { name: string; className?: string; testId?: string }) {
  const parts = nameParts(name);
  return (
    <bdi className={['row-name', className].filter(Boolean).join(' ')} data-testid={testId}>
      {parts.map((part, index) =>
        part.kind === 'text' ? (
          part.text
        ) : part.kind === 'note' ? (
          <span key={index} className="name-note" data-testid="name-note">
            {' '}
            {part.text}
          </span>
        ) : (
          <span key={index} className="name-mark" title={part.title} aria-label={part.title} data-testid="name-mark">
            {part.text}
          </span>
        ),
      )}
    </bdi>
  );
}
