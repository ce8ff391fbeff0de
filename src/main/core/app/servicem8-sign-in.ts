// Sign in with ServiceM8 (OAuth 2.0): the app asks for ServiceM8's authorize page, the
// person approves in their browser, ServiceM8 redirects to a one-shot listener on
// 127.0.0.1 (the connector's oauth-flow.ts), the code is exchanged and the tokens are
// saved to the keychain. Nothing of it reaches the renderer: it gets the authorize URL
// to open and then the state of the sign-in in words.
import type { ServiceM8SignIn } from '../../../shared/api';
import { redactText, registerSecret } from '../logging/redact';
import { authorizeWithBrowser, DEFAULT_BASE_URL, OAuthTokenAuth, ServiceM8Client, type OAuthConfig } from '../connectors/servicem8/index';
import type { SecretStore } from '../secrets/secret-store';
import { AppError } from './app-backend';
import { explainError } from './plain-error';

export interface SignInDeps {
  config: OAuthConfig | null;
  secrets: SecretStore;
  /** Where the REST API is (SERVICEM8_BASE_URL), for the check that the new tokens work. */
  apiBaseUrl?: string;
  /** Told when the sign-in finished, either way (the app pushes a fresh status). */
  onSettled(signIn: ServiceM8SignIn): void;
  timeoutMs?: number;
}

export interface ServiceM8SignInFlow {
  begin(): Promise<{ url: string }>;
  state(): ServiceM8SignIn;
  cancel(): void;
}

export const SIGN_IN_UNAVAILABLE =
  'Sign in with ServiceM8 is not set up in this copy of sm8sync (it needs a ServiceM8 add-on’s App Id and App Secret). Use an API key instead.';

export function createServiceM8SignIn(deps: SignInDeps): ServiceM8SignInFlow {
  let current: ServiceM8SignIn = { state: deps.config ? 'idle' : 'unavailable', message: deps.config ? null : SIGN_IN_UNAVAILABLE };
  let abort: AbortController | null = null;

  const settle = (next: ServiceM8SignIn) => {
    current = next;
    deps.onSettled(next);
  };

  async function check(config: OAuthConfig, signal: AbortSignal): Promise<string> {
    const client = new ServiceM8Client({ baseUrl: deps.apiBaseUrl ?? DEFAULT_BASE_URL, auth: new OAuthTokenAuth(config, deps.secrets) });
    return (await client.getVendor({ signal })).name;
  }

  return {
    state: () => current,
    cancel() {
      abort?.abort(new Error('cancelled'));
      abort = null;
      if (current.state === 'waiting') current = { state: 'idle', message: null };
    },
    async begin() {
      const config = deps.config;
      if (!config) throw new AppError('forbidden', SIGN_IN_UNAVAILABLE);
      if (!deps.secrets.writable)
        throw new AppError('forbidden', 'This computer’s keychain is read-only here, so a ServiceM8 sign-in cannot be kept.');
      if (!(await deps.secrets.get('servicem8.oauthClientSecret'))) throw new AppError('forbidden', SIGN_IN_UNAVAILABLE);
      abort?.abort(new Error('replaced by a new sign-in'));
      const controller = new AbortController();
      abort = controller;
      let opened!: (url: string) => void;
      const url = new Promise<string>((resolve) => (opened = resolve));
      const flow = authorizeWithBrowser({
        config,
        secrets: deps.secrets,
        openUrl: opened,
        signal: controller.signal,
        timeoutMs: deps.timeoutMs,
      });
      current = { state: 'waiting', message: 'Waiting for you to approve sm8sync in ServiceM8, in your browser…' };
      const fail = (error: unknown) => {
        if (!controller.signal.aborted)
          settle({ state: 'failed', message: signInProblem(redactText(error instanceof Error ? error.message : String(error))) });
      };
      void flow.then(async (tokens) => {
        registerSecret(tokens.accessToken);
        registerSecret(tokens.refreshToken);
        try {
          const account = await check(config, controller.signal);
          // A sign-in replaces an API key: only one ServiceM8 credential is used.
          await deps.secrets.delete('servicem8.apiKey').catch(() => false);
          if (abort === controller) settle({ state: 'connected', message: `Connected to ServiceM8 (${account}).` });
        } catch (error) {
          // Tokens that cannot read the account are no connection: not kept.
          await deps.secrets.delete('servicem8.oauthTokens').catch(() => false);
          fail(error);
        }
      }, fail);
      // The URL is known as soon as the loopback listener is up; a flow that fails before that says why.
      const first = await Promise.race([
        url,
        flow.then(
          () => null,
          () => null,
        ),
      ]);
      if (!first) throw new AppError('failed', 'The ServiceM8 sign-in could not start. Try again.');
      return { url: first };
    },
  };
}

function signInProblem(message: string): string {
  if (/timed out/i.test(message)) return 'The ServiceM8 sign-in was not finished in time. Try again.';
  if (/did not grant|access_denied|authorization failed/i.test(message))
    return 'ServiceM8 did not give sm8sync access. Try again, and choose Allow.';
  if (/client secret|App Secret/i.test(message)) return SIGN_IN_UNAVAILABLE;
  const plain = explainError(message, 'servicem8');
  return plain.kind === 'other' ? 'The ServiceM8 sign-in did not finish. Try again.' : `${plain.words}. Try again.`;
}
