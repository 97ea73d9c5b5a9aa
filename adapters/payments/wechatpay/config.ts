import fs from 'node:fs';
import { lazy } from '../../../core/schemas/lazy';
import { nodeCrypto } from '../../platform/nodeCrypto';
import { z } from 'zod';
import type { Clock } from '../../../core/ports/clock';
import type { Payments } from '../../../core/ports/payments';
import { wechatPayments, type WechatPayConfig } from './client';
import { PUBLIC_KEY_ID, certificatesIn, verificationKeys } from './verifier';

/** PEM text (real newlines or `\n` escapes, as a console's one-line field holds it) or the path of a PEM file. */
const pemOrPath = lazy(() => z.string().min(1));

/**
 * WeChat Pay settings, names only in the repository (values are the deployment's secrets):
 * `WXPAY_MCHID`, `WXPAY_APPID` (the mini-program bound to the merchant), `WXPAY_SERIAL` (the merchant
 * API certificate's serial), `WXPAY_PRIVATE_KEY` (apiclient_key.pem: PEM or path), `WXPAY_APIV3_KEY`
 * (32 bytes), `WXPAY_PUBLIC_KEY_ID` + `WXPAY_PUBLIC_KEY` (public-key mode) and/or
 * `WXPAY_PLATFORM_CERTS` (platform certificates: PEM, one or several, or a path), `WXPAY_NOTIFY_URL`
 * (https), `WXPAY_BASE_URL` (default https://api.mch.weixin.qq.com).
 */
export const wxpayEnv = lazy(() => z
  .object({
    WXPAY_MCHID: z.string().regex(/^[0-9]{6,32}$/),
    WXPAY_APPID: z.string().regex(/^wx[0-9a-zA-Z]{8,32}$/),
    WXPAY_SERIAL: z.string().regex(/^[0-9A-Fa-f]{8,64}$/),
    WXPAY_PRIVATE_KEY: pemOrPath(),
    WXPAY_APIV3_KEY: z.string().refine((s) => Buffer.byteLength(s, 'utf8') === 32, 'the APIv3 key is 32 bytes'),
    WXPAY_PUBLIC_KEY_ID: z.string().regex(PUBLIC_KEY_ID).optional(),
    WXPAY_PUBLIC_KEY: pemOrPath().optional(),
    WXPAY_PLATFORM_CERTS: pemOrPath().optional(),
    WXPAY_NOTIFY_URL: z.url({ protocol: /^https$/ }),
    WXPAY_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.mch.weixin.qq.com'),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.WXPAY_PUBLIC_KEY_ID) !== Boolean(env.WXPAY_PUBLIC_KEY)) {
      ctx.addIssue({ code: 'custom', path: [env.WXPAY_PUBLIC_KEY_ID ? 'WXPAY_PUBLIC_KEY' : 'WXPAY_PUBLIC_KEY_ID'], message: 'WXPAY_PUBLIC_KEY_ID and WXPAY_PUBLIC_KEY go together' });
    }
    if (!env.WXPAY_PUBLIC_KEY && !env.WXPAY_PLATFORM_CERTS) {
      ctx.addIssue({ code: 'custom', path: ['WXPAY_PUBLIC_KEY'], message: 'a WeChat Pay public key or platform certificates are needed to verify WeChat Pay' });
    }
  }));

/** The PEM text a setting holds, or the file it names. */
export function readPem(value: string): string {
  if (value.includes('-----BEGIN')) return value.replace(/\\n/g, '\n');
  return fs.readFileSync(value, 'utf8');
}

/** Names only: a setting's value may be a secret and never reaches a message or a log. */
class WxpayConfigError extends Error {
  override name = 'WxpayConfigError';
}

/**
 * The Payments adapter a deployment has: null when no WXPAY_* variable is set (fee.pay then answers
 * INTERNAL); a partial or invalid configuration, or a key that does not load, throws naming the
 * variables — never their values. `""` counts as unset.
 */
export function paymentsFromEnv(raw: Record<string, string | undefined>, clock: Clock): Payments | null {
  const set = Object.fromEntries(Object.keys(wxpayEnv().shape).filter((k) => raw[k]).map((k) => [k, raw[k]]));
  if (Object.keys(set).length === 0) return null;
  const parsed = wxpayEnv().safeParse(set);
  if (!parsed.success) throw new WxpayConfigError(`WeChat Pay configuration invalid: ${[...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(', ')}`);
  const env = parsed.data;
  const load = <T>(name: string, fn: () => T): T => {
    try {
      return fn();
    } catch {
      throw new WxpayConfigError(`WeChat Pay configuration invalid: ${name} (not a readable key/certificate PEM or file)`);
    }
  };
  const privateKey = load('WXPAY_PRIVATE_KEY', () => nodeCrypto().createPrivateKey(readPem(env.WXPAY_PRIVATE_KEY)));
  if (privateKey.asymmetricKeyType !== 'rsa') throw new WxpayConfigError('WeChat Pay configuration invalid: WXPAY_PRIVATE_KEY (an RSA key is needed)');
  const id = env.WXPAY_PUBLIC_KEY_ID;
  const pub = env.WXPAY_PUBLIC_KEY;
  const fromPublicKey = id && pub ? load('WXPAY_PUBLIC_KEY', () => verificationKeys({ publicKeys: [{ id, pem: readPem(pub) }] })) : null;
  const certs = env.WXPAY_PLATFORM_CERTS;
  const fromCertificates = certs ? load('WXPAY_PLATFORM_CERTS', () => verificationKeys({ certificates: certificatesIn(readPem(certs)) })) : null;
  if (fromCertificates && fromCertificates.certificates.size === 0) throw new WxpayConfigError('WeChat Pay configuration invalid: WXPAY_PLATFORM_CERTS (no certificate found)');
  const keys = { publicKeys: fromPublicKey?.publicKeys ?? new Map(), certificates: fromCertificates?.certificates ?? new Map() };
  const config: WechatPayConfig = {
    mchid: env.WXPAY_MCHID,
    appid: env.WXPAY_APPID,
    merchantSerial: env.WXPAY_SERIAL.toUpperCase(),
    merchantPrivateKey: privateKey,
    apiV3Key: Buffer.from(env.WXPAY_APIV3_KEY, 'utf8'),
    keys,
    notifyUrl: env.WXPAY_NOTIFY_URL,
    baseUrl: env.WXPAY_BASE_URL.replace(/\/+$/, ''),
  };
  return wechatPayments(config, clock);
}
