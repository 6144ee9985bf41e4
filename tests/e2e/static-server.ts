// A plain static file server with no fallback rule, like nginx or Python's http.server out of the box:
// a file is served as is; a folder without its trailing slash is redirected to it and served from its
// index.html; anything else is a 404 (with dist/404.html as the body). No rewrites to index.html.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

export function startStaticServer(root: string, port = 0): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const relative = decodeURIComponent(url.pathname);
    const file = path.join(root, path.normalize(relative));
    if (!file.startsWith(root)) {
      response.writeHead(400).end();
      return;
    }
    const send = (target: string, status = 200): void => {
      response.writeHead(status, { 'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream' });
      createReadStream(target).pipe(response);
    };
    try {
      const stat = statSync(file);
      if (stat.isDirectory()) {
        if (!relative.endsWith('/')) {
          response.writeHead(301, { location: `${relative}/${url.search}` }).end();
          return;
        }
        send(path.join(file, 'index.html'));
        return;
      }
      send(file);
    } catch {
      send(path.join(root, '404.html'), 404);
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ server, url: `http://127.0.0.1:${actual}` });
    });
  });
}
