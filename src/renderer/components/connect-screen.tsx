// Connect both services. Keys are tested against the service before they are saved,
// and kept in the computer's keychain (or memory, where there is none); never shown again.
import { SIDE_LABEL } from '../state/format';
import { useConnections } from '../state/use-connections';
import { ConnectCard } from './connect-card';
import { ServiceM8SignInButton } from './servicem8-sign-in';

/** What the Stripe restricted key needs, in Stripe's dashboard wording. */
export const STRIPE_PERMISSIONS: [string, string][] = [
  ['Customers', 'Write'],
  ['Invoices', 'Write'],
  ['Tax Rates', 'Write'],
  ['Credit Notes', 'Write'],
  ['PaymentIntents', 'Read'],
  ['Charges and Refunds', 'Read'],
  ['Events', 'Read'],
];

/** `embedded`: inside Get started, under its own step heading. */
export function ConnectScreen({ embedded = false }: { embedded?: boolean }) {
  const state = useConnections();
  // What each card needs from the connection state; the cards differ only in their words.
  const wiring = (service: 'servicem8' | 'stripe') => ({
    service,
    title: SIDE_LABEL[service],
    connection: state.connections?.find((c) => c.service === service),
    busy: state.busy === service,
    notice: state.notices[service],
    onConnect: (key: string) => state.connect(service, key),
    onDisconnect: () => void state.disconnect(service),
  });
  return (
    <section aria-labelledby={embedded ? undefined : 'connect-heading'} aria-label={embedded ? 'Connect' : undefined} className="screen">
      {embedded ? null : <h2 id="connect-heading">Connect</h2>}
      <p className="muted">Each key is checked with the service before it is saved, and is never shown again.</p>
      {state.loadError ? (
        <p className="notice notice-error" role="alert">
          {state.loadError}
        </p>
      ) : null}
      <div className="cards">
        <ConnectCard {...wiring('servicem8')} keyLabel="ServiceM8 API key" placeholder="smk-…">
          <p className="small">
            In ServiceM8, go to Settings → API Keys and create a private API key for this business, then paste it here.
          </p>
          <ServiceM8SignInButton
            onConnected={state.refresh}
            method={state.connections?.find((c) => c.service === 'servicem8' && c.connected)?.method ?? null}
          />
        </ConnectCard>
        <ConnectCard {...wiring('stripe')} keyLabel="Stripe restricted key" placeholder="rk_live_…">
          <p className="small">
            In the Stripe Dashboard, go to Developers → API keys → Create restricted key, and give it only these permissions:
          </p>
          <table className="permissions" data-testid="stripe-permissions">
            <tbody>
              {STRIPE_PERMISSIONS.map(([resource, level]) => (
                <tr key={resource}>
                  <th scope="row">{resource}</th>
                  <td>{level}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ConnectCard>
      </div>
    </section>
  );
}
