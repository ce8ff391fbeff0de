// `sm8sync reconcile`: one reconciliation now; prints its findings, new ones marked.
import type { ReconciliationReport } from '../../core/reports/reconciliation';
import { output, type Command } from '../command';
import { openCliApp } from '../open-cli-app';
import { timeWords, type TimeWords } from '../business-zone';
import { FINDING_KIND_LABEL } from '../../../shared/labels';

function describe(report: ReconciliationReport, time: TimeWords): string {
  const { summary } = report;
  const lines = [
    `Reconciliation #${report.reportId}: ${summary.findings} finding(s), ${summary.newFindings} new` +
      (summary.linked ? `; linked ${summary.linked} hand-made Stripe invoice(s) to their jobs` : '') +
      (summary.questions ? `; ${summary.questions} duplicate question(s) wait in \`sm8sync conflicts\`` : '') +
      '.',
  ];
  for (const f of report.findings) {
    lines.push(`${f.isNew ? 'NEW ' : '    '}${FINDING_KIND_LABEL[f.kind]} (${f.entity}): ${f.title}`);
    lines.push(`     ${f.detail} (since ${time.at(f.firstSeenAt)})`);
  }
  if (report.findings.length > 0) lines.push(`Times are in ${time.zone}.`);
  return lines.join('\n');
}

export const reconcileCommand: Command = {
  name: 'reconcile',
  summary: 'compares clients, invoices and payments on both sides now and prints the findings (new ones marked)',
  usage: 'sm8sync reconcile [--json]',
  options: {},
  async run(context) {
    const app = openCliApp(context);
    try {
      const report = await app.service.reconcile('cli');
      const json = {
        reportId: report.reportId,
        startedAt: report.startedAt,
        finishedAt: report.finishedAt,
        findings: report.findings.map(({ kind, entity, servicem8Id, stripeId, title, detail, firstSeenAt, isNew }) => ({
          kind,
          entity,
          servicem8Id,
          stripeId,
          title,
          detail,
          firstSeenAt,
          isNew,
        })),
      };
      const time = context.json ? null : await timeWords(app.backend);
      output(context, json, () => describe(report, time!));
      return 0;
    } finally {
      app.close();
    }
  },
};
