// Settings screen state: the saved settings, the person's draft (what they typed, field
// by field), a message per field in words, Save, and a preview of what the draft would
// do (a dry run with the unsaved settings; nothing is written).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SettingsPreview } from '../../shared/api';
import { settingsSchema, type Settings } from '../../shared/settings';
import { useApi } from './api-context';
import { failure, ok, type Notice } from './notice';
import { asText, fieldError, getAt, SETTINGS_GROUPS, setAt, type FieldSpec } from './settings-fields';

const FIELDS: FieldSpec[] = SETTINGS_GROUPS.flatMap((g) => g.fields);

function textOf(spec: FieldSpec, value: unknown): string {
  if (spec.kind.type === 'list') return Array.isArray(value) ? value.join(', ') : '';
  return asText(value);
}

function valueOf(spec: FieldSpec, raw: string): unknown {
  if (spec.kind.type === 'number') return Number(raw);
  if (spec.kind.type === 'list')
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (spec.kind.type === 'choice' && raw === '') return undefined;
  return spec.kind.type === 'text' ? raw.trim() : raw;
}

export interface SettingsState {
  saved: Settings | null;
  loadError: string | null;
  /** What each text-like field shows (the person's typing, even when not valid yet). */
  raw: Record<string, string>;
  draft: Settings | null;
  errors: Record<string, string>;
  dirty: boolean;
  busy: 'save' | 'preview' | null;
  notice: Notice | null;
  preview: SettingsPreview | null;
  change: (path: string, raw: string | boolean) => void;
  /** True only when the settings were really saved (the first-run tick depends on it). */
  save: () => Promise<boolean>;
  runPreview: () => Promise<void>;
  reset: () => void;
}

export function useSettings(): SettingsState {
  const client = useApi();
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [raw, setRaw] = useState<Record<string, string>>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<SettingsState['busy']>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [preview, setPreview] = useState<SettingsPreview | null>(null);

  const adopt = useCallback((settings: Settings) => {
    setSaved(settings);
    setDraft(settings);
    setRaw(Object.fromEntries(FIELDS.map((f) => [f.path, textOf(f, getAt(settings, f.path))])));
  }, []);

  useEffect(() => {
    void client.call('getSettings', {}).then((response) => (response.ok ? adopt(response.value) : setLoadError(response.error.message)));
  }, [client, adopt]);

  const errors = useMemo(() => {
    const out: Record<string, string> = {};
    for (const spec of FIELDS) {
      const message = fieldError(spec, raw[spec.path] ?? '');
      if (message) out[spec.path] = message;
    }
    return out;
  }, [raw]);

  const change = useCallback(
    (path: string, value: string | boolean) => {
      const spec = FIELDS.find((f) => f.path === path);
      if (!spec || !draft) return;
      setPreview(null);
      if (typeof value === 'boolean') return setDraft(setAt(draft, path, value));
      setRaw((current) => ({ ...current, [path]: value }));
      if (!fieldError(spec, value)) setDraft(setAt(draft, path, valueOf(spec, value)));
    },
    [draft],
  );

  const dirty = saved !== null && draft !== null && JSON.stringify(saved) !== JSON.stringify(draft);
  const valid = Object.keys(errors).length === 0;

  const save = useCallback(async (): Promise<boolean> => {
    const parsed = draft && valid ? settingsSchema.safeParse(draft) : null;
    if (!parsed?.success) {
      setNotice(failure('Some settings need fixing first: see the messages under them.'));
      return false;
    }
    setBusy('save');
    setNotice(null);
    try {
      const response = await client.call('updateSettings', parsed.data);
      if (!response.ok) {
        setNotice(failure(`The settings were not saved: ${response.error.message}`));
        return false;
      }
      adopt(response.value);
      setNotice(ok('Settings saved. The next sync uses them.'));
      return true;
    } catch {
      setNotice(failure('The settings were not saved: the app did not answer. Try again.'));
      return false;
    } finally {
      setBusy(null);
    }
  }, [client, draft, valid, adopt]);

  const runPreview = useCallback(async () => {
    if (!draft || !valid) return setNotice(failure('Some settings need fixing first: see the messages under them.'));
    setBusy('preview');
    setPreview(null);
    const response = await client.call('previewSettings', settingsSchema.parse(draft));
    if (response.ok) setPreview(response.value);
    else setNotice(failure(response.error.message));
    setBusy(null);
  }, [client, draft, valid]);

  const reset = useCallback(() => {
    if (saved) adopt(saved);
    setPreview(null);
  }, [saved, adopt]);

  return { saved, loadError, raw, draft, errors, dirty, busy, notice, preview, change, save, runPreview, reset };
}
