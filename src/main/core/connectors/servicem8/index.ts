// Public surface of the ServiceM8 connector (see README.md).
export { ServiceM8Client, DEFAULT_BASE_URL, type ServiceM8ClientOptions, type CallOptions, type ChangesResult } from './client';
export { apiKeyAuth, type ServiceM8Auth } from './auth';
export { OAuthTokenAuth, readStoredTokens, DEFAULT_OAUTH_BASE_URL, type OAuthConfig, type StoredTokens } from './oauth-tokens';
export { authorizeWithBrowser, type AuthorizeOptions } from './oauth-flow';
export { oauthConfigFromEnv, SYNC_SCOPES } from './oauth-config';
export { ServiceM8ApiError, type ServiceM8ErrorKind } from './errors';
export { createServiceM8Limiter, SERVICEM8_LIMITS, type ServiceM8Limits } from './rate-budget';
export { DEFAULT_RETRY, type RetryOptions } from './http-client';
export type { ChangeCursor, CursorSettings } from './change-cursor';
export type { FilterCondition, FilterOperator } from './filter';
export type { ReadResult, RejectedRecord } from './read-result';
export * from './records';
export type { Sm8Vendor } from './vendor';
export * from './wire-encode';
export * from './job-writes';
export { localToUtcIso, toLocalNaive } from './local-time';
