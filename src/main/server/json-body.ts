// Reads a JSON request body with a size cap: the API's largest call (settings, a bulk
// resolve of 500 ids) is a few KB, so anything near the cap is not ours.
import type { IncomingMessage } from 'node:http';

import { MAX_PARAMS_BYTES } from '../../shared/api';

export const MAX_BODY_BYTES = MAX_PARAMS_BYTES;

export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function readJsonBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  // Requiring JSON also forces a CORS preflight for any cross-site fetch.
  if (!type.toLowerCase().startsWith('application/json')) throw new BodyError(415, 'the body must be application/json');
  // A declared length over the cap is refused before a byte of it is read.
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyError(413, 'the body is too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyError(413, 'the body is too large');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400, 'the body is not valid JSON');
  }
}
