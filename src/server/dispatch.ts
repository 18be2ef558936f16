import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dialect, DialectRequest, RequestOutcome } from '../dialect/contract.js';
import { closeAfterAnswer, INTERNAL_ERROR, sendJson } from './http.js';
import type { Logger } from './log.js';
import type { RequestLog } from './requestLog.js';
import { readBody } from './body.js';

/** Bodies above this are discarded and answered with the dialect's own "too large" error. */
const MAX_BODY_BYTES = 1024 * 1024;

/** A path the fast path can use as is: `new URL` would neither resolve dot segments in it nor re-encode it. */
const PLAIN_PATH = /^\/[A-Za-z0-9\-_~%/]*$/;

const UNRECOGNISED = {
  error: 'UnrecognizedRequest',
  message:
    'polysecret could not tell which cloud this request is for. Expected one of: ' +
    'AWS Secrets Manager (header X-Amz-Target: secretsmanager.<Operation>); ' +
    'Alibaba Cloud KMS (parameter Action or header x-acs-action, with Version 2016-01-20); ' +
    'Tencent Cloud SSM (header X-TC-Action, or parameter Action with Version 2019-09-23).',
};

function toDialectRequest(req: IncomingMessage, body: Buffer, bodyTooLarge: boolean): DialectRequest {
  // node:http already lower-cases names and joins repeats with ", ", except set-cookie (an array).
  const headers = req.headers as Record<string, string>;
  for (const name in headers) {
    const value = headers[name] as unknown;
    if (Array.isArray(value)) headers[name] = value.join(', ');
  }
  const target = req.url ?? '/';
  const queryStart = target.indexOf('?');
  const rawPath = queryStart < 0 ? target : target.slice(0, queryStart);
  const rawQuery = queryStart < 0 ? '' : target.slice(queryStart + 1);
  const path = PLAIN_PATH.test(rawPath) ? rawPath : new URL(rawPath, 'http://localhost').pathname;
  return { method: req.method ?? 'GET', path, headers, query: new URLSearchParams(rawQuery), rawQuery, body, bodyTooLarge };
}

/** The answer to an oversized body no dialect can be told from (its Action would have been in the body). */
const TOO_LARGE = { error: 'RequestEntityTooLarge', message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` };

/** What the dialect handler needs from its server. */
export interface DialectHandlerDeps {
  dialects: readonly Dialect[];
  requestLog: RequestLog;
  logger: Logger;
}

/**
 * Answers a cloud API request on plain node:http (no router: this is the path every SDK call
 * takes): recognises the dialect, lets it answer, logs the outcome.
 */
export function createDialectHandler({ dialects, requestLog, logger }: DialectHandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  async function answer(req: IncomingMessage, res: ServerResponse, body: Buffer, tooLarge: boolean): Promise<void> {
    const started = process.hrtime.bigint();
    const request = toDialectRequest(req, body, tooLarge);
    requestLog.received(request);
    if (tooLarge) closeAfterAnswer(res);
    const dialect = dialects.find((d) => d.matches(request));
    if (!dialect) {
      const [status, body] = tooLarge ? [413, TOO_LARGE] : [400, UNRECOGNISED];
      sendJson(res, status, body);
      const outcome = { errorCode: body.error };
      requestLog.answered({ cloud: 'unrecognised', action: `${request.method} ${request.path}`, status, outcome, started });
      return;
    }
    const outcome: RequestOutcome = {};
    const response = await dialect.handle(request, outcome);
    if (outcome.dropConnection) {
      // A fault rule's dropped connection: no answer at all, as a network failure looks to the client.
      req.socket.destroy();
      requestLog.answered({ cloud: dialect.name, action: dialect.operationOf(request), status: 0, outcome, started });
      return;
    }
    // The clouds' front ends cut an oversized body off with 413; the body keeps the vendor's error shape.
    if (tooLarge) response.status = 413;
    // Written raw: a framework would append "; charset=utf-8" to content types some SDKs compare literally.
    // With a Content-Length, as the clouds send, rather than chunked: one write instead of five.
    const length = typeof response.body === 'string' ? Buffer.byteLength(response.body) : response.body.length;
    res.writeHead(response.status, { ...response.headers, 'content-length': String(length) }).end(response.body);
    requestLog.sent(dialect.name, response);
    requestLog.answered({ cloud: dialect.name, action: dialect.operationOf(request), status: response.status, outcome, started });
  }

  return (req, res) => {
    readBody(req, MAX_BODY_BYTES, (body, tooLarge) => {
      answer(req, res, body, tooLarge).catch((error: unknown) => {
        logger.error(`unhandled: ${(error as Error)?.stack ?? String(error)}`);
        if (!res.headersSent) sendJson(res, 500, INTERNAL_ERROR);
      });
    });
  };
}
