import type { FieldViolation, Problem } from '../api/types';

/** A failed call: the service's problem+json when it sent one. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | null) {
    super(problem?.detail ?? problem?.title ?? `Ошибка ${status}`);
  }

  get violations(): FieldViolation[] {
    return this.problem?.errors ?? [];
  }
}

/** «participants[1].documents.SNILS» → ['participants', 1, 'documents', 'SNILS'], the path antd's Form names fields by. */
export function fieldPath(field: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const part of field.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      path.push(part);
      continue;
    }
    if (m[1]) path.push(m[1]);
    for (const index of m[2].matchAll(/\[(\d+)\]/g)) {
      path.push(Number(index[1]));
    }
  }
  return path;
}

/**
 * The violations as antd form errors, each on its field when the form has it ({@code known}), the rest as lines for
 * the form's top («participants[1].documents.SNILS: загрузите скан»).
 */
export function splitViolations(violations: FieldViolation[], known: (path: (string | number)[]) => boolean):
  { fields: { name: (string | number)[]; errors: string[] }[]; rest: string[] } {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const rest: string[] = [];
  for (const v of violations) {
    const name = fieldPath(v.field);
    if (known(name)) {
      const key = JSON.stringify(name);
      const entry = byField.get(key) ?? { name, errors: [] };
      entry.errors.push(v.message);
      byField.set(key, entry);
    } else {
      rest.push(`${v.field}: ${v.message}`);
    }
  }
  return { fields: [...byField.values()], rest };
}

/** What a person reads of any failure. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'Нет связи с сервером. Проверьте подключение и повторите.';
    const lines = error.violations.map((v) => `${v.field}: ${v.message}`);
    return [error.problem?.detail ?? error.problem?.title ?? `Ошибка ${error.status}`, ...lines]
      .filter((line, i, all) => all.indexOf(line) === i).join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}
