// A first look at a pasted key before it is sent, in words tied to the field: the
// service checks it for real, this only catches what cannot be a key at all.
export type Service = 'servicem8' | 'stripe';

export function keyProblem(service: Service, raw: string): string | null {
  const key = raw.trim();
  if (!key) return null;
  if (service === 'servicem8') {
    if (key.length < 8 || /\s/.test(key))
      return 'That does not look like a whole ServiceM8 API key — copy it again from ServiceM8 → Settings → API Keys.';
    return null;
  }
  if (/^pk_/.test(key)) return 'That is a publishable key — sm8sync needs a restricted key (rk_live_… or rk_test_…) or a secret key.';
  if (!/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/.test(key))
    return 'A Stripe key starts with rk_live_, rk_test_, sk_live_ or sk_test_ — copy it again from the Stripe Dashboard → Developers → API keys.';
  return null;
}

/** The app's own refusal of a malformed key (invalid_params) is shown in the same words. */
export function keyRefusal(service: Service, raw: string): string {
  return keyProblem(service, raw) ?? (service === 'servicem8' ? 'ServiceM8 did not accept this key.' : 'Stripe did not accept this key.');
}
