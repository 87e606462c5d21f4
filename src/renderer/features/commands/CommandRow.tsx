import type { LiHTMLAttributes } from 'react';

export interface CommandRowProps extends Omit<LiHTMLAttributes<HTMLLIElement>, 'children'> {
  label: string;
  /** A second line: what the command does, or why it cannot run now (the palette). */
  detail?: string | undefined;
  /** Shortcut labels as the table writes them (`acceleratorLabel`), e.g. ["F5", "Ctrl+R"]. */
  keys: readonly string[];
}

/**
 * One command as the palette and the shortcuts sheet show it: its name, an optional second line,
 * and its keys. Both lists render this, so a command looks the same wherever it is listed.
 */
export function CommandRow({ label, detail, keys, className, ...item }: CommandRowProps) {
  return (
    <li {...item} className={className ? `command-row ${className}` : 'command-row'}>
      <span className="command-label">{label}</span>
      {detail !== undefined ? <span className="command-detail">{detail}</span> : null}
      {keys.length > 0 ? (
        <span className="command-keys">
          {keys.map((key) => (
            <kbd key={key} className="command-key" data-accelerator>
              {key}
            </kbd>
          ))}
        </span>
      ) : null}
    </li>
  );
}
