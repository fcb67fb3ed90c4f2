'use strict';
/**
 * HTTPS certificates for the development server, made offline into .certs/: first with office-addin-dev-certs'
 * generator (a local CA plus a localhost certificate; its installer is not used — it reports usage data over the
 * network and cannot install trust on Linux anyway), then with the openssl command line (self-signed). Existing
 * certificates are reused until a week before they expire. Returns null with the reasons when nothing worked, so the
 * caller can fall back to plain HTTP on localhost.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const VALID_DAYS = 365;
const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000;
const DOMAINS = ['localhost', '127.0.0.1'];

function paths(dir) {
  return { dir, ca: path.join(dir, 'ca.crt'), cert: path.join(dir, 'localhost.crt'), key: path.join(dir, 'localhost.key') };
}

/** The certificate at p.cert if it is readable, matches the key, and is not about to expire. */
function reusable(p, now) {
  try {
    const cert = fs.readFileSync(p.cert);
    const key = fs.readFileSync(p.key);
    const x509 = new crypto.X509Certificate(cert);
    if (Date.parse(x509.validTo) - now < RENEW_BEFORE_MS) return null;
    if (!x509.checkPrivateKey(crypto.createPrivateKey(key))) return null;
    return { key, cert, ca: fs.existsSync(p.ca) ? p.ca : null, how: 'reused' };
  } catch {
    return null;
  }
}

async function withDevCerts(p) {
  // The generator module alone: no usage-data reporting, no trust-store changes.
  const { generateCertificates } = require('office-addin-dev-certs/lib/generate');
  // It writes nothing when ca.crt exists, so clear what is there: we only get here when that was not usable.
  for (const f of [p.ca, p.cert, p.key]) fs.rmSync(f, { force: true });
  await generateCertificates(p.ca, p.cert, p.key, VALID_DAYS, DOMAINS);
  return { key: fs.readFileSync(p.key), cert: fs.readFileSync(p.cert), ca: p.ca, how: 'office-addin-dev-certs' };
}

function withOpenssl(p) {
  const r = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', String(VALID_DAYS), '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', p.key, '-out', p.cert],
    { encoding: 'utf8' },
  );
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(r.stderr.trim() || `openssl exited with ${r.status}`);
  if (fs.existsSync(p.ca)) fs.rmSync(p.ca);
  return { key: fs.readFileSync(p.key), cert: fs.readFileSync(p.cert), ca: null, how: 'openssl' };
}

/**
 * { key, cert, ca (path of the CA to trust, or null for a self-signed certificate), how } or
 * { failed: true, reasons: string[] }.
 */
async function ensureCertificates(dir, options = {}) {
  const now = options.now ?? Date.now();
  const p = paths(dir);
  const existing = reusable(p, now);
  if (existing) return existing;
  fs.mkdirSync(dir, { recursive: true });
  const reasons = [];
  const makers = options.makers ?? [withDevCerts, withOpenssl];
  for (const make of makers) {
    try {
      const made = await make(p);
      if (reusable(p, now)) return made;
      reasons.push(`${made.how}：生成的证书无法使用`);
    } catch (e) {
      reasons.push(`${make.name}：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
  return { failed: true, reasons };
}

module.exports = { ensureCertificates, certificatePaths: paths, withDevCerts, withOpenssl };
