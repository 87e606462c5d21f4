import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';

export interface CopyButtonProps {
  text: string;
  /** What is being copied, for the accessible name ("Copy public URL"). */
  label: string;
  testId?: string;
}

/**
 * Copies text with the async Clipboard API and says so for two seconds; if the clipboard is
 * refused (no permission, not focused) it says that instead of failing silently.
 */
export function CopyButton({ text, label, testId }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  const name = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text and copy it by hand' : label;
  return (
    <button
      type="button"
      className={`icon-btn copy-btn is-${state}`}
      aria-label={name}
      title={name}
      onClick={() => {
        navigator.clipboard.writeText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        );
      }}
      data-testid={testId}
      data-state={state}
    >
      {state === 'copied' ? <Check size={14} aria-hidden="true" /> : <Copy size={14} aria-hidden="true" />}
    </button>
  );
}
