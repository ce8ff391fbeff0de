// Get started: the first run in four short steps — connect both services, choose when
// jobs become invoices and the GST basis, see what the first sync would do (a dry
// run), then run it.
import { useId, useState } from 'react';
import { SETTINGS_GROUPS } from '../state/settings-fields';
import type { StatusState } from '../state/use-status';
import { useSettings } from '../state/use-settings';
import { ConnectScreen } from './connect-screen';
import { NoticeLine } from './notice-line';
import { Field, PreviewResult } from './settings-screen';

const FIRST_CHOICES = ['invoices.trigger', 'gst.basis'];
const CHOICE_SPECS = SETTINGS_GROUPS.flatMap((g) => g.fields).filter((f) => FIRST_CHOICES.includes(f.path));

function Step({ n, title, done, children }: { n: number; title: string; done: boolean; children: React.ReactNode }) {
  return (
    <li className={`step${done ? ' step-done' : ''}`} data-testid={`step-${n}`}>
      <h3>
        <span className="step-number" aria-hidden="true">
          {done ? '✓' : n}
        </span>
        Step {n}: {title}
        {done ? <span className="visually-hidden"> (done)</span> : null}
      </h3>
      {children}
    </li>
  );
}

export function SetupScreen({ state, onDone }: { state: StatusState; onDone: () => void }) {
  const settings = useSettings();
  const idBase = useId();
  // Step 2 is done once the two choices were really saved (changed or not), and stay as saved.
  const [chosen, setChosen] = useState(false);
  const status = state.status;
  const connected = status !== null && status.state !== 'not_connected';
  const synced = status?.lastGoodSyncAt != null;
  return (
    <section aria-labelledby="setup-heading" className="screen">
      <h2 id="setup-heading">Get started</h2>
      <p className="muted">Four steps, a few minutes. Nothing is written to ServiceM8 or Stripe until step 4.</p>
      <ol className="steps">
        <Step n={1} title="Connect ServiceM8 and Stripe" done={connected}>
          <ConnectScreen embedded />
        </Step>
        <Step n={2} title="Choose when jobs become invoices, and your GST basis" done={chosen && !settings.dirty}>
          {settings.draft ? (
            <div className="setup-choices">
              {CHOICE_SPECS.map((spec) => (
                <Field key={spec.path} spec={spec} state={settings} idBase={idBase} />
              ))}
              <button
                type="button"
                onClick={() => void settings.save().then(setChosen)}
                disabled={settings.busy !== null}
                data-testid="setup-save"
              >
                Save these choices
              </button>
            </div>
          ) : null}
          <NoticeLine notice={settings.notice} testId="setup-notice" />
        </Step>
        <Step n={3} title="See what the first sync would do" done={settings.preview !== null}>
          <p className="small">A dry run: sm8sync reads both sides and lists what it would write, without writing anything.</p>
          <button
            type="button"
            onClick={() => void settings.runPreview()}
            disabled={!connected || settings.busy !== null}
            data-testid="setup-preview"
          >
            {settings.busy === 'preview' ? 'Looking…' : 'Show me'}
          </button>
          {settings.preview ? <PreviewResult preview={settings.preview} dirty={settings.dirty} /> : null}
        </Step>
        <Step n={4} title="Run the first sync" done={synced}>
          <button
            type="button"
            className="primary"
            onClick={() => void state.syncNow().then(onDone)}
            disabled={!connected || state.busy !== null || status?.running != null}
            data-testid="setup-sync"
          >
            {state.busy === 'sync' ? 'Syncing…' : 'Run the first sync'}
          </button>
          {status?.running?.text ? <p className="small">{status.running.text}</p> : null}
        </Step>
      </ol>
    </section>
  );
}
