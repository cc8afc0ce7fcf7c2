import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

/** Where the cabinet signs people in, from /config.json (the same build serves every environment). */
export interface CabinetConfig {
  authority: string;
  clientId: string;
  apiBase: string;
}

/** What the cabinet knows of the signed-in person, from their access token. */
export interface Person {
  sub: string;
  name: string;
  login: string;
  email: string | null;
  roles: string[];
  /** The organisation the institute confirmed they represent; null otherwise. */
  organisationInn: string | null;
  isStaff: boolean;
  isAuditor: boolean;
  isRepresentative: boolean;
}

export function createUserManager(config: CabinetConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${origin}/callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile email',
    // the refresh token renews the access token before it expires; when the session itself has ended, the next
    // call answers 401 and the person signs in again, coming back where they were
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    ui_locales: 'ru',
  });
}

/** The claims of a JWT's payload (the token is the identity provider's, verified by the services). */
export function claims(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const json = decodeURIComponent(Array.from(atob(base64), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
  return JSON.parse(json) as Record<string, unknown>;
}

export function personOf(user: User): Person {
  const c = claims(user.access_token);
  const roles = Array.isArray(c.groups) ? (c.groups as string[]) : [];
  const isStaff = roles.includes('staff');
  const isAuditor = roles.includes('auditor');
  return {
    sub: String(c.sub ?? ''),
    name: String(c.name ?? c.preferred_username ?? ''),
    login: String(c.preferred_username ?? ''),
    email: typeof c.email === 'string' ? c.email : null,
    roles,
    organisationInn: typeof c.org === 'string' && c.org ? c.org : null,
    isStaff,
    isAuditor,
    isRepresentative: !isStaff && !isAuditor && roles.includes('representative'),
  };
}

/** The path to come back to after signing in: where the person was, never the callback itself. */
export function returnPath(location: Location): string {
  const path = `${location.pathname}${location.search}${location.hash}`;
  return location.pathname.startsWith('/callback') ? '/' : path;
}
