// A JSON body, read before the route's own step: at most `maxBytes` (413 beyond, told
// by Content-Length before a byte is read, or counted as it arrives), only as JSON (415
// for another media type), and parsed (400 when it is not JSON). A request without a
// body (no Content-Length, or 0, and not chunked) goes on with none.
import { HttpRefusal, type Handler, type HttpRequest } from './router';
import { headerOf, mediaTypeOf } from './reply';

/** JSON, and JSON's structured suffix ("application/problem+json"), as restify took them. */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json$/;

/** The length the request declares (0 when it declares none). */
function declaredLength(req: HttpRequest): number {
  return Number(headerOf(req, 'content-length') ?? 0);
}

function hasBody(req: HttpRequest): boolean {
  return declaredLength(req) > 0 || /\bchunked\b/i.test(headerOf(req, 'transfer-encoding') ?? '');
}

export function jsonBody(maxBytes: number): Handler {
  return async (req) => {
    if (!hasBody(req)) return true;
    const type = mediaTypeOf(req);
    if (!JSON_TYPE.test(type))
      throw new HttpRefusal(
        415,
        'unsupported_media_type',
        `content type ${type || '(none)'} is not JSON`,
      );
    const text = (await readBytes(req, maxBytes)).toString('utf8');
    try {
      req.body = JSON.parse(text);
    } catch {
      throw new HttpRefusal(400, 'invalid_json', 'the body is not JSON');
    }
    return true;
  };
}

/**
 * The request's body, refused (413) as soon as it is over `maxBytes`: by its declared
 * length before a byte is read, or as it arrives. The rest is then left unread (paused):
 * the refusal closes the connection (router.ts), so nothing more is taken from it.
 */
export function readBytes(req: HttpRequest, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new HttpRefusal(413, 'too_large', `the body is over ${maxBytes} bytes`);
  if (declaredLength(req) > maxBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      done();
      req.pause();
      reject(tooLarge());
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks, size));
    };
    // The sender went away before the whole body came: nothing to answer, and nothing failed here.
    const onError = () => {
      done();
      reject(new HttpRefusal(400, 'incomplete', 'the body ended before it was whole'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
