// One API client for the console, carrying the staff session token kept in sessionStorage.
import { createApiClient } from '@hallq/client';

const TOKEN_KEY = 'hallq.console.token';

export const session = {
  token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  set(token: string): void {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

export const api = createApiClient({ baseUrl: '', getToken: () => session.token() });
