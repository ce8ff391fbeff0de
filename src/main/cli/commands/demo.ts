import type { Command } from '../command';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'simulators seeded with a small business, a sync, then the UI (--once: sync, reconcile, report, exit)',
  usage: 'sm8sync demo [--once]',
  options: { once: { type: 'boolean' } },
  run(context) {
    context.stderr.write('sm8sync demo: the demo arrives with the sync engine; it is not available in this build yet.\n');
    return Promise.resolve(1);
  },
};
