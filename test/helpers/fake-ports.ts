// Small in-test implementations of the ports the app service depends on (the engine
// and connectors live outside this module). They record what they were asked.
import type { ConnectionTester, RunProgress, SyncRunner } from '../../src/main/core/app/ports';
import type { SyncResult } from '../../src/shared/api';
import { PAIR_DEFINITIONS } from '../../src/main/core/sync/pair-catalogue';

export class FakeRunner implements SyncRunner {
  readonly pairs = PAIR_DEFINITIONS;
  calls: { dryRun: boolean; trigger: string }[] = [];
  current: RunProgress | null = null;
  /** What a cycle does to the world before it returns (write audit rows, raise conflicts…). */
  effect: () => void = () => {};
  fail: Error | null = null;
  /** What a cycle reports it read and wrote, per entity (nothing by default: an idle cycle). */
  entities: SyncResult['entities'] = [];

  async runCycle(options: { dryRun: boolean; trigger: 'manual' | 'schedule' | 'resume' | 'cli' | 'startup' }): Promise<SyncResult> {
    this.calls.push(options);
    this.effect();
    await Promise.resolve();
    if (this.fail) throw this.fail;
    const at = new Date().toISOString();
    return {
      runId: this.calls.length,
      dryRun: options.dryRun,
      state: 'completed',
      startedAt: at,
      finishedAt: at,
      entities: this.entities,
      plan: [],
      error: null,
    };
  }

  progress(): RunProgress | null {
    return this.current;
  }

  rateBudget() {
    return { usedLastMinute: 12, perMinute: 180, usedToday: 340, perDay: 20_000 };
  }
}

export class FakeTester implements ConnectionTester {
  /** Keys the fake services accept. */
  accept = new Set<string>();
  tested: string[] = [];

  test(service: 'servicem8' | 'stripe', secret: string) {
    this.tested.push(service);
    const ok = this.accept.has(secret);
    return Promise.resolve({
      service,
      ok,
      message: ok ? 'Connected.' : `Rejected the key ${secret}: 401 Unauthorized`,
      account: ok ? `${service} account` : null,
    });
  }

  endpoint(service: 'servicem8' | 'stripe') {
    return service === 'servicem8' ? 'http://127.0.0.1:1/sm8' : 'http://127.0.0.1:1/stripe';
  }
}
