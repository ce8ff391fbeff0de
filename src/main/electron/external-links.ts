// shell.openExternal only for https pages of the two services' help and dashboards
// (Electron Fiddle's allowlist): a link in a record's data can never launch a program
// or a file:// URL.
export const EXTERNAL_HOSTS = new Set([
  'dashboard.stripe.com',
  'docs.stripe.com',
  'support.stripe.com',
  'stripe.com',
  'go.servicem8.com',
  'www.servicem8.com',
  'developer.servicem8.com',
  'support.servicem8.com',
]);

export function isAllowedExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && EXTERNAL_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}
