// A hall server's address as a kiosk's or display's config file gives it (`serverUrl`): the pages
// and the API are at the server's root, so the address is the server's alone.

/**
 * Whether a URL is a server's address alone (no path, query, fragment or user:password). Text that
 * is not a URL passes, for the URL check beside it to say what is wrong.
 */
export function isServerAddressOnly(text: string): boolean {
  if (!URL.canParse(text)) return true;
  const u = new URL(text);
  return u.pathname === '/' && !u.username && !u.password && !/[?#]/.test(u.href);
}

/** What a config file's `serverUrl` is told when it is not `isServerAddressOnly`. */
export const SERVER_ADDRESS_ONLY = "must be the server's address alone, e.g. http://10.0.0.2:3000 (no path, ?query, #fragment or user:password@)";
