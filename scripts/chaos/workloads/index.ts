// Every pair's workload: the harness runs and compares whatever this list holds, in
// this order (the sync's own order: clients, then invoices, then payments).
import type { PairWorkload } from '../workload';
import { clientsWorkload } from './clients';
import { invoicesWorkload } from './invoices';
import { paymentsWorkload } from './payments';

export const WORKLOADS: PairWorkload[] = [clientsWorkload, invoicesWorkload, paymentsWorkload];
