import type { ConnectSocket } from './transport-ws';

/** Adapts the browser's WebSocket to the transport's small socket interface. */
export function browserSocket(url: string): ConnectSocket {
  return (handlers) => {
    const ws = new WebSocket(url);
    ws.onopen = () => handlers.onOpen();
    ws.onmessage = (event: MessageEvent) => {
      if (typeof event.data === 'string') handlers.onMessage(event.data);
    };
    // An error is always followed by close; the transport reacts once, on close.
    ws.onclose = (event: CloseEvent) => handlers.onClose(event.code);
    return {
      send: (data) => ws.send(data),
      close: () => ws.close(),
    };
  };
}
