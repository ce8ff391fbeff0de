// `sm8sync audit [--since ISO]`: every write (and every decision) with before/after values.
import { call } from '../../core/app/app-backend';
import { output, UsageError, type Command } from '../command';
import { openCliApp } from '../open-cli-app';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'the audit log: every write and decision with before/after values',
  usage: 'sm8sync audit [--since ISO-8601] [--json]',
  options: { since: { type: 'string' } },
  async run(context, values) {
    const since = values.since;
    if (since !== undefined && (typeof since !== 'string' || Number.isNaN(Date.parse(since))))
      throw new UsageError(`--since must be an ISO-8601 time such as 2026-11-01T00:00:00Z (got ${JSON.stringify(since)})`);
    const app = openCliApp(context);
    try {
      const entries = await call(app.backend, 'listActivity', { limit: 5000, ...(since ? { since: new Date(since).toISOString() } : {}) });
      output(context, entries, () =>
        entries.length === 0
          ? 'No audit entries.'
          : entries
              .map(
                (e) =>
                  `${e.at} ${e.outcome.padEnd(7)} ${e.direction} ${e.entity} ${e.operation} sm8=${e.servicem8Id ?? '-'} stripe=${e.stripeId ?? '-'}${e.message ? ` — ${e.message}` : ''}\n  before: ${JSON.stringify(e.before)}\n  after:  ${JSON.stringify(e.after)}`,
              )
              .join('\n'),
      );
      return 0;
    } finally {
      app.close();
    }
  },
};
