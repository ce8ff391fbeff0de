import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isCronExpression, parseSettings, SettingsError } from '../../src/shared/settings';

describe('settings schema', () => {
  it('fills every default from an empty object', () => {
    expect(DEFAULT_SETTINGS.businessTimeZone).toBe('Australia/Sydney');
    expect(DEFAULT_SETTINGS.reconciliation.cron).toBe('0 18 * * *');
    expect(DEFAULT_SETTINGS.sync.pollIntervalMinutes).toBe(5);
    expect(DEFAULT_SETTINGS.invoices.trigger).toBe('invoice_sent');
    expect(DEFAULT_SETTINGS.invoices.stripeCreatedInvoice).toBe('ask');
    expect(DEFAULT_SETTINGS.rules.defaultWinner).toBe('ask');
    expect(DEFAULT_SETTINGS.notifications.conflicts).toBe(true);
  });

  it('keeps given values and defaults the rest of a nested object', () => {
    const settings = parseSettings({ sync: { pollIntervalMinutes: 15 }, rules: { fieldWinners: { phone: 'stripe' } } });
    expect(settings.sync.pollIntervalMinutes).toBe(15);
    expect(settings.sync.paused).toBe(false);
    expect(settings.rules.fieldWinners).toEqual({ phone: 'stripe' });
    expect(settings.rules.transforms.phoneFormat).toBe('national');
  });

  it('names the field and the value when a setting is wrong', () => {
    expect(() => parseSettings({ sync: { pollIntervalMinutes: 0 } })).toThrow(/sync\.pollIntervalMinutes: .*\(got 0\)/);
    expect(() => parseSettings({ businessTimeZone: 'Mars/Olympus' })).toThrow(
      /businessTimeZone: must be an IANA time zone.*\(got "Mars\/Olympus"\)/,
    );
    expect(() => parseSettings({ reconciliation: { cron: 'every day' } })).toThrow(/reconciliation\.cron: must be a cron expression/);
    expect(() => parseSettings({ rules: { fieldWinners: { phone: 'sometimes' } } })).toThrow(/rules\.fieldWinners\.phone/);
    expect(() => parseSettings({ pollInterval: 5 })).toThrow(/unknown setting\(s\) pollInterval/);
    expect(() => parseSettings({ sync: { pollIntervalMinutes: 0 } })).toThrow(SettingsError);
  });

  it('accepts the cron shapes node-cron accepts and rejects others', () => {
    for (const ok of ['0 18 * * *', '*/15 * * * *', '0 0 18 * * 1-5', '5,35 9-17 * * *']) expect(isCronExpression(ok)).toBe(true);
    for (const bad of ['', '* * *', 'daily', '0 18 * * * * *', '0 18 * * mon?']) expect(isCronExpression(bad)).toBe(false);
  });
});
