// The renderer's Content-Security-Policy, in one place. index.html carries the same
// directives in a <meta> tag (checked by test/e2e/renderer-build.spec.ts) except
// frame-ancestors, which browsers honour only as a header: the loopback server and
// the Electron session send the full policy as a header.
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** What index.html's <meta> tag holds. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** The full policy, as a response header. */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');
