// The window: a header with the live state, the screens, one api client underneath.
import { useMemo, type ReactNode } from 'react';
import type { AppApiClient } from '../shared/api';
import { createClient } from './api/create-client';
import { ActivityScreen } from './components/activity-screen';
import { ConnectScreen } from './components/connect-screen';
import { GstScreen } from './components/gst-screen';
import { InvoicesScreen } from './components/invoices-screen';
import { NeedsScreen } from './components/needs-screen';
import { PaymentsScreen } from './components/payments-screen';
import { ReconciliationScreen } from './components/reconciliation-screen';
import { SettingsScreen } from './components/settings-screen';
import { SetupScreen } from './components/setup-screen';
import { NavTabs } from './components/nav-tabs';
import { StateBadge } from './components/state-icon';
import { StatusScreen } from './components/status-screen';
import { ApiProvider } from './state/api-context';
import { useScreen } from './state/use-screen';
import { useStatus } from './state/use-status';
import { DEFAULT_SETTINGS } from '../shared/settings';

const DEFAULT_ZONE = DEFAULT_SETTINGS.businessTimeZone;

function Header({ children }: { children?: ReactNode }) {
  return (
    <header className="app-header">
      <h1>sm8sync</h1>
      <span className="subtitle">ServiceM8 ⇄ Stripe</span>
      {children}
    </header>
  );
}

function Shell() {
  const status = useStatus();
  const [screen, setScreen] = useScreen(status.status);
  const zone = status.status?.businessTimeZone ?? DEFAULT_ZONE;
  return (
    <>
      <Header>{status.status ? <StateBadge state={status.status.state} /> : null}</Header>
      <NavTabs current={screen} status={status.status} onSelect={setScreen} />
      <main id="main" tabIndex={-1}>
        {screen === 'setup' ? <SetupScreen state={status} onDone={() => setScreen('status')} /> : null}
        {screen === 'status' ? <StatusScreen state={status} onOpen={setScreen} /> : null}
        {screen === 'needs' ? <NeedsScreen zone={zone} /> : null}
        {screen === 'invoices' ? <InvoicesScreen /> : null}
        {screen === 'payments' ? <PaymentsScreen zone={zone} /> : null}
        {screen === 'reconciliation' ? <ReconciliationScreen zone={zone} /> : null}
        {screen === 'gst' ? <GstScreen zone={zone} /> : null}
        {screen === 'activity' ? <ActivityScreen zone={zone} /> : null}
        {screen === 'settings' ? <SettingsScreen /> : null}
        {screen === 'connect' ? <ConnectScreen /> : null}
      </main>
    </>
  );
}

/** `client` is for tests; the app picks its transport itself (IPC, or HTTP with a token). */
export function App({ client }: { client?: AppApiClient | null }) {
  const resolved = useMemo(() => (client === undefined ? createClient() : client), [client]);
  if (!resolved) {
    return (
      <>
        <Header />
        <main id="main" className="screen">
          <h2>Open sm8sync from its address</h2>
          <p>
            This page needs the private address that <code>sm8sync serve</code> printed (it includes an access token). Open that address, or
            use the tray app.
          </p>
        </main>
      </>
    );
  }
  return (
    <ApiProvider client={resolved}>
      <Shell />
    </ApiProvider>
  );
}
