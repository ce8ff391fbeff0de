// The preload exposes one small, typed object to the sandboxed renderer. The app
// API bridge is added with the UI; nothing else from Node or Electron leaks.
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('sm8sync', Object.freeze({ runtime: 'electron' as const }));
