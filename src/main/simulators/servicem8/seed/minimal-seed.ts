import type { SimulatorStore } from '../store';
import { seedAccount } from './account-seed';

/** `--seed none`: an empty account (vendor and tax rates only, as every real account has). */
export function seedMinimal(store: SimulatorStore, now: () => Date): void {
  seedAccount(store, now(), { name: 'Simulated Trades Pty Ltd', abn: '', email: 'office@example.com.au' });
}
