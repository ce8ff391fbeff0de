// `node scripts/bench-gst.mjs`: times the month-end GST report over 10,000 invoices of
// a month (goal < 1 s) straight from the TypeScript sources (through tsx), printing the
// figure, the core count and one JSON line. GST_BENCH_JOBS changes the size.
import { register } from 'tsx/esm/api';

register();
await import('./bench/gst-report.ts');
