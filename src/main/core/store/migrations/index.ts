// Numbered, forward-only migrations. Append a file and a line; never edit an
// applied one. PRAGMA user_version records the last version applied.
import { up as initial } from './001-initial';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', up: initial }];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
