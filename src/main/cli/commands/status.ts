// `sm8sync status`: the Status screen's headline and counts in the same words, times in
// the business time zone, and how to connect when a service is missing.
import { call } from '../../core/app/app-backend';
import { output, type Command } from '../command';
import { openCliApp } from '../open-cli-app';
import { statusText } from '../../core/app/status-words';

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
      output(context, { ...status, quarantine }, () => statusText(status, quarantine));
      return 0;
    } finally {
      app.close();
    }
  },
};
