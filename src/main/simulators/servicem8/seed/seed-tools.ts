// Deterministic helpers for seed data: uuids, picks and valid ABNs from one seeded PRNG,
// so that every run of `--seed demo` produces the same account.
import { createHash } from 'node:crypto';
import { seededRandom } from '../../shared/random';

export interface SeedRandom {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  uuid(): string;
}

export function seedRandom(seed: number): SeedRandom {
  const next = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    uuid() {
      const hex = Array.from({ length: 32 }, () => int(0, 15).toString(16)).join('');
      // Shaped as a version-4 uuid, as ServiceM8's are.
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
}

const ABN_WEIGHTS = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];

/** True when an 11-digit ABN passes the ATO checksum (first digit minus 1, weights, mod 89). */
export function isValidAbn(abn: string): boolean {
  const digits = abn.replace(/\s/g, '');
  if (!/^\d{11}$/.test(digits)) return false;
  const sum = [...digits].reduce((total, char, index) => total + (Number(char) - (index === 0 ? 1 : 0)) * ABN_WEIGHTS[index]!, 0);
  return sum % 89 === 0;
}

/** A checksum-valid ABN formatted "NN NNN NNN NNN". */
export function makeAbn(random: SeedRandom): string {
  for (;;) {
    const tail = Array.from({ length: 9 }, () => random.int(0, 9)).join('');
    for (let lead = 10; lead <= 99; lead += 1) {
      const digits = `${lead}${tail}`;
      if (isValidAbn(digits)) return `${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5, 8)} ${digits.slice(8)}`;
    }
  }
}

/** Australian numbers in the mixed formats people type: 0412 345 678, +61 2 9876 5432, (02) 9876-5432, 0298765432. */
export function formatPhone(random: SeedRandom, mobile: boolean): string {
  if (mobile) {
    const [a, b, c] = [random.int(10, 99), random.int(100, 999), random.int(100, 999)];
    return random.pick([`04${a} ${b} ${c}`, `+61 4${a} ${b} ${c}`, `04${a}${b}${c}`]);
  }
  const [a, b] = [random.int(8000, 9999), random.int(1000, 9999)];
  return random.pick([`+61 2 ${a} ${b}`, `(02) ${a}-${b}`, `02${a}${b}`, `02 ${a} ${b}`]);
}

/** A uuid (version-4 shaped) that depends only on its parts, so a record's uuid does not move when the seed's order changes. */
export function stableUuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('|')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16]!, 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
