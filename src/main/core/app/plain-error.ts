// Technical error text (what a connector or the engine wrote) turned into words an
// office manager can act on. The engine keeps its precise messages for the log; every
// screen, the tray and the terminal show these instead. No request paths, status codes
// or library words ("fetch failed", zod issues) survive.
import { SIDE_LABEL } from '../../../shared/labels';

export type ProblemKind = 'unreachable' | 'key_rejected' | 'no_permission' | 'rate_limited' | 'service_error' | 'other';
export type Service = 'servicem8' | 'stripe';

export interface PlainProblem {
  service: Service | null;
  kind: ProblemKind;
  /** A short sentence without a trailing full stop ("Can't reach ServiceM8"). */
  words: string;
}

const PATTERNS: [ProblemKind, RegExp][] = [
  [
    'unreachable',
    /network error|fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|timed out|socket hang up|connection to Stripe/i,
  ],
  ['key_rejected', /\(401\)|\b401\b|invalid api key|unauthori[sz]ed|expired api key|api key provided/i],
  ['no_permission', /\(403\)|\b403\b|permission|forbidden/i],
  ['rate_limited', /\(429\)|\b429\b|rate limit|too many requests|daily (request )?limit/i],
  ['service_error', /\(5\d\d\)|\b5\d\d\b|not JSON|internal server error|bad gateway|service unavailable/i],
];

function serviceOf(message: string): Service | null {
  const sm8 = message.search(/servicem8/i);
  const stripe = message.search(/stripe/i);
  if (sm8 === -1 && stripe === -1) return null;
  if (sm8 === -1) return 'stripe';
  if (stripe === -1) return 'servicem8';
  return sm8 < stripe ? 'servicem8' : 'stripe';
}

/** "ServiceM8 GET /company.json failed (500): x" → "x": request lines and codes are not for people. */
export function stripJargon(message: string): string {
  return message
    .replace(/\b(GET|POST|PUT|PATCH|DELETE)\s+\/\S*/g, '')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/\(\d{3}\)/g, '')
    .replace(/^(ServiceM8|Stripe)\s*\d*\s*:\s*/i, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([:;,.])/g, '$1')
    .trim();
}

export function explainError(message: string, fallbackService: Service | null = null): PlainProblem {
  const service = serviceOf(message) ?? fallbackService;
  const kind = PATTERNS.find(([, pattern]) => pattern.test(message))?.[0] ?? 'other';
  const name = service ? SIDE_LABEL[service] : 'the service';
  const words: Record<ProblemKind, string> = {
    unreachable: `Can't reach ${name}`,
    key_rejected: `${capital(name)} didn't accept the saved key`,
    no_permission: `${capital(name)} refused: the key is missing a permission`,
    rate_limited: `${capital(name)} asked us to slow down`,
    service_error: `${capital(name)} had a problem answering`,
    other: stripJargon(message) || 'The sync stopped with an error',
  };
  return { service, kind, words: words[kind] };
}

/** What to do about a key a service just refused on the Connect screen. */
export function connectProblem(service: Service, message: string): string {
  const problem = explainError(message, service);
  if (problem.kind === 'key_rejected' || problem.kind === 'other')
    return service === 'servicem8'
      ? "ServiceM8 didn't accept this key — check it in ServiceM8 → Settings → API Keys."
      : "Stripe didn't accept this key — check it in the Stripe Dashboard → Developers → API keys.";
  if (problem.kind === 'no_permission')
    return service === 'servicem8'
      ? 'ServiceM8 accepted the key but it cannot read the business details — give the key access to clients and jobs.'
      : 'Stripe accepted the key but it is missing a permission — give the restricted key the permissions listed below.';
  if (problem.kind === 'unreachable') return `Can't reach ${SIDE_LABEL[service]} — check the internet connection and try again.`;
  if (problem.kind === 'rate_limited') return `${SIDE_LABEL[service]} asked us to slow down — wait a minute and try again.`;
  return `${SIDE_LABEL[service]} had a problem answering — try again in a few minutes.`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
