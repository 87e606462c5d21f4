import { defaultAppSettings, type AppSettings, type AppSettingsPatch, type SettingsView } from '../../../shared/model/settings';
import type { SqlDatabase } from '../store/sql-port';
import { SettingsStore } from './settings-store';

export interface SettingsServiceOptions {
  db: SqlDatabase;
  /** Where the data folder is and how a user moves it (the host knows: an env var, a flag). */
  dataFolder: SettingsView['dataFolder'];
  /** Where log lines go (the logs folder in Electron, standard error in the browser host). */
  logsLocation: string;
}

/** Told which settings changed, with their new values, right after they are stored. */
export type SettingsListener = (changed: AppSettingsPatch, all: AppSettings) => void;

/**
 * The app-wide settings: read and written through `SettingsStore`, and applied without a restart
 * by the services that subscribed (the transfer engine, share's default expiry). Inputs arrive
 * already validated by the contract's schema (`settings:set`); this only merges, stores and tells.
 */
export class SettingsService {
  private readonly store: SettingsStore;
  private readonly listeners = new Set<SettingsListener>();
  private current: AppSettings;

  constructor(private readonly options: SettingsServiceOptions) {
    this.store = new SettingsStore(options.db);
    this.current = this.store.all();
  }

  get settings(): AppSettings {
    return this.current;
  }

  /** What the user changed from the defaults (applied once at start-up). */
  stored(): AppSettingsPatch {
    return this.store.stored();
  }

  view(): SettingsView {
    return {
      settings: this.current,
      defaults: defaultAppSettings,
      dataFolder: this.options.dataFolder,
      logs: { location: this.options.logsLocation },
    };
  }

  update(patch: AppSettingsPatch): SettingsView {
    this.store.save(patch);
    this.current = this.store.all();
    for (const listener of this.listeners) listener(patch, this.current);
    return this.view();
  }

  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
