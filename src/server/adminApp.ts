import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Request, type Response } from 'express';
import { createAdminRouter, type AdminOptions } from './admin.js';
import { createDiagnosticsRouter, type DiagnosticsOptions } from './diagnostics.js';
import { createInspectorRouter, type InspectorOptions } from './inspector/routes.js';
import { closeAfterAnswer, INTERNAL_ERROR, sendJson } from './http.js';
import { createFaultsRouter, type FaultsAdminOptions } from './faults/admin.js';

/** What the admin app serves from. */
export type AdminAppOptions = AdminOptions & DiagnosticsOptions & InspectorOptions & Pick<FaultsAdminOptions, 'faults' | 'faultErrors'>;

/** The express app of the admin API under /_emulator/ (health aside) and /moto-api/. */
export function createAdminApp(options: AdminAppOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(createAdminRouter(options));
  app.use(createDiagnosticsRouter(options));
  app.use(createFaultsRouter({ ...options, validateFault: options.validators.faults }));
  app.use(createInspectorRouter(options));
  // Under /_emulator/ and /moto-api/ only admin routes exist: anything else is a typo, not a cloud call.
  app.use((req: Request, res: Response) => {
    sendJson(res, 404, { error: 'NotFound', message: `no admin route ${req.method} ${req.path} (see the README's "Admin endpoints")` });
  });
  app.use((error: unknown, _req: Request, res: Response, _next: unknown) => {
    // body-parser's own refusals (too large, aborted, bad encoding) carry their 4xx status: a client's mistake.
    const status = (error as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // The rest of a body over the limit is never read: the connection ends with the answer.
      if (status === 413) closeAfterAnswer(res);
      sendJson(res, status, { error: 'InvalidRequest', message: (error as Error).message, problems: [] });
      return;
    }
    options.logger.error(`unhandled: ${(error as Error)?.stack ?? String(error)}`);
    if (!res.headersSent) sendJson(res, 500, INTERNAL_ERROR);
  });
  return app;
}
