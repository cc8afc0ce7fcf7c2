/** What the staff «Эксплуатация» page says about the services' publishers and consumers. */
import type { Service } from '../api/http';
import type { DeadLetterState, QuarantineState } from '../api/types';
import { ApiError } from './problem';

/** The four services in the order staff read them, with their Russian names. */
export const SERVICES: { service: Service; title: string }[] = [
  { service: 'application-service', title: 'Заявки' },
  { service: 'document-service', title: 'Документы' },
  { service: 'contract-service', title: 'Договоры' },
  { service: 'messaging-service', title: 'Переписка' },
];

/** «Заявки (application-service)». */
export function serviceTitle(service: Service): string {
  const known = SERVICES.find((s) => s.service === service);
  return known ? `${known.title} (${service})` : service;
}

const DEAD_LETTER_STATES: Record<DeadLetterState, string> = {
  WAITING: 'ждёт решения',
  REDRIVING: 'отправлена повторно',
  REDRIVEN: 'применена',
};

export function deadLetterStateLabel(state: DeadLetterState): string {
  return DEAD_LETTER_STATES[state] ?? state;
}

/** The dead letters' state filter: every record, or the one state. */
export const DEAD_LETTER_FILTERS: { value: '' | DeadLetterState; label: string }[] = [
  { value: '', label: 'все' },
  { value: 'WAITING', label: DEAD_LETTER_STATES.WAITING },
  { value: 'REDRIVEN', label: DEAD_LETTER_STATES.REDRIVEN },
];

const QUARANTINE_STATES: Record<QuarantineState, string> = {
  PARKED: 'в карантине',
  RELEASED: 'публикуется снова',
  SKIPPED: 'пропущено',
  PUBLISHED: 'опубликовано',
};

export function quarantineStateLabel(state: QuarantineState): string {
  return QUARANTINE_STATES[state] ?? state;
}

/** An event type's short name: «ru.fioco.training.application.api.events.ApplicationSubmitted» → «ApplicationSubmitted». */
export function shortType(type: string | null | undefined): string {
  if (!type) return '—';
  const short = type.slice(type.lastIndexOf('.') + 1);
  return short || type;
}

/** A record's payload for reading: indented when it is JSON, as it came otherwise. */
export function readablePayload(value: string | null | undefined): string {
  if (value == null || value === '') return '(пусто)';
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return value;
  }
}

/** The service answered that it publishes nothing: no publisher to show. */
export function publishesNothing(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** How often to ask again: quickly while something is under way, slowly otherwise. */
export function pollInterval(busy: boolean, quick = 2_000, slow = 15_000): number {
  return busy ? quick : slow;
}
