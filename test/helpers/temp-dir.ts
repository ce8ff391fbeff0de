import { afterEach } from 'vitest';
import { makeTestDataDir, removeTestDataDir } from './test-data-root';

/** A fresh temporary directory per call, removed after the test (kept for the secret scan under npm test). */
export function useTempDirs(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) removeTestDataDir(dir);
  });
  return () => {
    const dir = makeTestDataDir();
    dirs.push(dir);
    return dir;
  };
}
