/**
 * The keychain tests need a Secret Service: `npm test` runs the suite inside
 * scripts/with-keyring.sh (a private D-Bus session with an unlocked gnome-keyring),
 * which sets SM8SYNC_KEYRING_READY. Outside it, a plain `npx vitest` skips them and
 * says why; `npm test` sets SM8SYNC_REQUIRE_KEYRING so they can never be skipped there.
 */
export const keyringReady = process.env.SM8SYNC_KEYRING_READY === '1';

if (!keyringReady && process.env.SM8SYNC_REQUIRE_KEYRING === '1') {
  throw new Error(
    'SM8SYNC_REQUIRE_KEYRING is set but no Secret Service session is running: run the tests through scripts/with-keyring.sh.',
  );
}
if (!keyringReady) {
  process.stderr.write(
    'keychain tests skipped: no Secret Service session (run `npm test`, which starts gnome-keyring under dbus-run-session)\n',
  );
}
