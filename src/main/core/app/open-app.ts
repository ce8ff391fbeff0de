// Wires one running app from a data dir: store, settings, secrets, events, the app
// service and its validating backend. The sync worker (which the Electron shell,
// `serve` and `demo` start) and the one-shot CLI commands all start here; the engine supplies `runner` and `connections` (or factories for them,
// since the runner needs the store and secrets this function opens).
import { createLogger } from '../logging/logger';
import { EnvSecretStore } from '../secrets/env-secret-store';
import { KeytarSecretStore } from '../secrets/keytar-secret-store';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { withRedaction, type SecretStore } from '../secrets/secret-store';
import { SettingsFile } from '../settings/settings-file';
import { Store } from '../store/store';
import { createBackend, EventHub, type AppBackend } from './app-backend';
import { createAppService, type AppService } from './app-service';
import type { ConnectionTester, SyncRunner } from './ports';
import { layeredSecretStore } from './secret-sources';
import { settingsFilePort, type SettingsPort } from './settings-port';
import { previewableSettings } from './settings-preview';

const log = createLogger('app/open');

export interface RunnerDeps {
  store: Store;
  settings: SettingsPort;
  secrets: SecretStore;
  env: NodeJS.ProcessEnv;
}

export interface OpenAppOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  runner: SyncRunner | ((deps: RunnerDeps) => SyncRunner);
  connections: ConnectionTester;
  /** Defaults to the JSON settings file in the data dir (settings.json, which the tray app uses too). */
  settings?: SettingsPort;
  /** Defaults to env-over-keychain; `memory` keeps secrets in process only (demo, tests). */
  secrets?: SecretStore | 'keychain' | 'memory';
  clock?: () => Date;
  nextSyncAt?: () => Date | null;
  /** Open the data folder's database read-only (an in-memory copy): for looking at a folder sm8sync cannot write. */
  readOnly?: boolean;
}

export interface OpenedApp {
  store: Store;
  settings: SettingsPort;
  secrets: SecretStore;
  runner: SyncRunner;
  events: EventHub;
  service: AppService;
  backend: AppBackend;
  close(): void;
}

/**
 * A keychain that cannot be read (no Secret Service on a headless box) counts as
 * empty, so env-var setups still work; saving to it still fails with a clear message.
 */
function tolerantReads(store: SecretStore): SecretStore {
  let warned = false;
  return {
    kind: store.kind,
    writable: store.writable,
    async get(name) {
      try {
        return await store.get(name);
      } catch (error) {
        if (!warned) log.warn({ err: error }, 'the OS keychain cannot be read; using environment secrets only');
        warned = true;
        return null;
      }
    },
    set: (name, value) => store.set(name, value),
    delete: (name) => store.delete(name),
  };
}

/** Env vars win (headless use); otherwise the OS keychain, or memory when asked. */
export function defaultSecrets(env: NodeJS.ProcessEnv, choice: 'keychain' | 'memory' = 'keychain'): SecretStore {
  const writable = choice === 'memory' ? new MemorySecretStore() : tolerantReads(new KeytarSecretStore());
  return layeredSecretStore(withRedaction(new EnvSecretStore(env)), withRedaction(writable));
}

export function openApp(options: OpenAppOptions): OpenedApp {
  const store = Store.open(options.dataDir, { clock: options.clock, readOnly: options.readOnly === true });
  try {
    const interrupted = store.runs.markInterrupted();
    if (interrupted) log.warn({ interrupted }, 'marked runs left running by a crash as interrupted');
    const settings = previewableSettings(options.settings ?? settingsFilePort(new SettingsFile(options.dataDir)));
    settings.get(); // fail fast, with the field named, on an invalid settings file
    const secrets = typeof options.secrets === 'object' ? options.secrets : defaultSecrets(options.env, options.secrets);
    const runner = typeof options.runner === 'function' ? options.runner({ store, settings, secrets, env: options.env }) : options.runner;
    const events = new EventHub();
    const service = createAppService({
      store,
      settings,
      secrets,
      runner,
      connections: options.connections,
      events,
      clock: options.clock,
      nextSyncAt: options.nextSyncAt,
      preview: settings,
      env: options.env,
    });
    return { store, settings, secrets, runner, events, service, backend: createBackend(service, events), close: () => store.close() };
  } catch (error) {
    store.close();
    throw error;
  }
}
