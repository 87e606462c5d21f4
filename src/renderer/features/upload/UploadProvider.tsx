import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from 'react';
import { api, call } from '../../api/client';
import { toClientError } from '../../api/client-error';
import { useToast } from '../../ui/Toast';
import { captureDrop, resolveDrop, sourcesFromInput, type DroppedSources } from './dropped-sources';
import { UploadSheet } from './UploadSheet';
import { overridesFrom } from './upload-overrides';
import { useUploadFlow, type UploadTarget } from './use-upload-flow';

/** What folders, rows and crumbs call to upload into a place. */
export interface UploadApi {
  /** Call from a `drop` handler (the drop's data is read before it returns). */
  drop(target: UploadTarget, data: DataTransfer): void;
  /** The Upload… button: a native dialog in Electron, the browser's own picker in the browser host. */
  pick(target: UploadTarget, kind: 'files' | 'folder', options?: { clicked: boolean }): void;
}

const UploadContext = createContext<UploadApi | null>(null);

/** Holds the upload flow and its confirm sheet; mount once around the browser. */
export function UploadProvider({ children }: { children: ReactNode }) {
  const flow = useUploadFlow();
  const { begin } = flow;
  const toast = useToast();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const pickTarget = useRef<UploadTarget | null>(null);

  const drop = useCallback(
    (target: UploadTarget, data: DataTransfer) => {
      const captured = captureDrop(data);
      void begin(target, resolveDrop(captured, api.files));
    },
    [begin],
  );

  const pick = useCallback(
    (target: UploadTarget, kind: 'files' | 'folder', options?: { clicked: boolean }) => {
      if (!api.files) {
        // Browser host: no native dialog; the page's own picker, opened within the click.
        const open = () => {
          pickTarget.current = target;
          (kind === 'files' ? filesInput : folderInput).current?.click();
        };
        // A menu command pushed from the host is no click: the browser would refuse the picker
        // silently, so offer a button that opens it within the user's own click.
        if (options?.clicked !== false) open();
        else {
          toast.show({
            title: kind === 'files' ? 'Choose the files to upload.' : 'Choose the folder to upload.',
            actions: [{ label: kind === 'files' ? 'Choose files…' : 'Choose folder…', onClick: open, testId: 'upload-pick-now' }],
            testId: 'upload-pick-toast',
          });
        }
        return;
      }
      void (async () => {
        try {
          const result = await call(kind === 'files' ? api.dialogs.chooseFiles({}) : api.dialogs.chooseFolder({}));
          if (result.unsupported) throw new Error(result.unsupported);
          if (result.canceled || result.paths.length === 0) return;
          const sources: DroppedSources = { kind: 'paths', paths: result.paths, problems: [] };
          await begin(target, Promise.resolve(sources));
        } catch (error) {
          toast.show({ title: 'Could not open the picker.', details: [toClientError(error).message], tone: 'danger' });
        }
      })();
    },
    [begin, toast],
  );

  const onPicked = (list: FileList | null, input: HTMLInputElement) => {
    const target = pickTarget.current;
    pickTarget.current = null;
    if (target && list && list.length > 0) void begin(target, Promise.resolve(sourcesFromInput(list)));
    input.value = '';
  };

  const value = useMemo(() => ({ drop, pick }), [drop, pick]);
  const { state } = flow;
  return (
    <UploadContext.Provider value={value}>
      {children}
      <input
        ref={filesInput}
        type="file"
        multiple
        hidden
        onChange={(e) => onPicked(e.target.files, e.target)}
        data-testid="upload-input-files"
      />
      <input
        ref={folderInput}
        type="file"
        multiple
        hidden
        // React has no typed prop for it; it is a plain attribute in the DOM.
        {...{ webkitdirectory: '' }}
        onChange={(e) => onPicked(e.target.files, e.target)}
        data-testid="upload-input-folder"
      />
      {state.step !== 'idle' ? (
        <UploadSheet
          state={state}
          onClose={flow.close}
          onStart={(plan, conflict, edits) => void flow.start(plan, conflict, overridesFrom(plan.options, edits))}
        />
      ) : null}
    </UploadContext.Provider>
  );
}

/** The upload API of the nearest UploadProvider (null outside one, e.g. in isolated views). */
export function useUpload(): UploadApi | null {
  return useContext(UploadContext);
}
