/**
 * Where the host writes the log and how it shows that folder: Electron opens it in the file
 * manager (`shell.openPath`); the browser host cannot, so it only answers with the path.
 */
export interface LogsPort {
  /** The logs folder (Electron), or a description of where lines go (the browser host: standard error). */
  location: string;
  /** Opens the folder in the OS file manager; false when this host cannot. */
  reveal(): Promise<boolean>;
}

export const noLogsFolder: LogsPort = { location: 'standard error', reveal: () => Promise.resolve(false) };
