// Random settings files into the real SettingsFile: a bad value is a SettingsError that
// names the field and says the file was left alone, and the bytes on disk do not change,
// not even when an update is attempted on top of the bad file.
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SettingsFile } from '../../src/main/core/settings/settings-file';
import { DEFAULT_SETTINGS, SettingsError, settingsSchema } from '../../src/shared/settings';
import { fuzzRuns } from '../helpers/fuzz';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** Every leaf of the defaults as a path, e.g. ["sync", "pollIntervalMinutes"]. */
function leaves(value: unknown, at: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length === 0) return [at];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, [...at, key]));
}

function withValue(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const object = { ...(base as Record<string, unknown>) };
  object[head] = withValue(object[head], rest, value);
  return object;
}

/** Attempts a read and an update; returns the error, and checks the file was not touched. */
function refuse(file: SettingsFile, bytes: string): SettingsError {
  writeFileSync(file.path, bytes);
  let caught: unknown;
  try {
    file.read();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SettingsError);
  expect(() => file.update((s) => ({ ...s, sync: { ...s.sync, paused: true } }))).toThrow(SettingsError);
  expect(readFileSync(file.path, 'utf8')).toBe(bytes);
  const error = caught as SettingsError;
  expect(error.message).toContain(file.path);
  expect(error.message).toContain('The file was left as it is.');
  return error;
}

const wrongValue = fc.oneof(
  fc.anything({ maxDepth: 2, withNullPrototype: false }),
  fc.constantFrom(-1, 0, 1.5, 1e9, '', 'yes', 'Australia/Sydnee', '61 * * *', [], {}, null, true),
);

describe('fuzzing the settings file', () => {
  it('a wrong value at any setting is refused with that setting named, and the file kept', () => {
    const dir = tempDir();
    const file = new SettingsFile(dir);
    const paths = leaves(DEFAULT_SETTINGS);
    expect(paths.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.constantFrom(...paths), wrongValue, (path, value) => {
        const candidate = withValue(DEFAULT_SETTINGS, path, value);
        const bytes = JSON.stringify(candidate, null, 2);
        // A value the schema takes (or JSON drops, like undefined) is not a mistake: skip it.
        if (settingsSchema.safeParse(JSON.parse(bytes)).success) return;
        const error = refuse(file, bytes);
        // The field named is the one changed (or an item in it), or its parent when the change broke the parent's shape.
        const named = path.some((_, i) =>
          new RegExp(`(^|[ ;])${path.slice(0, path.length - i).join('\\.')}[.:]`).test(error.message.split(': ').slice(1).join(': ')),
        );
        expect(named, error.message).toBe(true);
      }),
      fuzzRuns(200),
    );
  });

  it('unknown settings, other JSON than an object, and garbage are refused and kept', () => {
    const dir = tempDir();
    const file = new SettingsFile(dir);
    const notJson = fc.string({ maxLength: 40 }).filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    });
    const unknownKey = fc.stringMatching(/^[a-zA-Z]{1,12}$/).filter((k) => !(k in DEFAULT_SETTINGS));
    fc.assert(
      fc.property(
        fc.oneof(
          notJson.map((bytes) => ({ bytes, says: 'not valid JSON' })),
          fc
            .oneof(fc.array(fc.integer()), fc.integer(), fc.constant(null), fc.string())
            .map((v) => ({ bytes: JSON.stringify(v), says: '(root)' })),
          unknownKey.map((key) => ({ bytes: JSON.stringify({ ...DEFAULT_SETTINGS, [key]: 1 }), says: `unknown setting(s) ${key}` })),
        ),
        ({ bytes, says }) => {
          const error = refuse(file, bytes);
          expect(error.message).toContain(says);
        },
      ),
      fuzzRuns(150),
    );
  });
});
