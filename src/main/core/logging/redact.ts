// Secrets must never reach a log line, an error message or the renderer. Two nets:
// the exact values the secret stores have handed out (registered at read time), and
// the shapes credentials take (Stripe keys, bearer tokens, OAuth fields).

const knownSecrets = new Set<string>();
const MIN_SECRET_LENGTH = 6; // shorter values would redact ordinary words

const SECRET_PATTERNS: RegExp[] = [
  /\b(?:sk|rk|pk)_(?:test|live)_[A-Za-z0-9]{6,}/g,
  /\bsmk-[A-Za-z0-9-]{6,}/g,
  /(Bearer\s+)[A-Za-z0-9._~+/=-]{6,}/gi,
  /((?:access_token|refresh_token|client_secret|api_key|apikey|password)["']?\s*[:=]\s*["']?)[^"'&\s,}]{4,}/gi,
];

const SENSITIVE_KEY = /^(authorization|x-api-key|api[-_]?key|access[-_]?token|refresh[-_]?token|client[-_]?secret|password|secret|token)$/i;

export const REDACTED = '[redacted]';

/** Remembers a secret value so every later log line or message containing it is scrubbed. */
export function registerSecret(value: string | null | undefined): void {
  if (value && value.length >= MIN_SECRET_LENGTH) knownSecrets.add(value);
}

export function redactText(text: string): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (match, prefix?: string) =>
      typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}${REDACTED}` : REDACTED,
    );
  }
  return out;
}

/** Deep-copies a value with secret-looking keys and secret values scrubbed. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[depth]';
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), stack: value.stack ? redactText(value.stack) : undefined };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SENSITIVE_KEY.test(key) && inner != null ? REDACTED : redactValue(inner, depth + 1);
    }
    return out;
  }
  return value;
}
