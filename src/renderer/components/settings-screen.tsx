// Every setting, grouped, each message under its field (and read out with it), Save,
// and "Preview" to see what the unsaved settings would do before saving them.
import { useId } from 'react';
import { asText, getAt, SETTINGS_GROUPS, type FieldSpec } from '../state/settings-fields';
import { useSettings, type SettingsState } from '../state/use-settings';
import { NoticeLine } from './notice-line';

export function Field({ spec, state, idBase }: { spec: FieldSpec; state: SettingsState; idBase: string }) {
  const id = `${idBase}-${spec.path.replaceAll('.', '-')}`;
  const error = state.errors[spec.path];
  const help = spec.help ? `${id}-help` : null;
  const described = [help, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const { kind } = spec;
  const common = { id, 'aria-describedby': described, 'data-testid': `setting-${spec.path}` };
  let control;
  if (kind.type === 'toggle') {
    control = (
      <input
        {...common}
        type="checkbox"
        checked={getAt(state.draft, spec.path) === true}
        onChange={(e) => state.change(spec.path, e.target.checked)}
      />
    );
  } else if (kind.type === 'choice') {
    control = (
      <select {...common} value={asText(getAt(state.draft, spec.path))} onChange={(e) => state.change(spec.path, e.target.value)}>
        {kind.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <span className="input-with-unit">
        <input
          {...common}
          type="text"
          inputMode={kind.type === 'number' ? 'numeric' : undefined}
          value={state.raw[spec.path] ?? ''}
          aria-invalid={error ? true : undefined}
          onChange={(e) => state.change(spec.path, e.target.value)}
        />
        {kind.type === 'number' ? <span className="muted">{kind.unit}</span> : null}
      </span>
    );
  }
  return (
    <div className={`field field-${kind.type}`}>
      <label htmlFor={id}>{spec.label}</label>
      {control}
      {spec.help ? (
        <span id={help!} className="muted small">
          {spec.help}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error" data-testid={`error-${spec.path}`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function SettingsScreen() {
  const state = useSettings();
  const idBase = useId();
  if (state.loadError)
    return (
      <p className="notice notice-error" role="alert">
        Could not load the settings: {state.loadError}
      </p>
    );
  if (!state.draft)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  const invalid = Object.keys(state.errors).length;
  return (
    <section aria-labelledby="settings-heading" className="screen">
      <h2 id="settings-heading">Settings</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void state.save();
        }}
        noValidate
      >
        {SETTINGS_GROUPS.map((group) => (
          <fieldset key={group.title} className="settings-group">
            <legend>{group.title}</legend>
            {group.fields.map((spec) => (
              <Field key={spec.path} spec={spec} state={state} idBase={idBase} />
            ))}
          </fieldset>
        ))}
        <div className="actions sticky-actions">
          <button
            type="submit"
            className="primary"
            disabled={!state.dirty || invalid > 0 || state.busy !== null}
            data-testid="settings-save"
          >
            {state.busy === 'save' ? 'Saving…' : 'Save settings'}
          </button>
          <button
            type="button"
            onClick={() => void state.runPreview()}
            disabled={invalid > 0 || state.busy !== null}
            data-testid="settings-preview"
          >
            {state.busy === 'preview' ? 'Previewing…' : 'Preview what the next sync would do'}
          </button>
          <button type="button" className="link" onClick={state.reset} disabled={!state.dirty || state.busy !== null}>
            Undo changes
          </button>
          {invalid ? (
            <span className="field-error">{invalid === 1 ? 'One setting needs fixing.' : `${invalid} settings need fixing.`}</span>
          ) : null}
        </div>
        <NoticeLine notice={state.notice} testId="settings-notice" />
        {state.preview ? <PreviewResult preview={state.preview} dirty={state.dirty} /> : null}
      </form>
    </section>
  );
}

export function PreviewResult({ preview, dirty }: { preview: NonNullable<SettingsState['preview']>; dirty: boolean }) {
  return (
    <section className="preview" aria-live="polite" data-testid="settings-preview-result">
      <h3>{dirty ? 'With these unsaved settings, the next sync would:' : 'The next sync would:'}</h3>
      {preview.error ? <p className="notice notice-error">{preview.error}</p> : null}
      {preview.lines.length ? (
        <ul>
          {preview.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : preview.error ? null : (
        <p>Change nothing: both sides already agree.</p>
      )}
      <p className="muted small">Nothing was written: this was a dry run.</p>
    </section>
  );
}
