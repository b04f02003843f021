/** A way of telling people about an alert (R6). The outbox delivers through these and retries. */
import type { AlertEvent, NotifiedAlert } from './message.js';

export interface Channel {
  /** `email` or `webhook`: the outbox row's channel. */
  readonly name: string;
  /** Delivers or throws; `deliveryId` identifies the outbox row (idempotency for receivers). */
  send(alert: NotifiedAlert, event: AlertEvent, deliveryId: number): Promise<void>;
  close(): Promise<void>;
}
