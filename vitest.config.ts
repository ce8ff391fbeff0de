import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: `node` for everything in the main process (real SQLite, real keychain,
// real simulators over loopback) and `dom` for React components in jsdom.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/lint/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/dom/**/*.test.tsx'],
        },
      },
    ],
  },
});
