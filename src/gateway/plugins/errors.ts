/**
 * Turns every failure into the one error shape `{error: {code, message, requestId}}` with a code
 * from the catalogue; anything unexpected becomes INTERNAL with nothing internal in the message.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DancuError, messageOf, preferredLang, statusOf, type ErrorCode } from '../../core/errors.js';

export function sendError(req: FastifyRequest, reply: FastifyReply, code: ErrorCode, publicMessage?: { vi: string; en: string }) {
  const lang = preferredLang(req.headers['accept-language']);
  return reply
    .code(statusOf(code))
    .header('content-type', 'application/json; charset=utf-8')
    .send({ error: { code, message: publicMessage ? publicMessage[lang] : messageOf(code, lang), requestId: req.id } });
}

/** Maps Fastify's own errors (parsing, validation, limits) to catalogue codes. */
export function codeOfFrameworkError(err: FastifyError): ErrorCode | null {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'PAYLOAD_TOO_LARGE';
  if (err.validation) return 'INVALID_REQUEST';
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return err.statusCode === 404 ? 'NOT_FOUND' : err.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : 'INVALID_REQUEST';
  }
  return null;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof DancuError) {
      if (err.detail) req.log.info({ code: err.code, detail: err.detail }, 'refused');
      return sendError(req, reply, err.code, err.publicMessage);
    }
    const code = codeOfFrameworkError(err);
    if (code) {
      req.log.info({ code, reason: err.code ?? err.name }, 'bad request');
      return sendError(req, reply, code);
    }
    req.log.error({ err: { type: err.name, message: err.message, stack: err.stack } }, 'unexpected error');
    return sendError(req, reply, 'INTERNAL');
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, 'NOT_FOUND'));
}
