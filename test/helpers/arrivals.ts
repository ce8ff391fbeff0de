/** The most requests that arrived within any `ms`-long window (arrival times sorted). */
export function maxInWindow(arrivals: number[], ms: number): number {
  let max = 0;
  for (let start = 0, end = 0; end < arrivals.length; end += 1) {
    while (arrivals[end]! - arrivals[start]! >= ms) start += 1;
    max = Math.max(max, end - start + 1);
  }
  return max;
}
