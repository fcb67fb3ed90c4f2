'use strict';
/**
 * A small static file server for dist/: HTTPS when given a key and certificate, plain HTTP otherwise (localhost only).
 * Used by `npm start` and by the headless-browser test, so both serve the production bundle the same way.
 * Content-hashed files are cached for a year; taskpane.html and manifest.xml are revalidated every time, so a new
 * deployment reaches users on their next open.
 */
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

const HASHED = /\.[0-9a-f]{8}\.js$/;

function headersFor(file) {
  const headers = {
    'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  const base = path.basename(file);
  if (HASHED.test(base) || file.includes(`${path.sep}office${path.sep}`)) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
  else headers['Cache-Control'] = 'no-cache';
  return headers;
}

/** Resolve a URL path inside root, or null when it escapes root or names nothing. */
function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  const rel = decoded === '/' ? 'taskpane.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, rel);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Create (not start) the server. options: { root, tls?: { key, cert }, log?: (line) => void }.
 */
function createStaticServer(options) {
  const root = path.resolve(options.root);
  const log = options.log || (() => undefined);
  const handler = (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveFile(root, req.url || '/');
    if (!file) {
      log(`404 ${req.url}`);
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('未找到该文件');
      return;
    }
    res.writeHead(200, headersFor(file));
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(file).pipe(res);
  };
  return options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, handler) : http.createServer(handler);
}

/** Listen on host:port (port 0 = any free port); resolves with the actual port. */
function listen(server, port, host = 'localhost') {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

module.exports = { createStaticServer, listen, resolveFile };
