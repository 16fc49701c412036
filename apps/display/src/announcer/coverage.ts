// Which windows a display announces: its device's zone and/or list of windows, set by the admin
// (both empty: every window, as the hall display does by default). Pure.
export interface AnnounceScope {
  announceZone?: string | null;
  announceWindows?: number[] | null;
}

export function coversWindow(scope: AnnounceScope | null, windows: ReadonlyArray<{ number: number; zone: string }>, windowNumber: number): boolean {
  const zone = scope?.announceZone ?? null;
  const list = scope?.announceWindows ?? null;
  if (zone === null && (list === null || list.length === 0)) return true;
  if (list?.includes(windowNumber)) return true;
  return zone !== null && windows.some((w) => w.number === windowNumber && w.zone === zone);
}

/** Where a display keeps how far it has announced, so a reload resumes there. */
export function announcedKey(hallId: string, deviceId: string | null): string {
  return `hallq:announced:${hallId}:${deviceId ?? 'display'}`;
}
