// Values written to SQLite pass through the redactor: a secret that slipped into an
// error message or a payload is scrubbed before it can reach the file.
import { redactText, redactValue } from '../../logging/redact';

/** JSON columns: null stays SQL NULL so "no value" and "empty value" stay distinct. */
export function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(redactValue(value));
}

export function fromJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

/** Free-text columns (messages, errors, reasons). */
export function safeText(text: string | null | undefined): string | null {
  return text === undefined || text === null ? null : redactText(text);
}
