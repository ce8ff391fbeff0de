// Runs an async function over a list with at most `limit` calls in flight, keeping the
// order of results: a cycle's per-payment lookups (balance transaction, invoice) go out
// in parallel through the connector's own rate budget instead of one by one.
export async function mapLimit<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
