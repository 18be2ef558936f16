import { randomInt } from 'node:crypto';
import { v4 as uuidv4 } from 'uuid';

/** One day in milliseconds: recovery windows, rotation periods and access dates count whole days. */
export const DAY_MS = 86_400_000;

/** The time source the core reads; tests inject a controllable one. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** Where identifiers come from, so a seeded source can make them deterministic. */
export interface IdSource {
  uuid(): string;
  /** `length` random characters from [A-Za-z0-9]. */
  alphanumeric(length: number): string;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Cryptographically random ids. */
export const randomIds: IdSource = {
  uuid: () => uuidv4(),
  alphanumeric: (length) => Array.from({ length }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join(''),
};

/** A clock that only moves when told to; for tests and replayable runs. */
export class ManualClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/**
 * A clock running `offset` ahead of another, so an emulator can be moved into the future
 * (recovery windows, purges, rotations) without waiting. It never moves backwards: stored
 * timestamps would otherwise lie in the future and windows could reopen.
 */
export class OffsetClock implements Clock {
  private offset = 0;
  constructor(private readonly base: Clock) {}
  now(): number {
    return this.base.now() + this.offset;
  }
  /** Moves forward by `ms`; refuses negative or non-finite amounts. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`the clock only moves forward: cannot advance by ${ms} ms`);
    this.offset += ms;
  }
  /** How far ahead of its base clock this clock runs, in milliseconds (0 until moved). */
  get offsetMs(): number {
    return this.offset;
  }
  /** Moves forward to `epochMs`; refuses a time before now. */
  setTo(epochMs: number): void {
    this.advance(epochMs - this.now());
  }
}
