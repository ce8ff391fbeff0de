// Main trusts nothing from a renderer (GitHub Desktop's trusted-ipc-sender). Every
// invoke is checked here, as a pure function of a small description of the sender, so
// it is tested without Electron:
// - the sender is the main frame of one of our windows (by webContents id), and
// - that frame shows our own renderer (file:// URL of dist/renderer/index.html);
// - the payload is `{ method: string, params }` of sane size. The params themselves
//   are validated by backend.invoke with the zod schemas of src/shared/api.ts.
import { isApiMethod, MAX_PARAMS_BYTES, type ApiError } from '../../../shared/api';

export interface SenderInfo {
  webContentsId: number;
  /** URL of the frame that sent the message; null when it is gone. */
  frameUrl: string | null;
  isMainFrame: boolean;
}

export interface TrustPolicy {
  /** webContents ids of our own windows. */
  windowIds: ReadonlySet<number>;
  /** file:// URL of the renderer's index.html. */
  rendererUrl: string;
}

export type CheckedInvoke = { ok: true; method: string; params: unknown } | { ok: false; error: ApiError };

export const MAX_PAYLOAD_CHARS = MAX_PARAMS_BYTES;

const refuse = (code: ApiError['code'], message: string): CheckedInvoke => ({ ok: false, error: { code, message } });

/** The page URL without fragment or query: the renderer may use either for its own state. */
function pageOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    parsed.search = '';
    return parsed.href;
  } catch {
    return null;
  }
}

export function isTrustedSender(sender: SenderInfo, policy: TrustPolicy): boolean {
  if (!sender.isMainFrame || !policy.windowIds.has(sender.webContentsId) || sender.frameUrl === null) return false;
  const page = pageOf(sender.frameUrl);
  return page !== null && page.startsWith('file://') && page === pageOf(policy.rendererUrl);
}

export function checkInvoke(sender: SenderInfo, payload: unknown, policy: TrustPolicy): CheckedInvoke {
  if (!isTrustedSender(sender, policy)) return refuse('forbidden', 'IPC from an unknown sender was refused');
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    return refuse('invalid_params', 'the payload must be an object');
  const { method, params } = payload as { method?: unknown; params?: unknown };
  if (!isApiMethod(method)) return refuse('invalid_params', 'method must be one of the app API calls');
  let size: number;
  try {
    size = JSON.stringify(params ?? null).length;
  } catch {
    return refuse('invalid_params', 'params must be plain JSON');
  }
  if (size > MAX_PAYLOAD_CHARS) return refuse('invalid_params', 'params are too large');
  return { ok: true, method, params: params ?? {} };
}
