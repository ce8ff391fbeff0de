// `sm8sync sync [--dry-run]`: one full cycle. Exit 0 when the cycle completed (even
// with conflicts waiting, or paused because ServiceM8's daily request limit is used up:
// it says when syncing tries again), 1 with one clear line on a fatal error.
import type { SyncResult } from '../../../shared/api';
import { call } from '../../core/app/app-backend';
import { DAILY_LIMIT_WORDS, isDailyLimitError } from '../../core/app/budget-resume';
import { output, type Command } from '../command';
import { endProgress, openCliApp } from '../open-cli-app';
import { SIDE_LABEL } from '../../../shared/labels';

function describe(result: SyncResult, notice: string | null): string {
  const lines: string[] = [];
  for (const e of result.entities) {
    lines.push(
      `${e.entity}: read ${e.pulled.servicem8} from ServiceM8, ${e.pulled.stripe} from Stripe; ` +
        `created ${e.created.stripe} in Stripe, ${e.created.servicem8} in ServiceM8; updated ${e.updated.stripe} in Stripe, ${e.updated.servicem8} in ServiceM8; ` +
        `linked ${e.linked}; conflicts ${e.conflicts}; quarantined ${e.quarantined}; failed ${e.failed}`,
    );
  }
  if (result.dryRun) {
    lines.push(result.plan.length === 0 ? 'Dry run: nothing to write.' : `Dry run: ${result.plan.length} write(s) would be made:`);
    for (const w of result.plan) lines.push(`  ${w.operation} in ${SIDE_LABEL[w.target]}: ${w.subject} ${JSON.stringify(w.fields)}`);
  }
  if (result.state === 'failed') lines.push(`Sync failed: ${result.error ?? 'unknown error'}`);
  if (notice) lines.push(notice);
  return lines.join('\n');
}

/**
 * The daily-limit sentence of the status headline, when reads (a paused cycle, which still
 * completed: exit 0) or writes wait on it. The --json shape has no field for it: `status --json` shows it.
 */
function dailyLimitOf(headline: string): string | null {
  const at = headline.indexOf(DAILY_LIMIT_WORDS);
  return at < 0 ? null : headline.slice(at);
}

export const syncCommand: Command = {
  name: 'sync',
  summary: 'one full sync cycle; --dry-run shows what would be written and writes nothing',
  usage: 'sm8sync sync [--dry-run] [--json]',
  options: { 'dry-run': { type: 'boolean' } },
  async run(context, values) {
    const dryRun = values['dry-run'] === true;
    const app = openCliApp(context, { progress: true, looksOnly: dryRun });
    try {
      const result = await call(app.backend, 'syncNow', { dryRun });
      endProgress(context);
      if (result.state !== 'completed' && !context.json) {
        const daily = isDailyLimitError(result.error) ? dailyLimitOf((await call(app.backend, 'getStatus', {})).headline) : null;
        context.stderr.write(`sm8sync sync: ${daily ?? result.error ?? 'the sync did not complete'}\n`);
        return 1;
      }
      const notice = result.dryRun || context.json ? null : dailyLimitOf((await call(app.backend, 'getStatus', {})).headline);
      output(context, result, () => describe(result, notice));
      return result.state === 'completed' ? 0 : 1;
    } finally {
      app.close();
    }
  },
};
