import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SettingsFile } from '../../src/main/core/settings/settings-file';
import { SettingsError } from '../../src/shared/settings';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('settings file (headless)', () => {
  it('gives the defaults when there is no file, and round-trips a change', () => {
    const file = new SettingsFile(tempDir());
    expect(file.read().businessTimeZone).toBe('Australia/Sydney');
    file.update((s) => ({ ...s, sync: { ...s.sync, pollIntervalMinutes: 30 } }));
    expect(file.read().sync.pollIntervalMinutes).toBe(30);
    expect(JSON.parse(readFileSync(file.path, 'utf8'))).toMatchObject({ sync: { pollIntervalMinutes: 30 } });
  });

  it('names the bad field and value, and leaves an invalid file untouched', () => {
    const file = new SettingsFile(tempDir());
    const text = JSON.stringify({ businessTimeZone: 'Australia/Sydnee', invoices: { trigger: 'whenever' } });
    writeFileSync(file.path, text);
    expect(() => file.read()).toThrow(SettingsError);
    expect(() => file.read()).toThrow(/businessTimeZone: must be an IANA time zone .*\(got "Australia\/Sydnee"\)/);
    expect(() => file.read()).toThrow(/invoices\.trigger: .*\(got "whenever"\)/);
    expect(() => file.update((s) => s)).toThrow(SettingsError);
    expect(readFileSync(file.path, 'utf8')).toBe(text);
  });

  it('reports a file that is not JSON without touching it', () => {
    const file = new SettingsFile(tempDir());
    writeFileSync(file.path, '{ "sync": ');
    expect(() => file.read()).toThrow(/not valid JSON.*left as it is/);
    expect(readFileSync(file.path, 'utf8')).toBe('{ "sync": ');
  });

  it('refuses to write invalid settings', () => {
    const file = new SettingsFile(tempDir());
    expect(() => file.write({ sync: { pollIntervalMinutes: -1 } })).toThrow(/sync\.pollIntervalMinutes/);
  });
});
