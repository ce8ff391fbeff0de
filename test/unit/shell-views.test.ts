import { describe, expect, it } from 'vitest';
import { createNotificationPolicy } from '../../src/main/core/app/notification-policy';
import { isAllowedExternalUrl } from '../../src/main/electron/external-links';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { TRAY_ICON_STATES, trayIconFile, trayIconState, trayTooltip } from '../../src/main/electron/tray-view';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { makeStatus } from '../helpers/fake-api-client';

describe('tray view', () => {
  it('shows the last good sync in the business time zone', () => {
    expect(
      trayTooltip(makeStatus({ headline: 'In sync', lastGoodSyncAt: '2026-11-24T03:00:00.000Z', businessTimeZone: 'Australia/Sydney' })),
    ).toBe('sm8sync: In sync\nLast good sync: 24 Nov 2026, 2:00 pm AEDT');
    expect(trayTooltip(makeStatus({ state: 'failing', headline: "Can't reach ServiceM8 — retrying in 2 min", lastGoodSyncAt: null }))).toBe(
      "sm8sync: Can't reach ServiceM8 — retrying in 2 min\nLast good sync: never",
    );
    // Not synced yet is never shown with the green icon.
    expect(trayIconState('not_synced')).toBe('paused');
  });

  it('maps every state to an icon file that exists, for light and dark menus, at 1x and 2x', () => {
    expect(trayIconFile(trayIconState('needs_approval'), true)).toBe('tray-needs_approval-dark.png');
    expect(trayIconFile(trayIconState('not_connected'), false)).toBe('tray-paused-light.png');
    for (const state of TRAY_ICON_STATES) {
      for (const dark of [false, true]) {
        const file = path.resolve('assets/tray', trayIconFile(state, dark));
        expect(existsSync(file), file).toBe(true);
        expect(existsSync(file.replace(/\.png$/, '@2x.png')), file).toBe(true);
      }
    }
  });
});

describe('external links', () => {
  it('allows only https pages of the two services', () => {
    expect(isAllowedExternalUrl('https://dashboard.stripe.com/apikeys')).toBe(true);
    expect(isAllowedExternalUrl('https://go.servicem8.com/job/0d1e5a3c-0000-4000-8000-000000000001')).toBe(true);
    for (const url of [
      'https://developer.servicem8.com/docs',
      'https://stripe.com/',
      'http://dashboard.stripe.com/',
      'file:///etc/passwd',
      'https://dashboard.stripe.com.evil.example/',
      'https://user:pw@stripe.com/',
      'smb://host/share',
      'not a url',
      'https://stripe.com:8443/',
    ]) {
      expect(isAllowedExternalUrl(url)).toBe(false);
    }
  });
});

describe('notification policy', () => {
  const MIN = 60_000;
  const at = (minutes: number) => new Date(Date.parse('2026-11-24T00:00:00.000Z') + minutes * MIN);
  const conflicts = (open: number) =>
    makeStatus({
      state: open ? 'needs_approval' : 'in_sync',
      counts: {
        linked: [{ entity: 'client', label: 'Clients', count: 1 }],
        pendingWrites: 0,
        openConflicts: open,
        quarantined: 0,
        needsAttention: 0,
      },
    });

  it('notifies for new conflicts only (not those already there at launch)', () => {
    const policy = createNotificationPolicy();
    expect(policy.observe(conflicts(2), DEFAULT_SETTINGS, at(0))).toEqual([]);
    expect(policy.observe(conflicts(2), DEFAULT_SETTINGS, at(1))).toEqual([]);
    expect(policy.observe(conflicts(3), DEFAULT_SETTINGS, at(2))).toMatchObject([
      { kind: 'conflicts', title: 'A conflict needs your decision' },
    ]);
    expect(policy.observe(conflicts(1), DEFAULT_SETTINGS, at(3))).toEqual([]);
    const quiet = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, conflicts: false } };
    expect(policy.observe(conflicts(4), quiet, at(4))).toEqual([]);
  });

  it('notifies once when a sync has failed for longer than the threshold', () => {
    const policy = createNotificationPolicy();
    const failing = makeStatus({ state: 'failing', lastError: 'ServiceM8 is unreachable' });
    expect(policy.observe(failing, DEFAULT_SETTINGS, at(0))).toEqual([]);
    expect(policy.observe(failing, DEFAULT_SETTINGS, at(29))).toEqual([]);
    expect(policy.observe(failing, DEFAULT_SETTINGS, at(30))).toMatchObject([{ kind: 'failing', body: 'ServiceM8 is unreachable' }]);
    expect(policy.observe(failing, DEFAULT_SETTINGS, at(60))).toEqual([]);
    // Recovery resets the streak: a new failure waits for the threshold again.
    expect(policy.observe(makeStatus(), DEFAULT_SETTINGS, at(61))).toEqual([]);
    expect(policy.observe(failing, DEFAULT_SETTINGS, at(62))).toEqual([]);
    expect(policy.observe(failing, DEFAULT_SETTINGS, at(92))).toHaveLength(1);
  });
});
