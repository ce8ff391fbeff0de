// One service's connection: how it is connected (never the key), and a form to test
// and save a new key. The key stays in this field until it is saved, then is cleared.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Connection } from '../../shared/api';
import type { Notice } from '../state/notice';
import { NoticeLine } from './notice-line';

const SOURCE_LABEL: Record<NonNullable<Connection['source']>, string> = {
  keychain: 'OS keychain',
  environment: 'environment variable',
  memory: 'this session only',
};
const METHOD_LABEL: Record<NonNullable<Connection['method']>, string> = {
  api_key: 'API key',
  oauth: 'OAuth',
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
  const inputId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onConnect(key)) setKey('');
  };
  const connected = connection?.connected === true;
  return (
    <section className="card" aria-labelledby={`${inputId}-title`} data-testid={`connect-${service}`}>
      <header className="card-head">
        <h3 id={`${inputId}-title`}>{title}</h3>
        <span className={`pill ${connected ? 'pill-ok' : 'pill-off'}`} data-testid={`connection-state-${service}`}>
          {connected && connection.method && connection.source
            ? `Connected · ${METHOD_LABEL[connection.method]} in ${SOURCE_LABEL[connection.source]}`
            : 'Not connected'}
        </span>
      </header>
      {connection?.account ? <p className="muted small">Account: {connection.account}</p> : null}
      {connection ? <p className="muted small">Endpoint: {connection.endpoint}</p> : null}
      {children}
      <form onSubmit={(event) => void submit(event)} className="key-form">
        <label htmlFor={inputId}>{keyLabel}</label>
        <div className="key-row">
          <input
            id={inputId}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={(e) => setKey(e.target.value)}
            placeholder={placeholder}
            data-testid={`key-${service}`}
          />
          <button type="submit" className="primary" disabled={busy || key.trim() === ''} data-testid={`save-${service}`}>
            {busy ? 'Testing…' : 'Test & save'}
          </button>
        </div>
      </form>
      <NoticeLine notice={notice ?? null} testId={`connect-notice-${service}`} />
      {connected && connection.source !== 'environment' ? (
        <button type="button" className="link danger" onClick={onDisconnect} disabled={busy}>
          Disconnect {title}
        </button>
      ) : null}
    </section>
  );
}
