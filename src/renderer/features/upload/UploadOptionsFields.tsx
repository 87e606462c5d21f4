import type { ResolvedUploadOptions, UploadAcl } from '../../../shared/model/transfer';
import { Field } from '../../ui/Field';
import { aclDescription, cacheControlProblem, contentTypeProblem, type UploadEdits } from './upload-overrides';

export interface UploadOptionsFieldsProps {
  options: ResolvedUploadOptions;
  edits: UploadEdits;
  onChange: (edits: UploadEdits) => void;
  onEditDefaults: () => void;
}

const rootWords = {
  public: 'public/ (served to the world)',
  private: 'private/ (never public)',
  other: 'outside the public and private folders',
} as const;

/** The headers this upload gets, from the connection's defaults for the destination root; editable for this upload. */
export function UploadOptionsFields({ options, edits, onChange, onEditDefaults }: UploadOptionsFieldsProps) {
  const aclsDisabled = options.aclSupport === 'disabled';
  return (
    <fieldset className="form-section upload-options" data-testid="upload-options" data-root={options.root} data-acl={edits.acl}>
      <legend>Settings for {rootWords[options.root]}</legend>
      <Field id="upload-acl" label="Who can read" hint={aclDescription(edits.acl, aclsDisabled)}>
        {(control) => (
          <select
            {...control}
            value={aclsDisabled ? 'bucket-default' : edits.acl}
            disabled={aclsDisabled}
            onChange={(e) => onChange({ ...edits, acl: e.target.value as UploadAcl })}
            data-testid="upload-acl"
          >
            <option value="public-read">Public (public-read ACL)</option>
            <option value="private">Private (private ACL)</option>
            <option value="bucket-default">The bucket policy or CDN decides (no ACL)</option>
          </select>
        )}
      </Field>
      <Field
        id="upload-cache"
        label="Cache-Control"
        hint="Leave empty to send none."
        error={cacheControlProblem(edits.cacheControl) ?? undefined}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            value={edits.cacheControl}
            placeholder="none"
            onChange={(e) => onChange({ ...edits, cacheControl: e.target.value })}
            data-testid="upload-cache-control"
          />
        )}
      </Field>
      <Field
        id="upload-type"
        label="Content type"
        hint="Empty: detected per file from its extension, then its first bytes."
        error={contentTypeProblem(edits.contentType) ?? undefined}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            value={edits.contentType}
            placeholder="Detect per file"
            onChange={(e) => onChange({ ...edits, contentType: e.target.value })}
            data-testid="upload-content-type"
          />
        )}
      </Field>
      {options.notes.map((note) => (
        <p key={note} className="field-hint" data-testid="upload-note">
          {note}
        </p>
      ))}
      <button type="button" className="link-button" onClick={onEditDefaults} data-testid="upload-edit-defaults">
        Change this connection’s upload defaults…
      </button>
    </fieldset>
  );
}
