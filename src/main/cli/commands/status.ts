// `sm8sync status`: last sync, links, pending writes, open conflicts, quarantined records.
import { call } from '../../core/app/app-backend';
import { output, type Command } from '../command';
import { openCliApp } from '../open-cli-app';

export const statusCommand: Command = {
  name: 'status',
  summary: 'last sync, counts of links, pending outbox, open conflicts, quarantined records',
  usage: 'sm8sync status [--json]',
  options: {},
  async run(context) {
    const app = openCliApp(context, { looksOnly: true });
    try {
      const status = await call(app.backend, 'getStatus', {});
      const quarantine = await call(app.backend, 'listQuarantine', {});
      output(context, { ...status, quarantine }, () =>
        [
          `State: ${status.state} (${status.headline})`,
          `Last sync: ${status.lastSyncAt ?? 'never'}; last good sync: ${status.lastGoodSyncAt ?? 'never'}`,
          ...status.counts.linked.map((pair) => `Linked ${pair.label.toLowerCase()}: ${pair.count}`),
          `Pending writes: ${status.counts.pendingWrites}; needing attention: ${status.counts.needsAttention}`,
          `Open conflicts: ${status.counts.openConflicts}`,
          `Quarantined records: ${status.counts.quarantined}`,
          ...quarantine.map((q) => `  ${q.side} ${q.object} ${q.recordId}: ${q.reason}`),
          ...(status.lastError ? [`Last error: ${status.lastError}`] : []),
        ].join('\n'),
      );
      return 0;
    } finally {
      app.close();
    }
  },
};
