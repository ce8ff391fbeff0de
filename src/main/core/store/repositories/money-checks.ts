// Money rows refuse what is not whole cents before SQLite sees it, with the record named.
export type MoneySide = 'servicem8' | 'stripe';

export function checkCents(what: string, amounts: Record<string, number>): void {
  for (const [name, value] of Object.entries(amounts)) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${what}: ${name} must be whole cents, got ${value}`);
  }
}
