import type * as NodeCrypto from 'node:crypto';

let loaded: typeof NodeCrypto | undefined;

/**
 * node:crypto, required on its first use rather than when the bundle loads: a cold cloud-function
 * instance that requires it at load pays for compiling Node's crypto modules before it serves anything
 * (bench/README.md §5), while only calls make ids, hashes, signatures and decryptions.
 */
export const nodeCrypto = (): typeof NodeCrypto => (loaded ??= require('node:crypto') as typeof NodeCrypto);
