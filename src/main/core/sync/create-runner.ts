// PLACEHOLDER: replaced by the sync engine.
// Keeps the signature the app service wires against, so `serve`, the tray app and the
// UI can be built and tested before the engine merges. Every cycle fails clearly.
import type { SettingsPort } from '../app/settings-port';
import { AppError } from '../app/app-backend';
import type { SyncRunner } from '../app/ports';
import type { SecretStore } from '../secrets/secret-store';
import type { Store } from '../store/store';

export function createSyncRunner(_deps: { store: Store; settings: SettingsPort; secrets: SecretStore; env: NodeJS.ProcessEnv }): SyncRunner {
  return {
    runCycle: () => Promise.reject(new AppError('failed', 'the sync engine is not part of this build yet')),
    progress: () => null,
    rateBudget: () => ({ usedLastMinute: 0, perMinute: 180, usedToday: 0, perDay: 20_000 }),
  };
}
