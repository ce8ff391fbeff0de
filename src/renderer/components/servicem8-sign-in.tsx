// "Sign in with ServiceM8" on the ServiceM8 card: the other way to connect, without
// copying a key. Shown only when this copy of sm8sync has a ServiceM8 add-on to sign in as.
import type { Connection } from '../../shared/api';
import { useServiceM8SignIn } from '../state/use-servicem8-sign-in';
import { NoticeLine } from './notice-line';

/** What the card says above the button, by how ServiceM8 is connected now. */
function lead(method: Connection['method']): string {
  if (method === 'oauth') return 'Sign in again if ServiceM8 asks you to, or to use another ServiceM8 login.';
  if (method === 'api_key') return 'Or use your ServiceM8 login instead of the key: ServiceM8 asks you to allow sm8sync.';
  return 'No key? Sign in with your ServiceM8 login instead: ServiceM8 asks you to allow sm8sync, and the sign-in is saved in this computer’s keychain.';
}

export function ServiceM8SignInButton({ onConnected, method }: { onConnected: () => unknown; method: Connection['method'] }) {
  const state = useServiceM8SignIn(onConnected);
  const current = state.signIn;
  if (!current || current.state === 'unavailable') return null;
  const waiting = current.state === 'waiting';
  const tone = state.error || current.state === 'failed' ? 'error' : current.state === 'connected' ? 'ok' : 'info';
  const text = state.error ?? (current.state === 'idle' ? null : current.message);
  return (
    <div className="sign-in" data-testid="servicem8-sign-in">
      <p className="small">{lead(method)}</p>
      <div className="row-actions">
        <button type="button" onClick={() => void state.begin()} disabled={waiting} data-testid="servicem8-sign-in-start">
          {method === 'oauth' ? 'Sign in again' : 'Sign in with ServiceM8'}
        </button>
        {waiting ? (
          <button type="button" onClick={() => void state.cancel()} data-testid="servicem8-sign-in-cancel">
            Cancel
          </button>
        ) : null}
      </div>
      {waiting && state.url ? (
        <p className="small">
          ServiceM8 did not open?{' '}
          <a href={state.url} target="_blank" rel="noopener noreferrer" data-testid="servicem8-sign-in-link">
            Open the ServiceM8 sign-in page
            <span aria-hidden="true"> ↗</span>
          </a>
        </p>
      ) : null}
      <NoticeLine notice={text ? { tone, text } : null} testId="servicem8-sign-in-notice" />
    </div>
  );
}
