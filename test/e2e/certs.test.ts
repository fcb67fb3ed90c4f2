/** Development certificates (scripts/certs.js): made offline, reused, openssl as the fallback, failure reported. */
import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCertificates, withOpenssl } from '../../scripts/certs';
import { describeWithPrograms } from '../helpers/system';

const dir = (): string => mkdtempSync(join(tmpdir(), 'certs-'));

test('office-addin-dev-certs: a CA and a localhost certificate it signed, then reused', async () => {
  const d = dir();
  const made = await ensureCertificates(d);
  if ('failed' in made) throw new Error(made.reasons.join('; '));
  expect(made.how).toBe('office-addin-dev-certs');
  const cert = new X509Certificate(readFileSync(join(d, 'localhost.crt')));
  const ca = new X509Certificate(readFileSync(join(d, 'ca.crt')));
  expect(cert.checkIssued(ca)).toBe(true);
  expect(cert.subjectAltName).toContain('DNS:localhost');
  const again = await ensureCertificates(d);
  expect('failed' in again ? null : again.how).toBe('reused');
});

test('a key that does not match the certificate is not reused', async () => {
  const d = dir();
  await ensureCertificates(d);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(join(d, 'localhost.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const again = await ensureCertificates(d);
  expect('failed' in again ? null : again.how).toBe('office-addin-dev-certs');
});

test('a certificate about to expire is not reused', async () => {
  const d = dir();
  await ensureCertificates(d);
  // Two days before expiry the certificate is renewed, and a new one made then would still be too short: reported.
  const later = await ensureCertificates(d, { now: Date.now() + 363 * 24 * 3600 * 1000 });
  expect('failed' in later ? later.reasons.join() : later.how).toContain('生成的证书无法使用');
});

test('every maker failing: reasons, not an exception', async () => {
  const result = await ensureCertificates(dir(), {
    makers: [
      async function devCerts() {
        throw new Error('no forge');
      },
    ],
  });
  expect(result).toEqual({ failed: true, reasons: ['devCerts：no forge'] });
});

describeWithPrograms('openssl fallback', ['openssl'], 'apt-get install -y openssl', () => {
  test('self-signed localhost certificate when the package cannot', async () => {
    const made = await ensureCertificates(dir(), {
      makers: [
        async function devCerts() {
          throw new Error('no forge');
        },
        withOpenssl,
      ],
    });
    expect('failed' in made ? null : [made.how, made.ca]).toEqual(['openssl', null]);
  });
});
