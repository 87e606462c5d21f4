import { Search, X } from 'lucide-react';
import type { KeyboardEvent, Ref } from 'react';

export interface FilterBoxProps {
  value: string;
  onChange: (value: string) => void;
  /** Escape or Enter: hand the keyboard back to the listing. */
  onDone: () => void;
  inputRef: Ref<HTMLInputElement>;
}

/** Filters the open folder by name as you type (Ctrl/Cmd+F focuses it, Escape clears it). */
export function FilterBox({ value, onChange, onDone, inputRef }: FilterBoxProps) {
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      if (value) onChange('');
      else onDone();
    } else if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      onDone();
    }
  }
  return (
    <div className="filter-box">
      <Search size={14} className="filter-icon" aria-hidden="true" />
      <input
        ref={inputRef}
        type="search"
        value={value}
        placeholder="Filter this folder"
        aria-label="Filter this folder by name"
        onChange={(e) => onChange(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        data-testid="listing-filter"
        spellCheck={false}
      />
      {value ? (
        <button
          type="button"
          className="icon-btn filter-clear"
          aria-label="Clear the filter"
          onClick={() => onChange('')}
          data-testid="listing-filter-clear"
        >
          <X size={12} aria-hidden="true" />
        </button>
      ) : null}
    </div>
  );
}
