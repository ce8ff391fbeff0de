// Sign in with ServiceM8: main starts the OAuth flow and answers with ServiceM8's
// authorize page, which opens in the browser; this hook then follows the sign-in
// (bounded polling, and every status push) until main says it connected or failed.
// Tokens never come here.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ServiceM8SignIn } from '../../shared/api';
import { useApi } from './api-context';

const POLL_MS = 1500;
/** The flow waits 5 minutes for the browser; a little longer here, then stop asking. */
const POLL_LIMIT = Math.ceil((6 * 60_000) / POLL_MS);

/** ServiceM8's own page over https, or the simulator on this computer (loopback, for the demo and tests). */
export function safeSignInUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:' && url.hostname === 'go.servicem8.com') return url.href;
    if (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost')) return url.href;
    return null;
  } catch {
    return null;
  }
}

export interface SignInState {
  signIn: ServiceM8SignIn | null;
  /** The authorize page, for a link in case the browser did not open it. */
  url: string | null;
  error: string | null;
  begin: () => Promise<void>;
  cancel: () => Promise<void>;
}

export function useServiceM8SignIn(onConnected: () => unknown): SignInState {
  const client = useApi();
  const [signIn, setSignIn] = useState<ServiceM8SignIn | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const polls = useRef(0);
  const last = useRef<ServiceM8SignIn['state'] | null>(null);

  const read = useCallback(
    () =>
      client.call('getServiceM8SignIn', {}).then((response) => {
        if (!response.ok) return;
        const was = last.current;
        last.current = response.value.state;
        setSignIn(response.value);
        if (was === 'waiting' && response.value.state === 'connected') onConnected();
      }),
    [client, onConnected],
  );

  useEffect(() => {
    void read();
    return client.on('status', () => void read());
  }, [client, read]);

  useEffect(() => {
    if (signIn?.state !== 'waiting' || polls.current >= POLL_LIMIT) return;
    const timer = setTimeout(() => {
      polls.current += 1;
      void read();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [signIn, read]);

  const begin = useCallback(async () => {
    setError(null);
    polls.current = 0;
    const response = await client.call('beginServiceM8SignIn', {});
    if (!response.ok) return setError(response.error.message);
    const safe = safeSignInUrl(response.value.url);
    if (!safe) return setError('sm8sync was given a sign-in page that is not ServiceM8’s; it was not opened.');
    setUrl(safe);
    // Opened straight after the click (a browser allows that); the link below is there if it did not.
    window.open(safe, '_blank', 'noopener,noreferrer');
    last.current = 'waiting';
    setSignIn({ state: 'waiting', message: 'Waiting for you to approve sm8sync in ServiceM8, in your browser…' });
  }, [client]);

  const cancel = useCallback(async () => {
    const response = await client.call('cancelServiceM8SignIn', {});
    if (response.ok) {
      last.current = response.value.state;
      setSignIn(response.value);
    }
    setUrl(null);
  }, [client]);

  return { signIn, url, error, begin, cancel };
}
