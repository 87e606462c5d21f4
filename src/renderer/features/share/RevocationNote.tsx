import { revocationExplanation } from '../../../shared/model/share';

/**
 * Why there is no "revoke" button and what works instead. Collapsed to its headline in dialogs
 * (`collapsed`), spelled out in full where links are reviewed (the ledger).
 */
export function RevocationNote({ text = revocationExplanation, collapsed = false }: { text?: string; collapsed?: boolean }) {
  if (!collapsed) {
    return (
      <div className="revocation-note" role="note" data-testid="share-revocation">
        <p className="revocation-title">A link cannot be revoked early</p>
        <p>{text}</p>
      </div>
    );
  }
  return (
    <details className="revocation-note" data-testid="share-revocation">
      <summary>This link cannot be revoked early — what you can do instead</summary>
      <p>{text}</p>
    </details>
  );
}
