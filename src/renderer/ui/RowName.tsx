import { nameParts } from './name-parts';

/** A name exactly as stored, with invisible parts (edge spaces, control characters) made visible. */
export function RowName({ name, className }: { name: string; className?: string }) {
  const parts = nameParts(name);
  return (
    <span className={['row-name', className].filter(Boolean).join(' ')}>
      {parts.map((part, index) =>
        part.kind === 'text' ? (
          part.text
        ) : (
          <span key={index} className="name-mark" title={part.title} aria-label={part.title} data-testid="name-mark">
            {part.text}
          </span>
        ),
      )}
    </span>
  );
}
