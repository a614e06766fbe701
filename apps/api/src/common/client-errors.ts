import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** Node's limit on a request's headers (16 KiB, `--max-http-header-size`). */
const LIMIT_KIB = 16;

const BODIES = {
  HPE_HEADER_OVERFLOW: {
    status: '431 Request Header Fields Too Large',
    body: { code: 'HEADERS_TOO_LARGE', kind: 'INVALID', messageVi: `Phần đầu (header) của yêu cầu quá lớn (tối đa ${LIMIT_KIB} KB): hãy xóa cookie của trang này hoặc gửi ít dữ liệu hơn trong header.`, messageEn: `The request's headers are too large (${LIMIT_KIB} KB at most): clear this site's cookies or send less in headers.` },
  },
  other: {
    status: '400 Bad Request',
    body: { code: 'MALFORMED_HTTP', kind: 'INVALID', messageVi: 'Yêu cầu HTTP không đúng định dạng.', messageEn: 'The HTTP request is malformed.' },
  },
};

/**
 * A request Node's HTTP parser refuses before the application sees it (headers over the limit, a
 * malformed request line) gets an answer with a reason in both languages, like every other refusal,
 * instead of a reset connection: the rest of what the client sends is read and dropped, so closing
 * does not reset the connection before the client has read the answer.
 */
export function answerRefusedRequests(server: Server): void {
  server.on('clientError', (err: Error & { code?: string }, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const { status, body } = err.code === 'HPE_HEADER_OVERFLOW' ? BODIES.HPE_HEADER_OVERFLOW : BODIES.other;
    const text = JSON.stringify(body);
    socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
    socket.resume();
    setTimeout(() => socket.destroy(), 5_000).unref();
  });
}
