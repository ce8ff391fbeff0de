// `sm8sync audit [--since ISO]`: every write (and every decision) with before/after values.
import { call } from '../../core/app/app-backend';
import { output, UsageError, type Command } from '../command';
import { openCliApp } from '../open-cli-app';
import { timeWords, type TimeWords } from '../business-zone';
import { readableValue } from '../../core/app/activity-csv';
import { DIRECTION_LABEL, OUTCOME_LABEL } from '../../../shared/labels';
import type { ActivityEntry } from '../../../shared/api';

/** One entry as the Activity screen reads it: when, who, what happened, outcome, what changed; ids last. */
function describeOne(e: ActivityEntry, time: TimeWords): string {
  const what = e.message ?? e.operation.replaceAll('_', ' ');
  const ids = [e.servicem8Id && `ServiceM8 ${e.servicem8Id}`, e.stripeId && `Stripe ${e.stripeId}`].filter(Boolean).join(', ');
  const lines = [
    `${time.at(e.at)} · ${OUTCOME_LABEL[e.outcome]} · ${DIRECTION_LABEL[e.direction]}${e.name ? ` · ${e.name}` : ''}`,
    `  ${what}`,
  ];
  const before = readableValue(e.before);
  const after = readableValue(e.after);
  if (before) lines.push(`  before: ${before}`);
  if (after) lines.push(`  after:  ${after}`);
  if (ids) lines.push(`  ${ids}`);
  return lines.join('\n');
}

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
      const time = context.json ? null : await timeWords(app.backend);
      output(context, entries, () =>
        entries.length === 0
          ? 'No audit entries.'
          : [...entries.map((e) => describeOne(e, time!)), `Times are in ${time!.zone}.`].join('\n'),
      );
      return 0;
    } finally {
      app.close();
    }
  },
};
