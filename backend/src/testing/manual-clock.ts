import { Clock } from '../core/clock.js';

/** A clock that moves only when a test moves it. */
export class ManualClock extends Clock {
  constructor(private time = Date.parse('2025-03-01T10:00:00.000Z')) {
    super();
  }

  now(): Date {
    return new Date(this.time);
  }

  advance(milliseconds: number): void {
    this.time += milliseconds;
  }
}
