// Requests Node's HTTP parser refuses before Express sees them (headers or a path past the 16 kB
// header limit, a malformed request line, an HTTP/1.1 request without Host, an Expect header it
// cannot meet) still get the API's JSON error body, not a bare status.
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

const errorBody = (code: string, message: string): string => JSON.stringify({ error: { code, message, details: null } });

function reply(socket: Duplex, status: number, reason: string, code: string, message: string): void {
  const body = errorBody(code, message);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function replyTo(res: ServerResponse, status: number, code: string, message: string): void {
  const body = errorBody(code, message);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
  res.end(body);
}

/**
 * The server's own options. The Host check is `requireHost`'s, which answers in JSON. An idle
 * keep-alive connection is kept 65 s (Node's default is 5 s): a client that sends its next request
 * on a connection just as the server closes it gets a reset instead of an answer, and kiosks,
 * consoles and proxies in front of the server keep connections idle for longer than 5 s between
 * requests (a kiosk between visitors; a busy client whose own idle timer runs late).
 */
export const SERVER_OPTIONS = { requireHostHeader: false, keepAliveTimeout: 65_000 } as const;

/** HTTP/1.1 requires a Host header (RFC 9112, 3.2): a request without one is 400 `bad_request`. */
export function requireHost(handler: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers.host === undefined && req.httpVersionMajor === 1 && req.httpVersionMinor >= 1) {
      replyTo(res, 400, 'bad_request', 'an HTTP/1.1 request needs a Host header');
      return;
    }
    handler(req, res);
  };
}

export function answerClientErrorsInJson(server: Server): void {
  // An Expect header other than 100-continue (which Node answers itself).
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    replyTo(res, 417, 'expectation_failed', `the Expect header ${JSON.stringify(String(req.headers.expect))} is not supported; only 100-continue is`);
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // A connection reset or a socket already answered has nobody left to tell.
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    if (err.code === 'HPE_HEADER_OVERFLOW') reply(socket, 431, 'Request Header Fields Too Large', 'headers_too_large', 'the request line and headers are larger than 16 kB');
    else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') reply(socket, 408, 'Request Timeout', 'request_timeout', 'the request took too long to arrive');
    else reply(socket, 400, 'Bad Request', 'bad_request', 'the request is not valid HTTP');
  });
}
