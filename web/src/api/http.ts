import type { Problem } from './types';
import { ApiError } from '../lib/problem';

/** The four services, each behind the cabinet's one origin at /api/<service>. */
export type Service = 'application-service' | 'document-service' | 'contract-service' | 'messaging-service';

interface Wiring {
  base: string;
  token: () => Promise<string | null>;
  /** The session has ended: sign in again and come back to where the person was. */
  unauthorized: () => void;
}

let wiring: Wiring = { base: '/api', token: async () => null, unauthorized: () => undefined };

export function wireApi(w: Wiring) {
  wiring = w;
}

export function url(service: Service, path: string, query?: Record<string, string | number | boolean | undefined | null>) {
  const params = new URLSearchParams();
  Object.entries(query ?? {}).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  });
  const q = params.toString();
  return `${wiring.base}/${service}${path}${q ? `?${q}` : ''}`;
}

async function headers(extra?: Record<string, string>): Promise<Record<string, string>> {
  const token = await wiring.token();
  return { ...(token ? { Authorization: `Bearer ${token}` } : {}), Accept: 'application/json, application/problem+json', ...extra };
}

async function failure(response: Response): Promise<ApiError> {
  if (response.status === 401) {
    wiring.unauthorized();
  }
  let problem: Problem | null = null;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = null;
    }
  }
  return new ApiError(response.status, problem ?? {
    type: 'about:blank', status: response.status,
    title: response.status === 401 ? 'Сеанс завершён' : response.status === 403 ? 'Доступ запрещён'
      : response.status === 404 ? 'Не найдено' : response.status >= 500 ? 'Ошибка сервера' : `Ошибка ${response.status}`,
    detail: response.status === 401 ? 'Войдите снова.' : undefined,
  });
}

/** A JSON call; the answer's JSON, or undefined for an answer without a body. */
export async function call<T>(service: Service, path: string, init: {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
} = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url(service, path, init.query), {
      method: init.method ?? 'GET',
      headers: await headers(init.body !== undefined ? { 'Content-Type': 'application/json' } : undefined),
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    throw await failure(response);
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file the service serves, as a Blob (with the bearer token a plain link could not carry). */
export async function fetchFile(service: Service, path: string): Promise<{ blob: Blob; name: string | null }> {
  let response: Response;
  try {
    response = await fetch(url(service, path), { headers: await headers({ Accept: '*/*' }) });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    throw await failure(response);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const plain = /filename="([^"]+)"/.exec(disposition);
  return { blob: await response.blob(), name: encoded ? decodeURIComponent(encoded[1]) : plain ? plain[1] : null };
}

/** Saves a served file on the person's computer. */
export async function saveFile(service: Service, path: string, fallbackName: string) {
  const { blob, name } = await fetchFile(service, path);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name ?? fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * Uploads a file as the request body with its name in {@code ?name=} (how the services take files), reporting
 * progress; XMLHttpRequest, because fetch cannot tell how much has been sent.
 */
export async function uploadFile<T>(service: Service, path: string, file: File, onProgress?: (percent: number) => void,
  signal?: AbortSignal, query?: Record<string, string | null | undefined>): Promise<T> {
  const token = await wiring.token();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url(service, path, { ...query, name: file.name }));
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
      } else {
        if (xhr.status === 401) wiring.unauthorized();
        reject(new ApiError(xhr.status, (body as Problem) ?? null));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.onabort = () => reject(new ApiError(0, { type: 'about:blank', title: 'Загрузка отменена', status: 0 }));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
