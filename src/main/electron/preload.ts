// The preload exposes one small, frozen, typed object to the sandboxed renderer:
// `window.sm8sync = { runtime, invoke, on }`. Nothing else from Node or Electron leaks;
// listeners get only the payload (never the IpcRendererEvent, which carries `sender`).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppEventName } from '../../shared/api';
import { APP_EVENT_NAMES, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type BridgeEvent, type PreloadBridge } from '../../shared/bridge';

const bridge: PreloadBridge = {
  runtime: 'electron',
  invoke: (method, params) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, { method, params }),
  on(event: AppEventName, listener: (payload: unknown) => void) {
    if (!APP_EVENT_NAMES.includes(event)) throw new Error(`unknown event "${String(event)}"`);
    const handler = (_event: IpcRendererEvent, message: BridgeEvent) => {
      if (message?.event === event) listener(message.payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('sm8sync', Object.freeze(bridge));
