// Which screen is shown. Until the person picks one, it follows the status: Connect
// while a service is missing, Status otherwise.
import { useState } from 'react';
import type { Status } from '../../shared/api';

export type Screen = 'status' | 'conflicts' | 'activity' | 'connect';

export function useScreen(status: Status | null): [Screen, (screen: Screen) => void] {
  const [chosen, setChosen] = useState<Screen | null>(null);
  const fallback: Screen = status?.state === 'not_connected' ? 'connect' : 'status';
  return [chosen ?? fallback, setChosen];
}
