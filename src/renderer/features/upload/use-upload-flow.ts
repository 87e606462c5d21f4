import { useCallback, useRef, useState } from 'react';
import type { ConflictAction, TransferBatchView, UploadOverrides, UploadPlan } from '../../../shared/model/transfer';
import { api, call } from '../../api/client';
import { toClientError } from '../../api/client-error';
import { useToast, type ToastInput } from '../../ui/Toast';
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
      // Listen before starting: a small batch can finish before startUpload's answer arrives.
      const finished = new Map<string, TransferBatchView>();
      let onFinished: ((batch: TransferBatchView) => void) | null = null;
      const stop = api.events.transfersBatchFinished(({ batch }) => {
        finished.set(batch.id, batch);
        onFinished?.(batch);
      });
      try {
        const started = await call(api.transfers.startUpload({ planId: plan.planId, conflict, ...(overrides ? { overrides } : {}) }));
        setState({ step: 'idle' });
        setTransfersPanelOpen(true);
        const skipped = started.skipped ? ` (${started.skipped.toLocaleString()} skipped)` : '';
        const to = `To ${plan.bucket}/${plan.prefix}`;
        const id = toast.show({ title: `Uploading ${filesText(started.queued)}${skipped}`, details: [to], testId: 'upload-toast' });
        // The progress toast turns into the outcome when the batch is done, instead of lingering.
        const settle = (batch: TransferBatchView) => {
          if (batch.id !== started.batchId) return;
          stop();
          toast.update(id, uploadOutcomeToast(batch, to));
        };
        onFinished = settle;
        const early = finished.get(started.batchId);
        if (early) settle(early);
        if (started.queued === 0) stop();
      } catch (error) {
        stop();
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

function filesText(n: number): string {
  return `${n.toLocaleString()} ${n === 1 ? 'file' : 'files'}`;
}

/** The finished state of the upload toast: all uploaded, or how many failed (the panel has them). */
export function uploadOutcomeToast(batch: TransferBatchView, to: string): ToastInput {
  const { done, failed, cancelled } = batch.counts;
  if (failed > 0) {
    return {
      title: `Uploaded ${done.toLocaleString()} of ${filesText(batch.itemCount)}: ${failed.toLocaleString()} failed`,
      details: [to, 'See Transfers to retry.'],
      tone: 'danger',
      testId: 'upload-toast',
    };
  }
  const stopped = cancelled > 0 ? ` (${cancelled.toLocaleString()} cancelled)` : '';
  return { title: `Uploaded ${filesText(done)}${stopped}`, details: [to], tone: 'success', testId: 'upload-toast' };
}
