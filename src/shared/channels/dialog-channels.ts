import { noInput, returns } from './define';

/** What the dialogs return: the chosen paths, or nothing when the user cancelled. */
export interface DialogResult {
  canceled: boolean;
  paths: string[];
  /** Set when this host cannot show the dialog (the browser host): say what to do instead. */
  unsupported?: string;
}

/** The host's file dialogs; what the user picks is granted to main for reading (or writing, for a download folder). */
export const dialogChannels = {
  'dialogs:chooseFiles': { input: noInput, result: returns<DialogResult>() },
  'dialogs:chooseFolder': { input: noInput, result: returns<DialogResult>() },
  'dialogs:chooseDownloadFolder': { input: noInput, result: returns<DialogResult>() },
} as const;
