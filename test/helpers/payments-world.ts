// The payments pair's end-to-end world, shared by the payments engine tests: both
// simulators in-process (closed after each test), a fresh store, the engine with the
// stand-in invoices pair, and the steps every scenario starts from: sync (which must
// complete) and a new invoiced job registered with the stand-in.
import { afterEach, expect } from 'vitest';
import { Store } from '../../src/main/core/store/store';
import type { SettingsInput } from '../../src/shared/settings';
import { buildPaymentsEngine, type InvoicePairing } from './payments-engine';
import { PaymentSims } from './payments-sims';

export type PaymentWorld = Awaited<ReturnType<ReturnType<typeof usePaymentWorlds>>>;

/** A world per call, its simulators closed after the test; `tempDir` gives the store's folder. */
export function usePaymentWorlds(tempDir: () => string) {
  const open: PaymentSims[] = [];
  afterEach(async () => {
    for (const sims of open.splice(0)) await sims.close();
  });
  return async (settings: SettingsInput = {}) => {
    const sims = await PaymentSims.start();
    open.push(sims);
    const store = Store.open(tempDir());
    const registered: InvoicePairing[] = [];
    const { engine } = buildPaymentsEngine({ store, servicem8Url: sims.sm8Sim.url, stripeUrl: sims.stripeSim.url, settings, registered });
    const sync = async () => {
      const result = await engine.runCycle({ dryRun: false, trigger: 'cli' });
      expect(result.state, result.error ?? '').toBe('completed');
      return result;
    };
    /** A new job invoiced on both sides, linked by the stand-in invoices pair at the next sync. */
    const invoice = async (cents: number) => {
      const pairing = await sims.addInvoice(cents);
      registered.push(pairing);
      return pairing;
    };
    return { sims, store, sync, invoice, register: (pairing: InvoicePairing) => registered.push(pairing) };
  };
}
