// One service's connection: how it is connected (never the key), a form to test and
// save a new key (problems shown under the field and tied to it), and a disconnect
// that asks first. The key stays in this field until it is saved, then is cleared.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Connection } from '../../shared/api';
import { keyProblem } from '../state/key-check';
import type { Notice } from '../state/notice';
import { SOURCE_WORDS } from '../state/use-connections';
import { NoticeLine } from './notice-line';

const METHOD_LABEL: Record<NonNullable<Connection['method']>, string> = {
  api_key: 'API key',
  oauth: 'Signed in with your ServiceM8 login',
  restricted_key: 'restricted key',
  secret_key: 'secret key',
};

interface Props {
  service: Connection['service'];
  title: string;
  keyLabel: string;
  placeholder: string;
  connection: Connection | undefined;
  busy: boolean;
  notice: Notice | undefined;
  onConnect: (key: string) => Promise<boolean>;
  onDisconnect: () => void;
  children: ReactNode;
}

export function ConnectCard({ service, title, keyLabel, placeholder, connection, busy, notice, onConnect, onDisconnect, children }: Props) {
  const [key, setKey] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [touched, setTouched] = useState(false);
  const inputId = useId();
  const problem = touched ? keyProblem(service, key) : null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (keyProblem(service, key)) return;
    if (await onConnect(key)) {
      setKey('');
      setTouched(false);
    }
  };
  const connected = connection?.connected === true;
  const fieldNote = problem ?? (notice?.tone === 'error' ? notice.text : null);
  return (
    <section className="card" aria-labelledby={`${inputId}-title`} data-testid={`connect-${service}`}>
      <header className="card-head">
        <h3 id={`${inputId}-title`}>{title}</h3>
        <span className={`pill ${connected ? 'pill-ok' : 'pill-off'}`} data-testid={`connection-state-${service}`}>
          {connected ? 'Connected' : 'Not connected'}
        </span>
      </header>
      {connected && connection.testMode ? (
        <p className="banner banner-test" role="note" data-testid="stripe-test-mode">
          <strong>Test mode.</strong> This is a Stripe test key: nothing real is charged or invoiced. Connect a live key when you are ready.
        </p>
      ) : null}
      {connected && connection.method && connection.source ? (
        <p className="small" data-testid={`connection-how-${service}`}>
          {connection.account ? `${connection.account} · ` : ''}
          {METHOD_LABEL[connection.method]}, {SOURCE_WORDS[connection.source]}.
        </p>
      ) : null}
      {children}
      <form onSubmit={(event) => void submit(event)} className="key-form" noValidate>
        <label htmlFor={inputId}>
          {connected ? (connection.method === 'oauth' ? `Or use a ${keyLabel} instead` : `Replace the ${keyLabel}`) : keyLabel}
        </label>
        <div className="key-row">
          <input
            id={inputId}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={(e) => setKey(e.target.value)}
            onBlur={() => setTouched(key.trim() !== '')}
            placeholder={placeholder}
            aria-invalid={fieldNote ? true : undefined}
            aria-describedby={fieldNote ? `${inputId}-error` : undefined}
            data-testid={`key-${service}`}
          />
          <button type="submit" className="primary" disabled={busy || key.trim() === ''} data-testid={`save-${service}`}>
            {busy ? 'Testing…' : 'Test & save'}
          </button>
        </div>
        {fieldNote ? (
          <p id={`${inputId}-error`} className="field-error" role="alert" data-testid={`connect-notice-${service}`}>
            {fieldNote}
          </p>
        ) : null}
      </form>
      {fieldNote ? null : <NoticeLine notice={notice ?? null} testId={`connect-notice-${service}`} />}
      {connected && connection.source !== 'environment' ? (
        confirming ? (
          <div className="confirm" role="group" aria-label={`Disconnect ${title}?`} data-testid={`confirm-disconnect-${service}`}>
            <p>Disconnect {title}? Syncing stops until you connect it again. The key is removed from this computer.</p>
            <button
              type="button"
              className="danger-button"
              onClick={() => {
                setConfirming(false);
                onDisconnect();
              }}
              disabled={busy}
              data-testid={`disconnect-yes-${service}`}
            >
              Disconnect
            </button>
            <button type="button" onClick={() => setConfirming(false)} autoFocus>
              Keep connected
            </button>
          </div>
        ) : (
          <button
            type="button"
            className="link danger"
            onClick={() => setConfirming(true)}
            disabled={busy}
            data-testid={`disconnect-${service}`}
          >
            Disconnect {title}…
          </button>
        )
      ) : null}
      {connected && connection.source === 'environment' ? (
        <p className="muted small">To disconnect, unset the environment variable and restart sm8sync.</p>
      ) : null}
    </section>
  );
}
