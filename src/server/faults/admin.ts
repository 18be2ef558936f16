import type { ValidateFunction } from 'ajv';
import express, { type Request, type Response, type Router } from 'express';
import type { VendorErrorSummary } from '../../dialect/faults.js';
import { rawBody } from '../body.js';
import { describeJsonError } from '../jsonError.js';
import type { Logger } from '../log.js';
import type { FaultRules, FaultRuleSpec } from './rules.js';
import { faultProblems } from './seed.js';

/** A fault rule is a few hundred bytes; this leaves room for a long message. */
const MAX_RULE_BODY = 64 * 1024;

/** What the fault routes read and change. */
export interface FaultsAdminOptions {
  /** This server's rules. */
  faults: FaultRules;
  /** The compiled schemas/admin/faults.json. */
  validateFault: ValidateFunction;
  /** Each cloud's throttling and internal errors, listed beside the rules. */
  faultErrors: Record<string, { throttling: VendorErrorSummary; internal: VendorErrorSummary }>;
  logger: Logger;
}

function refuse(res: Response, error: string, message: string, problems: string[] = []): void {
  res.status(400).json({ error, message, problems });
}

/**
 * `GET`, `POST` and `DELETE /_emulator/faults` and `DELETE /_emulator/faults/{id}`: list, add and
 * remove this server's fault rules (README "Fault injection"). Guarded like every admin route.
 */
export function createFaultsRouter({ faults, validateFault, faultErrors, logger }: FaultsAdminOptions): Router {
  const router = express.Router();

  router.get('/_emulator/faults', (_req: Request, res: Response) => {
    res.status(200).json({ faults: faults.list(), errors: faultErrors });
  });

  router.post('/_emulator/faults', rawBody(MAX_RULE_BODY), (req: Request, res: Response) => {
    const text = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return refuse(res, 'InvalidJson', 'the request body is not valid JSON', text.trim() === '' ? ['/: a fault rule is required'] : [describeJsonError(text)]);
    }
    if (!validateFault(body)) return refuse(res, 'InvalidFault', 'the fault rule was refused', faultProblems(validateFault));
    const rule = faults.add(body as FaultRuleSpec);
    logger.info(`fault rule ${rule.id} added: ${JSON.stringify(rule)}`);
    res.status(201).json(rule);
  });

  router.delete('/_emulator/faults', (_req: Request, res: Response) => {
    const removed = faults.clear();
    logger.info(`fault rules cleared: ${removed} removed`);
    res.status(200).json({ removed });
  });

  router.delete('/_emulator/faults/:id', (req: Request, res: Response) => {
    const id = req.params.id as string;
    if (!faults.remove(id)) {
      res.status(404).json({ error: 'NotFound', message: `no fault rule ${JSON.stringify(id)}` });
      return;
    }
    logger.info(`fault rule ${id} removed`);
    res.status(200).json({ removed: 1 });
  });

  return router;
}
