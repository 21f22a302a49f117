/** Defaults of `spec.socket` (SPEC: host "::", backlog 511, name "http"), shared by the manifest and the socket layer. */
export const DEFAULT_SOCKET_HOST = '::';
export const DEFAULT_BACKLOG = 511;
export const DEFAULT_SOCKET_NAME = 'http';
