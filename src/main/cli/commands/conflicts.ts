// `sm8sync conflicts` lists open questions with both sides' values;
// `sm8sync conflicts resolve ID --take servicem8|stripe` answers one (applied by the next sync).
import type { ConflictView } from '../../../shared/api';
import { call } from '../../core/app/app-backend';
import { output, parseChoiceFlag, UsageError, type Command } from '../command';
import { openCliApp } from '../open-cli-app';
import { SIDE_LABEL } from '../../../shared/labels';

const show = (value: unknown) =>
  value === null || value === undefined ? '(empty)' : typeof value === 'string' ? value : JSON.stringify(value);

function describe(conflicts: ConflictView[]): string {
  if (conflicts.length === 0) return 'No open conflicts.';
  return conflicts
    .map((c) => {
      const head = `#${c.id} ${c.kind}${c.field ? ` ${c.field}` : ''}: ${c.title}`;
      const sides = `  ServiceM8: ${show(c.servicem8.value)}${c.servicem8.editedAt ? ` (edited ${c.servicem8.editedAt})` : ''}\n  Stripe:    ${show(c.stripe.value)}${c.stripe.editedAt ? ` (edited ${c.stripe.editedAt})` : ''}`;
      const candidates = c.candidates.map((k) => `  candidate ${k.side} ${k.id}: ${k.name ?? ''} <${k.email ?? ''}>`).join('\n');
      return [head, sides, candidates, c.detail ? `  ${c.detail}` : ''].filter(Boolean).join('\n');
    })
    .join('\n');
}

export const conflictsCommand: Command = {
  name: 'conflicts',
  summary: "lists open conflicts with both sides' values; `conflicts resolve ID --take servicem8|stripe` answers one",
  usage: 'sm8sync conflicts [--json] | sm8sync conflicts resolve ID --take servicem8|stripe',
  options: { take: { type: 'string' } },
  allowPositionals: true,
  async run(context, values, positionals) {
    const [action, idText, ...extra] = positionals;
    if (action !== undefined && action !== 'resolve') throw new UsageError(`unknown action "${action}" (only "resolve")`);
    if (action === undefined && values.take !== undefined) throw new UsageError('--take goes with `conflicts resolve ID`');
    const app = openCliApp(context);
    try {
      if (action === undefined) {
        const conflicts = await call(app.backend, 'listConflicts', { includeClosed: false });
        output(context, conflicts, () => describe(conflicts));
        return 0;
      }
      if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
      const id = Number(idText);
      if (!idText || !Number.isInteger(id) || id <= 0)
        throw new UsageError(`conflicts resolve needs a conflict id (got ${JSON.stringify(idText ?? '')})`);
      const take = parseChoiceFlag('take', values.take, ['servicem8', 'stripe'] as const);
      if (!take) throw new UsageError('--take servicem8|stripe is required');
      const result = await call(app.backend, 'resolveConflicts', { ids: [id], take });
      const failed = result.failed[0];
      if (failed) {
        context.stderr.write(`sm8sync conflicts: #${failed.id}: ${failed.reason}\n`);
        return 1;
      }
      output(context, result, () => `Conflict #${id} resolved: ${SIDE_LABEL[take]} wins. The next sync applies it.`);
      return 0;
    } finally {
      app.close();
    }
  },
};
