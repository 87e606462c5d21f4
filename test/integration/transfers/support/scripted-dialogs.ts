import type { DialogPort } from '../../../../src/main/core/dialogs/dialog-port';

/** Dialogs that answer as a user would have: the given download folder, file picks and save path. */
export function scriptedDialogs(answers: { downloadFolder?: string; files?: string[]; folder?: string; saveFile?: string }): DialogPort {
  const result = (paths: string[] | undefined) =>
    Promise.resolve(paths && paths.length > 0 ? { canceled: false, paths } : { canceled: true, paths: [] });
  return {
    chooseFiles: () => result(answers.files),
    chooseFolder: () => result(answers.folder ? [answers.folder] : undefined),
    chooseDownloadFolder: () => result(answers.downloadFolder ? [answers.downloadFolder] : undefined),
    chooseSaveFile: () => result(answers.saveFile ? [answers.saveFile] : undefined),
  };
}
