import { call, type Service } from './http';
import type { AccessLogEntry } from './types';

const SERVICES: Service[] = ['application-service', 'document-service', 'contract-service', 'messaging-service'];

/**
 * Who viewed the personal data of an application, from the four services' access logs merged, newest first. A module of
 * its own: only the personal-data tab (loaded lazily) pulls it in.
 */
export async function accessLogOf(applicationId: string): Promise<AccessLogEntry[]> {
  const logs = await Promise.all(SERVICES.map((service) =>
    call<AccessLogEntry[]>(service, '/admin/access-log', { query: { applicationId } })));
  return logs.flat().sort((a, b) => b.at.localeCompare(a.at));
}
