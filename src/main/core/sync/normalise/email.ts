// Email is the matching key between the two sides: trimmed and lower-cased for
// comparison (both ServiceM8 and Stripe store whatever case people typed).
import { z } from 'zod';

const emailCheck = z.email();

export type EmailResult = { ok: true; value: string | null } | { ok: false; reason: string };

/** Canonical email: trimmed, lower case; empty → null; not an email → a reason. */
export function normaliseEmail(raw: unknown): EmailResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw !== 'string') return { ok: false, reason: `email is not text: ${JSON.stringify(raw)}` };
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: true, value: null };
  const lower = trimmed.toLowerCase();
  if (!emailCheck.safeParse(lower).success) return { ok: false, reason: `email is not an email address: ${JSON.stringify(trimmed)}` };
  return { ok: true, value: lower };
}
