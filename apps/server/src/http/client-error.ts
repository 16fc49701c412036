// Requests Node's HTTP parser refuses before Express sees them (headers or a path past the 16 kB
// header limit, a malformed request line) still get the API's JSON error body, not a bare status.
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

function reply(socket: Duplex, status: number, reason: string, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message, details: null } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function answerClientErrorsInJson(server: Server): void {
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
