import { ApiError } from './problem';

/** The refusal's messages by field («receivedOn» → «дата в формате …»), for a small form that shows each at its field. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const byField: Record<string, string> = {};
  for (const v of error.violations) {
    byField[v.field] = byField[v.field] ? `${byField[v.field]}; ${v.message}` : v.message;
  }
  return byField;
}
