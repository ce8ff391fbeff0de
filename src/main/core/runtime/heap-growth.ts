// How far V8 lets a heap grow past its live data before it collects again. Left to
// itself, on a machine with gigabytes of memory, V8 lets the old generation grow to
// four times what survived the last full collection, so a first sync of 10,000
// clients and 20,000 invoices, whose live data stays under 150 MB, held 588 MiB of
// resident memory, most of it garbage V8 had not yet bothered to collect.
// A growing factor of 1.3 keeps the process near its live size. At 1.5 the extra
// collections cost no measurable CPU (a CLI sync of 5,000 clients and 10,000 invoices:
// 44.2 s of CPU with the limit, 46.0 s without; peak RSS 313 MiB with it, 392 MiB
// without); through serve at 10,000 clients and 20,000 invoices, 1.5 peaked at 391 MiB
// and 1.3 at 369 MiB. Unlike a
// cap on the heap (--max-old-space-size), it never makes a bigger account's sync run
// out of memory.
// V8 reads the flag at every collection, so setting it at start-up covers the
// process's own heap and the sync worker's, which starts later.
import v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 30;

export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
