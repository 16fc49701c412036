import net from 'node:net';
import { PrinterUnavailableError, errorMessage } from '../errors';
import { ReplyBuffer, withTimeout } from './reply-buffer';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_WRITE_TIMEOUT_MS } from './transport';
import type { OpenPrinterOptions, PrinterTransport } from './transport';

function describeSocketError(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ECONNREFUSED') return `connection refused by ${host}:${port} (printer off or not listening)`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `${host} is unreachable`;
  if (code === 'ENOTFOUND') return `unknown printer host ${host}`;
  return `cannot reach printer at ${host}:${port}: ${errorMessage(error)}`;
}

/** How long closing waits for the printer to close its side of the connection too. */
const CLOSE_GRACE_MS = 1000;

/** Raw TCP ("JetDirect", usually port 9100): the network printers found in most halls. */
export function openTcpPrinter(host: string, port: number, options: OpenPrinterOptions = {}): Promise<PrinterTransport> {
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const writeTimeoutMs = options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const replies = new ReplyBuffer();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new PrinterUnavailableError('offline', `no connection to ${host}:${port} within ${connectTimeoutMs} ms`));
    }, connectTimeoutMs);
    const onConnectError = (error: Error): void => {
      clearTimeout(timer);
      socket.destroy();
      reject(new PrinterUnavailableError('offline', describeSocketError(error, host, port)));
    };
    socket.once('error', onConnectError);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', onConnectError);
      socket.setNoDelay(true);
      socket.on('data', (chunk: Buffer) => replies.push(chunk));
      socket.on('error', (error) => replies.close(describeSocketError(error, host, port)));
      socket.on('close', () => replies.close(`connection to ${host}:${port} closed`));
      resolve(transport);
    });

    const write = (bytes: Uint8Array): Promise<void> => {
      if (socket.destroyed || !socket.writable) {
        return Promise.reject(new PrinterUnavailableError('offline', `connection to ${host}:${port} is closed`));
      }
      const sent = new Promise<void>((done, fail) => {
        socket.write(bytes, (error) => (error ? fail(new PrinterUnavailableError('offline', describeSocketError(error, host, port))) : done()));
      });
      return withTimeout(sent, writeTimeoutMs, `writing to ${host}:${port}`);
    };

    const transport: PrinterTransport = {
      write,
      async query(bytes, expectBytes, timeoutMs) {
        replies.clear();
        await write(bytes);
        return replies.read(expectBytes, timeoutMs);
      },
      close() {
        return new Promise<void>((done) => {
          if (socket.destroyed) return done();
          // end() flushes what is queued and closes our side. The printer closing its own is
          // waited for a moment (one that takes a single connection is then free for the next),
          // not longer: many keep the connection until their idle timeout, which held every
          // ticket's answer for writeTimeoutMs. One that never closes is cut off later.
          const force = setTimeout(() => socket.destroy(), writeTimeoutMs);
          force.unref();
          socket.once('close', () => {
            clearTimeout(force);
            done();
          });
          socket.end(() => setTimeout(done, Math.min(CLOSE_GRACE_MS, writeTimeoutMs)));
        });
      },
      abort() {
        socket.destroy();
      },
    };
  });
}
