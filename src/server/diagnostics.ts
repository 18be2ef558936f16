import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import express, { type Request, type Response, type Router } from 'express';
import type { OffsetClock } from '../core/runtime.js';
import { packageRoot } from '../paths.js';
import type { Logger } from './log.js';
import type { RequestLog } from './requestLog.js';
import { rawBody } from './body.js';

/** A clock request body is a handful of bytes. */
const MAX_CLOCK_BODY = 4 * 1024;
/** The largest epoch milliseconds a Date can hold. */
const MAX_DATE_MS = 8.64e15;

/** What the diagnostic routes read and move. */
export interface DiagnosticsOptions {
  /** The server's own clock wrapper; moving it moves only this server's time. */
  clock: OffsetClock;
  requestLog: RequestLog;
  logger: Logger;
  /** Makes the clock's new offset durable (the data dir's clock file), so a restart keeps the moved time. */
  saveClockOffset(offsetMs: number): Promise<void>;
}

type ClockBody = { advanceSeconds: number } | { time: string | number };

function clockReport(clock: OffsetClock): { time: string; epochMs: number } {
  const epochMs = clock.now();
  return { time: new Date(epochMs).toISOString(), epochMs };
}

function refuse(res: Response, message: string, problems: string[] = []): void {
  res.status(400).json({ error: 'InvalidClock', message, problems });
}

/**
 * `GET /_emulator/requests` (the recent-request ring buffer) and `GET`/`POST /_emulator/clock`
 * (the emulator's time, and moving it forward so windows and purges can be tested without waiting).
 */
export function createDiagnosticsRouter({ clock, requestLog, logger, saveClockOffset }: DiagnosticsOptions): Router {
  const schema = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'admin', 'clock.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: true }).compile<ClockBody>(schema);
  const router = express.Router();

  router.get('/_emulator/requests', (_req: Request, res: Response) => {
    res.status(200).json({ requests: requestLog.recent() });
  });

  router.get('/_emulator/clock', (_req: Request, res: Response) => {
    res.status(200).json(clockReport(clock));
  });

  router.post('/_emulator/clock', rawBody(MAX_CLOCK_BODY), async (req: Request, res: Response) => {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');
    } catch {
      refuse(res, 'the request body must be JSON: {"advanceSeconds": N} or {"time": "<ISO 8601>"}');
      return;
    }
    if (!validate(body)) {
      const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}`);
      refuse(res, 'expected exactly one of advanceSeconds (>= 0) or time (ISO 8601 or epoch ms)', problems);
      return;
    }
    const before = clock.now();
    const target = 'advanceSeconds' in body ? before + body.advanceSeconds * 1000 : typeof body.time === 'number' ? body.time : Date.parse(body.time);
    // Date's own range; beyond it toISOString throws and stored timestamps would be meaningless.
    if (!(Math.abs(target) <= MAX_DATE_MS)) return refuse(res, `not a reachable date-time: ${JSON.stringify(body)}`);
    if (target < before) return refuse(res, `the emulator clock only moves forward: ${new Date(target).toISOString()} is before ${new Date(before).toISOString()}`);
    clock.setTo(target);
    // Durable before the 200: a restart right after it must still see the moved time.
    await saveClockOffset(clock.offsetMs);
    logger.info(`clock moved forward ${(target - before) / 1000}s`);
    res.status(200).json(clockReport(clock));
  });

  return router;
}
