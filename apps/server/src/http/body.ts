// JSON bodies only, at most 64 kB. A POST without a body counts as `{}`.
import express, { type RequestHandler } from 'express';
import { AppError } from '../services/errors';

const json = express.json({ limit: '64kb', strict: false, type: () => true });

export const jsonBody: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
  const length = req.headers['content-length'];
  const hasBody = (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) {
    req.body = {};
    return next();
  }
  if (!req.is('application/json') && !req.is('application/*+json')) {
    return next(new AppError('unsupported_media_type', 'send the body as application/json'));
  }
  json(req, res, next);
};
