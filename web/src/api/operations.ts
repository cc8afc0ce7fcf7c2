import { call, type Service } from './http';
import type { DeadLetter, DeadLetterState, PublisherSkipRequest, PublisherStatus, QuarantineEntry } from './types';

// The operations page's calls, in a module of their own: only that (lazily loaded) page pulls them in.

const id = (s: string) => encodeURIComponent(s);

/** The publisher of any service (404 problem for a service that publishes nothing) and the events it parked. */
export const publisher = {
  status: (service: Service) => call<PublisherStatus>(service, '/admin/publisher'),
  quarantine: (service: Service) => call<QuarantineEntry[]>(service, '/admin/publisher/quarantine'),
  publish: (service: Service, eventId: string) =>
    call<QuarantineEntry>(service, `/admin/publisher/quarantine/${id(eventId)}/publish`, { method: 'POST' }),
  skip: (service: Service, eventId: string, reason: string) =>
    call<QuarantineEntry>(service, `/admin/publisher/quarantine/${id(eventId)}/skip`,
      { method: 'POST', body: { reason } satisfies PublisherSkipRequest }),
};

/** The records any service's consumers could not apply. */
export const deadLetters = {
  list: (service: Service, query: { consumer?: string; state?: DeadLetterState } = {}) =>
    call<DeadLetter[]>(service, '/admin/dead-letters', { query }),
  one: (service: Service, deadLetterId: string) => call<DeadLetter>(service, `/admin/dead-letters/${id(deadLetterId)}`),
  redrive: (service: Service, deadLetterId: string) =>
    call<DeadLetter>(service, `/admin/dead-letters/${id(deadLetterId)}/redrive`, { method: 'POST' }),
};
