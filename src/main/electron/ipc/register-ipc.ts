// The typed IPC bridge in main: one invoke channel into the backend, one event channel
// out of it. The only file in main that touches ipcMain (lint-enforced).
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ApiResponse } from '../../../shared/api';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type BridgeEvent } from '../../../shared/bridge';
import type { AppBackend } from '../../core/app/app-backend';
import { createLogger } from '../../core/logging/logger';
import { checkInvoke, type SenderInfo, type TrustPolicy } from './trusted-sender';

const log = createLogger('electron/ipc');

function describeSender(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
  };
}

/** Registers the bridge; returns a function that removes it again. */
export function registerIpc(backend: AppBackend, policy: () => TrustPolicy, windows: () => BrowserWindow[]): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, payload: unknown): Promise<ApiResponse<unknown>> => {
    const checked = checkInvoke(describeSender(event), payload, policy());
    if (!checked.ok) {
      log.warn({ code: checked.error.code, sender: event.sender.id }, 'refused an IPC call');
      return checked;
    }
    return backend.invoke(checked.method, checked.params);
  });
  const unsubscribe = backend.subscribe((event, payload) => {
    const message: BridgeEvent = { event, payload };
    for (const window of windows()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, message);
    }
  });
  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    unsubscribe();
  };
}
