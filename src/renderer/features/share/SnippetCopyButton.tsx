import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { toClientError } from '../../api/client-error';
import { Button } from '../../ui/Button';
import { copySnippet } from './clipboard';

export interface SnippetCopyButtonProps {
  /** The snippet's id in main (`snippetIds` of the result); main copies it by id. */
  snippetId: string;
  /** The same text, copied here when main has no clipboard (browser host). */
  text: string;
  /** The button's words, e.g. "Copy curl command". */
  label: string;
  testId: string;
}

/**
 * Copies a snippet the app made (URL, curl command, HTML form): through main's clipboard when
 * the host has one, else this window's. Says "Copied" for two seconds, or why it failed.
 */
export function SnippetCopyButton({ snippetId, text, label, testId }: SnippetCopyButtonProps) {
  const [state, setState] = useState<{ kind: 'idle' | 'copied' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  useEffect(() => {
    if (state.kind !== 'copied') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <span className="snippet-copy">
      <Button
        icon={state.kind === 'copied' ? <Check size={14} /> : <Copy size={14} />}
        onClick={() => {
          copySnippet(snippetId, text).then(
            () => setState({ kind: 'copied' }),
            (error: unknown) => setState({ kind: 'failed', message: toClientError(error).message }),
          );
        }}
        data-testid={testId}
        data-state={state.kind}
      >
        {state.kind === 'copied' ? 'Copied' : label}
      </Button>
      {state.kind === 'failed' ? (
        <span className="field-error" role="alert">
          {state.message}
        </span>
      ) : null}
    </span>
  );
}
