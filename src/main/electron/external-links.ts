// shell.openExternal only for https pages of the two places the app links to: the
// ServiceM8 web app (a job, Sign in with ServiceM8) and the Stripe Dashboard (an
// invoice, a customer). A link in a record's data can never launch a program, a
// file:// URL or another site.
export const EXTERNAL_HOSTS = new Set(['dashboard.stripe.com', 'go.servicem8.com']);

export function isAllowedExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && EXTERNAL_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}
