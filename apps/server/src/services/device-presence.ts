// Which devices have a live realtime connection now. In memory on purpose: after a restart every
// device reconnects within seconds, and "online" must never outlive the connection it describes.
export class DevicePresence {
  private readonly live = new Map<string, number>();

  connected(deviceId: string): void {
    this.live.set(deviceId, (this.live.get(deviceId) ?? 0) + 1);
  }

  disconnected(deviceId: string): void {
    const n = (this.live.get(deviceId) ?? 0) - 1;
    if (n > 0) this.live.set(deviceId, n);
    else this.live.delete(deviceId);
  }

  isOnline(deviceId: string): boolean {
    return this.live.has(deviceId);
  }
}
