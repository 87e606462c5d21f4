import { userInfo } from 'node:os';

/** The OS account issuing a link, for the ledger; falls back when the account has no passwd entry. */
export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
