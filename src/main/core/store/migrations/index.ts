// Numbered, forward-only migrations. Append a file and a line; never edit an
// applied one. PRAGMA user_version records the last version applied.
import { up as initial } from './001-initial';
import { up as money } from './002-money';
import { up as pairKit } from './003-pair-kit';
import { up as invoiceJobs } from './004-invoice-jobs';
import { up as reconciliation } from './005-reconciliation';
import { up as invoiceChoices } from './006-invoice-choices';
import { up as mirrorKeys } from './007-mirror-keys';
import { up as derivedPaymentIds } from './008-derived-payment-ids';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: initial },
  { version: 2, name: 'money', up: money },
  { version: 3, name: 'pair-kit', up: pairKit },
  { version: 4, name: 'invoice-jobs', up: invoiceJobs },
  { version: 5, name: 'reconciliation', up: reconciliation },
  { version: 6, name: 'invoice-choices', up: invoiceChoices },
  { version: 7, name: 'mirror-keys', up: mirrorKeys },
  { version: 8, name: 'derived-payment-ids', up: derivedPaymentIds },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
