import { Button } from '../../ui/Button';
import { usePublicAccess, type ObjectRefProps } from './use-object-editor';

/** "Anyone with the URL can read this: yes / no", from a real anonymous request, with the reason. */
export function PublicAnswer(props: ObjectRefProps) {
  const answer = usePublicAccess(props);
  const value = answer.data;
  return (
    <div className="public-answer" data-testid="public-answer" data-public={value ? String(value.publicRead) : 'unknown'}>
      <p>
        Anyone with the URL can read this:{' '}
        <strong data-testid="public-answer-value">
          {answer.isPending ? 'checking…' : answer.isError ? 'unknown' : value?.publicRead ? 'yes' : 'no'}
        </strong>
      </p>
      {value ? (
        <p className="inspector-none" data-testid="public-answer-reason">
          {value.reason}
        </p>
      ) : null}
      {answer.isError ? <p className="field-error">{answer.error.message}</p> : null}
      <Button variant="ghost" onClick={() => void answer.refetch()} busy={answer.isFetching} data-testid="public-answer-recheck">
        Check again
      </Button>
    </div>
  );
}
