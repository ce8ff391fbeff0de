// Every error the simulator sends has ServiceM8's shape {"errorCode":n,"message":"…"}
// (reference §6); creates and updates answer {"errorCode":0,"message":"OK"}.
import type http from 'node:http';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export function sendError(response: http.ServerResponse, status: number, message: string): void {
  sendJson(response, status, { errorCode: status, message });
}
