// `sm8sync conflicts` lists open questions with both sides' values and each question's
// own actions; `sm8sync conflicts resolve ID (--take servicem8|stripe | --action NAME
// [--candidate ID])` answers one. An action that cannot be carried out is refused at
// once with the reason; a decision can be changed until the next sync applies it.
import type { ConflictView } from '../../../shared/api';
import { call } from '../../core/app/app-backend';
import { output, parseChoiceFlag, UsageError, type Command } from '../command';
import { openCliApp } from '../open-cli-app';
import { timeWords, type TimeWords } from '../business-zone';

const show = (value: unknown) =>
  value === null || value === undefined ? '(empty)' : typeof value === 'string' ? value : JSON.stringify(value);

function describeOne(c: ConflictView, time: TimeWords): string {
  const head = `#${c.id} ${c.kindLabel}${c.field ? ` (${c.field})` : ''}: ${c.title}${c.state === 'resolved' ? `  [decided: ${c.resolution ?? ''}, applies at the next sync]` : ''}`;
  const sides = `  ServiceM8: ${show(c.servicem8.value)}${c.servicem8.editedAt ? ` (edited ${time.at(c.servicem8.editedAt)})` : ''}\n  Stripe:    ${show(c.stripe.value)}${c.stripe.editedAt ? ` (edited ${time.at(c.stripe.editedAt)})` : ''}`;
  const candidates = c.candidates.map((k) => `  candidate ${k.side} ${k.id}: ${k.name ?? ''} <${k.email ?? ''}>`).join('\n');
  const actions = c.actions
    .map((a) => `  --action ${a.name}${a.candidateIds ? ` --candidate ${a.candidateIds.join('|')}` : ''}  ${a.label}: ${a.effect}`)
    .join('\n');
  return [head, sides, candidates, c.detail ? `  ${c.detail}` : '', actions].filter(Boolean).join('\n');
}

function describe(conflicts: ConflictView[], time: TimeWords): string {
  return conflicts.length === 0
    ? 'No open conflicts.'
    : [...conflicts.map((c) => describeOne(c, time)), `Times are in ${time.zone}.`].join('\n');
}

export const conflictsCommand: Command = {
  name: 'conflicts',
  summary: "lists open conflicts with both sides' values and their actions; `conflicts resolve ID` answers one",
  usage: 'sm8sync conflicts [--json] | sm8sync conflicts resolve ID (--take servicem8|stripe | --action NAME [--candidate ID]) [--json]',
  options: { take: { type: 'string' }, action: { type: 'string' }, candidate: { type: 'string' } },
  allowPositionals: true,
  async run(context, values, positionals) {
    const [verb, idText, ...extra] = positionals;
    if (verb !== undefined && verb !== 'resolve') throw new UsageError(`unknown action "${verb}" (only "resolve")`);
    const decisionFlags = (['take', 'action', 'candidate'] as const).filter((f) => values[f] !== undefined);
    if (verb === undefined && decisionFlags.length > 0) throw new UsageError(`--${decisionFlags[0]} goes with \`conflicts resolve ID\``);
    if (verb !== undefined) {
      if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
      if (!idText || !/^\d+$/.test(idText) || Number(idText) <= 0)
        throw new UsageError(`conflicts resolve needs a conflict id (got ${JSON.stringify(idText ?? '')})`);
      if ((values.take === undefined) === (values.action === undefined))
        throw new UsageError('give either --take servicem8|stripe or --action NAME');
      if (values.candidate !== undefined && values.action === undefined) throw new UsageError('--candidate goes with --action');
      if (values.action !== undefined && (typeof values.action !== 'string' || !/^[a-z_]{1,64}$/.test(values.action)))
        throw new UsageError(`--action takes an action name such as keep_stripe (got ${JSON.stringify(values.action)})`);
    }
    const app = openCliApp(context);
    try {
      if (verb === undefined) {
        const conflicts = await call(app.backend, 'listConflicts', { includeClosed: false });
        const time = context.json ? null : await timeWords(app.backend);
        output(context, conflicts, () => describe(conflicts, time!));
        return 0;
      }
      const id = Number(idText);
      const take = parseChoiceFlag('take', values.take, ['servicem8', 'stripe'] as const);
      const decision = take
        ? { take }
        : { action: values.action as string, ...(typeof values.candidate === 'string' ? { candidate: values.candidate } : {}) };
      const result = await call(app.backend, 'resolveConflicts', { ids: [id], ...decision });
      const failed = result.failed[0];
      if (failed) {
        context.stderr.write(`sm8sync conflicts: #${failed.id}: ${failed.reason}\n`);
        return 1;
      }
      output(context, result, () => `Conflict #${id} decided. The next sync applies it.`);
      return 0;
    } finally {
      app.close();
    }
  },
};
