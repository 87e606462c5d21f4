import { useCallback } from 'react';
import { api, call } from '../../api/client';
import { toClientError } from '../../api/client-error';
import { useToast, type ToastAction } from '../../ui/Toast';
import { maxLinksPerCall } from '../../../shared/channels/share-channels';
import { finishCopy } from './clipboard';
import type { ObjectTarget } from './link-form';
import { clipboardRefusedMessage, copiedLinkMessage, copiedLinksMessage } from './link-messages';
import type { KeysTarget } from './share-context';
import { useAfterIssue } from './share-queries';

export interface OneClickOptions {
  openLinkDialog: (target: ObjectTarget) => void;
  openLinksDialog: (target: KeysTarget) => void;
}

/**
 * "Copy link" without a dialog: main signs with the last expiry used on the connection (no
 * expiry sent) and copies if it can; otherwise this window does. A toast says until when, why
 * if a limit shortened it, any warning, and offers "Options…" for the full dialog.
 */
export function useOneClickCopy({ openLinkDialog, openLinksDialog }: OneClickOptions) {
  const toast = useToast();
  const afterIssue = useAfterIssue();

  const copyLink = useCallback(
    (target: ObjectTarget) => {
      const options: ToastAction = { label: 'Options…', onClick: () => openLinkDialog(target), testId: 'share-toast-options' };
      void (async () => {
        try {
          const result = await call(api.share.link({ ...target, copy: true }));
          afterIssue(target.connectionId);
          try {
            await finishCopy(result.url, result.copiedByMain);
          } catch {
            toast.show({
              title: clipboardRefusedMessage,
              details: [result.url],
              tone: 'warning',
              actions: [options],
              testId: 'share-toast',
            });
            return;
          }
          const message = copiedLinkMessage(result);
          toast.show({ ...message, tone: result.warning ? 'warning' : 'success', actions: [options], testId: 'share-toast' });
        } catch (error) {
          toast.show({
            title: 'The link could not be created.',
            details: [toClientError(error).message],
            tone: 'danger',
            actions: [options],
            testId: 'share-toast',
          });
        }
      })();
    },
    [toast, afterIssue, openLinkDialog],
  );

  const copyLinks = useCallback(
    (target: KeysTarget) => {
      const options: ToastAction = { label: 'Options…', onClick: () => openLinksDialog(target), testId: 'share-toast-options' };
      if (target.keys.length > maxLinksPerCall) {
        toast.show({
          title: `At most ${maxLinksPerCall.toLocaleString()} links at once; select fewer files.`,
          tone: 'warning',
          testId: 'share-toast',
        });
        return;
      }
      void (async () => {
        try {
          const result = await call(api.share.links({ ...target, keys: [...target.keys], copy: 'text' }));
          afterIssue(target.connectionId);
          try {
            await finishCopy(result.text, result.copiedByMain);
          } catch {
            toast.show({ title: clipboardRefusedMessage, tone: 'warning', actions: [options], testId: 'share-toast' });
            return;
          }
          const message = copiedLinksMessage(result, 'text');
          toast.show({ ...message, tone: result.warnings > 0 ? 'warning' : 'success', actions: [options], testId: 'share-toast' });
        } catch (error) {
          toast.show({
            title: 'The links could not be created.',
            details: [toClientError(error).message],
            tone: 'danger',
            actions: [options],
            testId: 'share-toast',
          });
        }
      })();
    },
    [toast, afterIssue, openLinksDialog],
  );

  return { copyLink, copyLinks };
}
