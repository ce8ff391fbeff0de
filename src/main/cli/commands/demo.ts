// `sm8sync demo [--once]`: both simulators seeded with a small Sydney trade business,
// one sync, then the UI on 127.0.0.1 with scheduled syncs until Ctrl+C. `--once`
// syncs, prints a summary and exits. The demo keeps its data apart from any real
// account's: in <data dir>/demo, started afresh each time but never while another demo
// runs there (a lock says so); `--once` in a new <data dir>/demo-once-XXXXXX of its own,
// kept for a look, so it never touches a running demo.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SyncResult } from '../../../shared/api';
import { call } from '../../core/app/app-backend';
import type { PairDefinition } from '../../core/sync/engine/pair-definition';
import { PAIR_DEFINITIONS } from '../../core/sync/pair-catalogue';
import { configureLogging } from '../../core/logging/logger';
import { startEngineHost } from '../../core/worker/engine-host';
import { startAppServer } from '../../server/app-server';
import { startServiceM8Simulator } from '../../simulators/servicem8/index';
import { NOTABLE_JOBS } from '../../simulators/servicem8/seed/demo-notable-jobs';
import { startStripeSimulator } from '../../simulators/stripe/index';
import { FileCycleLock } from '../../core/sync/engine/cycle-lock';
import { output, parseIntegerFlag, type Command, type CommandContext } from '../command';
import { hostLogDir, rendererDir, untilAborted } from './serve';

const DEMO_SERVICEM8_KEY = 'sm8-demo-key';
const DEMO_STRIPE_KEY = 'sk_test_sm8syncDemo';
/** The month the demo business's seeded jobs were invoiced in (the ServiceM8 demo seed). */
const DEMO_MONTH = NOTABLE_JOBS['gst-free-line'].invoiceSentAt!.slice(0, 7);
/** In <data dir>, beside demo/: held while an interactive demo runs there. */
const DEMO_LOCK = 'demo.lock';

function summary(result: SyncResult, counts: { conflicts: number; quarantined: number }, pairs: readonly PairDefinition[]): string {
  const lines = result.entities.map((e) => {
    const labels = pairs.find((p) => p.entity === e.entity)?.labels;
    const [stripe, servicem8] = labels ? [labels.stripe, labels.servicem8] : [`Stripe ${e.entity}s`, `ServiceM8 ${e.entity}s`];
    return `${labels?.plural ?? e.entity}: created ${e.created.stripe} ${stripe} and ${e.created.servicem8} ${servicem8}, updated ${e.updated.stripe + e.updated.servicem8}, linked ${e.linked}`;
  });
  lines.push(`${counts.conflicts} conflict(s) wait for a decision; ${counts.quarantined} record(s) quarantined.`);
  if (result.state === 'failed') lines.push(`Sync failed: ${result.error ?? 'unknown error'}`);
  return lines.join('\n');
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'simulators seeded with a small business, a sync, then the UI (--once: sync, print a summary, exit)',
  usage: 'sm8sync demo [--once] [--port N] [--json]',
  options: { once: { type: 'boolean' }, port: { type: 'string' } },
  async run(context, values) {
    const port = parseIntegerFlag('port', values.port, { min: 0, max: 65_535 }) ?? 0;
    mkdirSync(context.dataDir, { recursive: true, mode: 0o700 });
    if (values.once) return runDemo(context, mkdtempSync(path.join(context.dataDir, 'demo-once-')), true, port);
    const running = new FileCycleLock(context.dataDir, DEMO_LOCK);
    const held = running.acquire();
    if (held) {
      const who = held.heldBy > 0 ? ` (process ${held.heldBy})` : '';
      throw new Error(
        `A demo${who} is already running in ${path.join(context.dataDir, 'demo')}. Stop it first, or run this one with --once or another --data-dir.`,
      );
    }
    try {
      const dataDir = path.join(context.dataDir, 'demo');
      rmSync(dataDir, { recursive: true, force: true });
      return await runDemo(context, dataDir, false, port);
    } finally {
      running.release();
    }
  },
};

async function runDemo(context: CommandContext, dataDir: string, once: boolean, port: number): Promise<number> {
  configureLogging({ dir: hostLogDir(dataDir) });
  const servicem8 = await startServiceM8Simulator({ seed: 'demo', rateLimits: 'real' });
  const stripe = await startStripeSimulator({ seed: 'demo', rateLimits: 'real' });
  // The simulator's own ServiceM8 add-on, so Sign in with ServiceM8 can be tried on Connect.
  const env: NodeJS.ProcessEnv = {
    ...context.env,
    SERVICEM8_BASE_URL: servicem8.url,
    STRIPE_BASE_URL: stripe.url,
    SERVICEM8_OAUTH_CLIENT_ID: servicem8.oauthClient.clientId,
    SERVICEM8_OAUTH_BASE_URL: servicem8.url,
  };
  delete env.SERVICEM8_API_KEY;
  delete env.STRIPE_API_KEY;
  delete env.SERVICEM8_OAUTH_CLIENT_SECRET;
  // The engine runs in the sync worker, as in serve; the demo's keys live in its memory only.
  const host = await startEngineHost({
    dataDir,
    logDir: dataDir,
    env,
    secrets: {
      memory: {
        'servicem8.apiKey': DEMO_SERVICEM8_KEY,
        'stripe.apiKey': DEMO_STRIPE_KEY,
        'servicem8.oauthClientSecret': servicem8.oauthClient.clientSecret,
      },
    },
    schedule: once ? null : { firstRunInMs: null },
  }).catch(async (error: unknown) => {
    await Promise.all([servicem8.close(), stripe.close()]);
    throw error;
  });
  try {
    if (!context.json) context.stderr.write(`Demo: ServiceM8 simulator at ${servicem8.url}, Stripe simulator at ${stripe.url}; syncing…\n`);
    const result = await call(host.backend, 'syncNow', { dryRun: false });
    const status = await call(host.backend, 'getStatus', {});
    const counts = { conflicts: status.counts.openConflicts, quarantined: status.counts.quarantined };
    if (once) {
      // A second sync reads back the first one's writes (both sides settle), then what the office
      // manager does at month end: reconcile, and the GST report of the demo's month.
      await call(host.backend, 'syncNow', { dryRun: false });
      const reconciliation = await call(host.backend, 'runReconciliation', {});
      const gst = await call(host.backend, 'exportGstCsv', { month: DEMO_MONTH, all: true });
      const gstFile = path.join(dataDir, 'reports', gst.filename);
      mkdirSync(path.dirname(gstFile), { recursive: true, mode: 0o700 });
      writeFileSync(gstFile, gst.csv, { encoding: 'utf8', mode: 0o600 });
      const findings = reconciliation.findings.length;
      output(
        context,
        { sync: result, status, reconciliation: { reportId: reconciliation.reportId, findings }, gstReport: gstFile, dataDir },
        () =>
          `${summary(result, counts, PAIR_DEFINITIONS)}\nReconciliation: ${findings} finding(s).\nGST report for ${DEMO_MONTH}: ${gstFile}\nData: ${dataDir}`,
      );
      return result.state === 'completed' ? 0 : 1;
    }
    const server = await startAppServer({ backend: host.backend, port, rendererDir: rendererDir(context.env) });
    output(
      context,
      { url: server.url, sync: result },
      () =>
        `${summary(result, counts, PAIR_DEFINITIONS)}\n\nOpen the app (the address carries its access token):\n  ${server.url}\nPress Ctrl+C to stop the demo.`,
    );
    await untilAborted(context.signal);
    await server.close();
    return 0;
  } finally {
    await host.close();
    await Promise.all([servicem8.close(), stripe.close()]);
  }
}
