import type { ValidateFunction } from 'ajv';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { SecretEngine } from '../core/engine.js';
import type { Cloud } from '../core/model.js';
import type { AdminValidators } from './adminSchemas.js';
import type { Logger } from './log.js';
import { rawBody } from './body.js';
import { parseSeedText, seed, SeedError } from './seed.js';
import type { DefaultNamespaces } from './seedDocument.js';
import { checkImport, exportState, importState, type StateExport } from './state.js';
import type { FaultRules } from './faults/rules.js';

/** Admin bodies can carry a whole state export; far above any dialect's limit, still bounded. */
/** Seed and state documents of 100,000 secrets with 1 KiB values fit, with room to spare. */
const MAX_ADMIN_BODY = 256 * 1024 * 1024;
/** Content types whose seed body is read as YAML (README "Seeding"); any other is JSON. */
const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

/** What the admin routes need from the server around them. */
export interface AdminOptions {
  engine: SecretEngine;
  logger: Logger;
  validators: AdminValidators;
  /** Where AWS rotation functions run; a seed's `rotationLambdas` add to it. */
  rotationFunctions?: Map<string, string>;
  /** Each cloud's default account and region, where a seed's multi-cloud secrets go unless they name others. */
  defaultNamespaces: DefaultNamespaces;
  /** This server's fault rules; a seed's `faults` add to them. */
  faults?: FaultRules;
}

/** A refused admin request: status 400 and the reasons, never a secret value. */
class AdminRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

/** The JSON body, or undefined when there is none. */
function jsonBody(req: Request): unknown {
  const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
  if (raw.trim() === '') return undefined;
  try {
    return parseSeedText(raw);
  } catch (error) {
    throw new AdminRequestError('InvalidJson', 'the request body is not valid JSON', (error as SeedError).problems);
  }
}

/** A seed body: YAML when its content type says so, else JSON like every admin body. */
function seedBody(req: Request): unknown {
  // req.is() is null for an empty body, which falls through to JSON's "no body".
  if (!req.is(YAML_TYPES)) return jsonBody(req);
  try {
    return parseSeedText(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '', 'yaml');
  } catch (error) {
    if (!(error instanceof SeedError)) throw error;
    throw new AdminRequestError('InvalidYaml', 'the request body is not valid YAML', error.problems);
  }
}

function problemsOf(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}`);
}

/** The routes under /_emulator/ that change state (and moto's reset alias); health is served without express (app.ts). */
export function createAdminRouter({ engine, logger, validators, rotationFunctions, defaultNamespaces, faults }: AdminOptions): Router {
  const router = express.Router();
  const body = rawBody(MAX_ADMIN_BODY);

  const reset = async (req: Request, res: Response) => {
    const scope = jsonBody(req);
    if (scope === undefined) {
      await engine.reset();
      logger.info('state reset');
      res.status(200).json({ status: 'reset' });
      return;
    }
    if (!validators.reset(scope)) throw new AdminRequestError('InvalidReset', 'the reset scope is not valid', problemsOf(validators.reset));
    const removed = await engine.resetScope(scope as { cloud: Cloud; account?: string; region?: string });
    logger.info(`state reset for ${JSON.stringify(scope)}: ${removed} secrets removed`);
    res.status(200).json({ status: 'reset', scope, removed });
  };
  router.post('/_emulator/reset', body, reset);
  // moto's server-mode reset, which existing AWS test suites call between tests.
  router.post('/moto-api/reset', body, reset);

  router.post('/_emulator/seed', body, async (req, res) => {
    try {
      const seedFaults = faults && { validate: validators.faults, rules: faults };
      const loaded = await seed({ engine, validate: validators.seed, defaults: defaultNamespaces, rotationFunctions, faults: seedFaults }, seedBody(req) ?? null);
      logger.info(`seeded ${loaded} secrets`);
      res.status(200).json({ status: 'seeded', secrets: loaded });
    } catch (error) {
      if (error instanceof SeedError) throw new AdminRequestError('InvalidSeed', 'the seed document was refused', error.problems);
      throw error;
    }
  });

  router.get('/_emulator/state', (req, res) => {
    res.status(200).json(exportState(engine, req.query.values === 'true'));
  });

  router.post('/_emulator/state', body, async (req, res) => {
    const doc = jsonBody(req) ?? null;
    const problems = checkImport(doc, validators.state);
    if (problems.length) throw new AdminRequestError('InvalidState', 'the state document was refused', problems);
    const imported = await importState(engine, doc as StateExport);
    logger.info(`imported ${imported} secrets`);
    res.status(200).json({ status: 'imported', secrets: imported });
  });

  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (error instanceof AdminRequestError) {
      res.status(400).json({ error: error.code, message: error.message, problems: error.problems });
      return;
    }
    next(error);
  });
  return router;
}
