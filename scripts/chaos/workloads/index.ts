// Every pair's workload. The invoices and payments pairs add theirs here (one line each)
// once they exist: the harness runs and compares whatever this list holds.
import type { PairWorkload } from '../workload';
import { clientsWorkload } from './clients';

export const WORKLOADS: PairWorkload[] = [clientsWorkload];
