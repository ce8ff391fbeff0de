// `sm8sync failures` lists the writes ServiceM8 or Stripe refused, with their reasons;
// `failures retry ID` sends one again at the next sync, `failures dismiss ID` settles
// it without sending. Both are audited.
import type { FailureView } from '../../../shared/api';
import { call } from '../../core/app/app-backend';
import { SIDE_LABEL } from '../../../shared/labels';
import { output, UsageError, type Command } from '../command';
import { openCliApp } from '../open-cli-app';
import { timeWords, type TimeWords } from '../business-zone';

function describe(failures: FailureView[], time: TimeWords): string {
  if (failures.length === 0) return 'No refused writes.';
  return failures
    .map(
      (f) =>
        `#${f.id} ${f.title} → ${SIDE_LABEL[f.target]}: ${f.what}\n  ${f.reason} (${f.attempts} attempt${f.attempts === 1 ? '' : 's'}, last ${time.at(f.failedAt)})`,
    )
    .join('\n');
}

export const failuresCommand: Command = {
  name: 'failures',
  summary: 'writes an API refused, with its reason; `failures retry ID` or `failures dismiss ID`',
  usage: 'sm8sync failures [--json] | sm8sync failures retry|dismiss ID [--json]',
  options: {},
  allowPositionals: true,
  async run(context, _values, positionals) {
    const [verb, idText, ...extra] = positionals;
    if (verb !== undefined && verb !== 'retry' && verb !== 'dismiss') throw new UsageError(`unknown action "${verb}" (retry or dismiss)`);
    if (verb !== undefined) {
      if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
      if (!idText || !/^\d+$/.test(idText) || Number(idText) <= 0)
        throw new UsageError(`failures ${verb} needs a write id from \`sm8sync failures\` (got ${JSON.stringify(idText ?? '')})`);
    }
    const app = openCliApp(context);
    try {
      if (verb === undefined) {
        const failures = await call(app.backend, 'listFailures', {});
        const time = context.json ? null : await timeWords(app.backend);
        output(context, failures, () => describe(failures, time!));
        return 0;
      }
      const id = Number(idText);
      const result = await call(app.backend, verb === 'retry' ? 'retryFailures' : 'dismissFailures', { ids: [id] });
      const failed = result.failed[0];
      if (failed) {
        context.stderr.write(`sm8sync failures: #${failed.id}: ${failed.reason}\n`);
        return 1;
      }
      output(context, result, () =>
        verb === 'retry' ? `Write #${id} will be sent again at the next sync.` : `Write #${id} dismissed; it will not be sent.`,
      );
      return 0;
    } finally {
      app.close();
    }
  },
};
