import type { Command } from '../command';
import { auditCommand } from './audit';
import { conflictsCommand } from './conflicts';
import { demoCommand } from './demo';
import { failuresCommand } from './failures';
import { invoicesCommand } from './invoices';
import { gstReportCommand } from './gst-report';
import { reconcileCommand } from './reconcile';
import { paymentsCommand } from './payments';
import { serveCommand } from './serve';
import { simulateCommand } from './simulate';
import { statusCommand } from './status';
import { syncCommand } from './sync';

/** Every subcommand, in the order `sm8sync --help` lists them. */
export const COMMANDS: Command[] = [
  demoCommand,
  simulateCommand,
  syncCommand,
  conflictsCommand,
  failuresCommand,
  invoicesCommand,
  paymentsCommand,
  statusCommand,
  auditCommand,
  reconcileCommand,
  gstReportCommand,
  serveCommand,
];
