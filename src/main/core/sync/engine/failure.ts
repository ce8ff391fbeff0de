// How a failed call is treated, for every pair: retried later (transient), shown to a
// person (validation, not_found), or the cycle stops because the credentials are wrong.
export type FailureKind = 'transient' | 'validation' | 'auth' | 'not_found';

export interface ClassifiedFailure {
  kind: FailureKind;
  message: string;
  retryAfterMs?: number;
  /**
   * The service refuses every request until `retryAfterMs` has passed (ServiceM8's daily
   * request limit): a read refused so pauses the cycle, which completes, instead of failing it.
   */
  pause?: boolean;
}

export interface ErrorClassifier {
  classify(error: unknown): ClassifiedFailure;
}
