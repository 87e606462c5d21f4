import { ErrorBanner } from '../../ui/ErrorBanner';
import { LoadingState } from '../../ui/LoadingState';
import { AclEditor } from './AclEditor';
import { HeaderEditor } from './HeaderEditor';
import { InspectorSection } from './InspectorSection';
import { PublicAnswer } from './PublicAnswer';
import { useEditorState, type ObjectRefProps } from './use-object-editor';

/** The inspector's editing block: who can read it (answered for real), its ACL, its headers. */
export function ObjectEditSection(ref: ObjectRefProps) {
  const state = useEditorState(ref);
  return (
    <>
      <InspectorSection title="Who can read it" testId="inspector-public-answer">
        <PublicAnswer {...ref} />
      </InspectorSection>
      <InspectorSection title="Edit" testId="inspector-edit">
        {state.isPending ? (
          <LoadingState label="Reading headers and ACL…" />
        ) : state.isError ? (
          <ErrorBanner title="Could not read what to edit." message={state.error.message} testId="editor-error" />
        ) : (
          // Keyed by ETag: after a save the editors start again from what the object now has.
          <div key={state.data.etag}>
            <h4 className="inspector-subheading">ACL</h4>
            <AclEditor key={JSON.stringify(state.data.acl)} {...ref} acl={state.data.acl} />
            <h4 className="inspector-subheading">Headers</h4>
            <HeaderEditor {...ref} state={state.data} />
          </div>
        )}
      </InspectorSection>
    </>
  );
}
