import { useCallback, useRef, useState } from 'react';
import type { ConflictAction, UploadOverrides, UploadPlan } from '../../../shared/model/transfer';
import { api, call } from '../../api/client';
import { toClientError } from '../../api/client-error';
import { useToast } from '../../ui/Toast';
import { setTransfersPanelOpen } from '../transfers/panel-open';
import type { DroppedSources } from './dropped-sources';
import type { DropProblem } from './entry-walk';
import { stageFiles, type StageProgress } from './stage-files';

/** Where dropped or picked files go. */
export interface UploadTarget {
  connectionId: string;
  bucket: string;
  prefix: string;
}

/** The confirm sheet's steps: preparing (reading, sending to the host, planning), review, failed. */
export type UploadStep =
  | { step: 'idle' }
  | { step: 'preparing'; target: UploadTarget; stage?: StageProgress }
  | { step: 'review'; target: UploadTarget; plan: UploadPlan; problems: DropProblem[]; starting: boolean; startError?: string }
  | { step: 'failed'; target: UploadTarget; message: string; problems: DropProblem[] };

/**
 * One upload from drop (or pick) to a started batch: gather sources, stage them in the browser
 * host, plan in main (walk, conflicts, defaults), let the user confirm, start. Main runs the rest.
 */
export function useUploadFlow() {
  const [state, setState] = useState<UploadStep>({ step: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const toast = useToast();

  const begin = useCallback(async (target: UploadTarget, pending: Promise<DroppedSources>) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const live = () => !controller.signal.aborted;
    setState({ step: 'preparing', target });
    let problems: DropProblem[] = [];
    try {
      const sources = await pending;
      problems = sources.problems;
      let paths: string[];
      if (sources.kind === 'paths') paths = sources.paths;
      else {
        const staged = await stageFiles(
          sources.files,
          (stage) => live() && setState({ step: 'preparing', target, stage }),
          controller.signal,
        );
        problems = [...problems, ...staged.problems];
        paths = staged.roots;
      }
      if (!live()) return;
      if (paths.length === 0) {
        setState({ step: 'failed', target, message: 'Nothing in this drop can be uploaded.', problems });
        return;
      }
      const plan = await call(api.transfers.planUpload({ ...target, paths }));
      if (live()) setState({ step: 'review', target, plan, problems, starting: false });
    } catch (error) {
      if (live()) setState({ step: 'failed', target, message: toClientError(error).message, problems });
    }
  }, []);

  const start = useCallback(
    async (plan: UploadPlan, conflict: ConflictAction, overrides: UploadOverrides | undefined) => {
      setState((s) => (s.step === 'review' ? { ...s, starting: true } : s));
      try {
        const started = await call(api.transfers.startUpload({ planId: plan.planId, conflict, ...(overrides ? { overrides } : {}) }));
        setState({ step: 'idle' });
        setTransfersPanelOpen(true);
        const skipped = started.skipped ? ` (${started.skipped.toLocaleString()} skipped)` : '';
        toast.show({
          title: `Uploading ${started.queued.toLocaleString()} ${started.queued === 1 ? 'file' : 'files'}${skipped}`,
          details: [`To ${plan.bucket}/${plan.prefix}`],
          testId: 'upload-started',
        });
      } catch (error) {
        const message = toClientError(error).message;
        setState((s) => (s.step === 'review' ? { ...s, starting: false, startError: message } : s));
      }
    },
    [toast],
  );

  const close = useCallback(() => {
    abort.current?.abort();
    abort.current = null;
    setState({ step: 'idle' });
  }, []);

  return { state, begin, start, close };
}
