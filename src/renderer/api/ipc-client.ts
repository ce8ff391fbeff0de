// The api client inside Electron: calls go through the preload's one bridge object.
import type { AppApiClient } from '../../shared/api';
import type { PreloadBridge } from '../../shared/bridge';
import { checkEvent, checkResponse, transportError } from './check-response';

export function createIpcClient(bridge: PreloadBridge): AppApiClient {
  return {
    async call(method, params) {
      try {
        return checkResponse(method, await bridge.invoke(method, params));
      } catch (error) {
        return transportError(`The app did not answer: ${(error as Error).message}`);
      }
    },
    on(event, listener) {
      return bridge.on(event, (payload) => {
        const checked = checkEvent(event, payload);
        if (checked) listener(checked);
      });
    },
  };
}
