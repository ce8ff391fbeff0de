// What planning one cycle of the clients pair works from: both sides' validated
// records, which changed, and the store's view (links, bases, decisions, busy subjects).
import type { Settings } from '../../../../shared/settings';
import type { Conflict } from '../../store/repositories/conflicts-repository';
import type { LinkLookup } from '../kit/planning-links';
import type { ClientBase } from './payloads';
import type { ClientRecord } from './types';

export const CLIENT_ENTITY = 'client';

export interface ClientWorld {
  servicem8: Map<string, ClientRecord>;
  stripe: Map<string, ClientRecord>;
  dirtyServicem8: Set<string>;
  dirtyStripe: Set<string>;
}

export interface ClientPlanContext {
  links: LinkLookup;
  baseFor(servicem8Id: string): ClientBase | undefined;
  /** Resolved (not yet applied) conflicts of this entity. */
  resolved: Conflict[];
  /** Subjects with an unfinished outbox row: left alone until it finishes. */
  busy: Set<string>;
  /** Emails (lower case) of records that failed validation, per side: never matched, so never to be duplicated. */
  quarantinedEmails: { servicem8: Set<string>; stripe: Set<string> };
  settings: Settings;
  newUuid(): string;
}
