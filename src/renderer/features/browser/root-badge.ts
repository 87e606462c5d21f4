import type { RootKind } from '../../../shared/model/roots';

/** Words the UI uses for each root, so the badge reads the same everywhere. */
export const rootBadgeText: Record<RootKind, string> = {
  public: 'Public — served to the world',
  private: 'Private — never public',
};
