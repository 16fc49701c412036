// A settable clock for tests, the simulator and demos.
export class FakeClock {
  constructor(public now: number = Date.parse('2026-01-05T02:00:00Z')) {}
  readonly read = (): number => this.now;
  set(iso: string): void {
    this.now = Date.parse(iso);
  }
  advance(seconds: number): void {
    this.now += seconds * 1000;
  }
}
