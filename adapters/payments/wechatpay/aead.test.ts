import { aeadDecrypt, aeadEncrypt } from './aead';
import { JAVA_AEAD } from './testdata/published';

describe('AEAD_AES_256_GCM (notification resources)', () => {
  const key = Buffer.from(JAVA_AEAD.apiV3Key, 'utf8');

  it('matches the 32-byte vector of wechatpay-java core/.../cipher/AeadAesCipherTest.java both ways', () => {
    expect(key.length).toBe(32);
    expect(aeadEncrypt(key, JAVA_AEAD.nonce, JAVA_AEAD.associatedData, JAVA_AEAD.message)).toBe(JAVA_AEAD.ciphertext);
    expect(aeadDecrypt(key, JAVA_AEAD.nonce, JAVA_AEAD.associatedData, JAVA_AEAD.ciphertext)).toBe(JAVA_AEAD.message);
  });

  it('a flipped ciphertext or tag byte, another nonce, AAD or key: refused', () => {
    const bytes = Buffer.from(JAVA_AEAD.ciphertext, 'base64');
    for (const i of [0, bytes.length - 1]) {
      const flipped = Buffer.from(bytes);
      flipped[i] ^= 0x01;
      expect(() => aeadDecrypt(key, JAVA_AEAD.nonce, JAVA_AEAD.associatedData, flipped.toString('base64'))).toThrow();
    }
    expect(() => aeadDecrypt(key, 'uluk4a9R25RX', JAVA_AEAD.associatedData, JAVA_AEAD.ciphertext)).toThrow();
    expect(() => aeadDecrypt(key, JAVA_AEAD.nonce, 'associatedDatA', JAVA_AEAD.ciphertext)).toThrow();
    expect(() => aeadDecrypt(Buffer.from('b7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb'), JAVA_AEAD.nonce, JAVA_AEAD.associatedData, JAVA_AEAD.ciphertext)).toThrow();
    expect(() => aeadDecrypt(key, JAVA_AEAD.nonce, JAVA_AEAD.associatedData, 'c2hvcnQ=')).toThrow('shorter than its tag');
  });

  it('keys of 16 bytes (AES-128-GCM, the wechatpay-go vectors) round-trip; other lengths are refused', () => {
    const k16 = Buffer.from('testMchAPIv3Key0');
    expect(aeadDecrypt(k16, 'Kj7QIyUiYx1q', 'x', aeadEncrypt(k16, 'Kj7QIyUiYx1q', 'x', '收费'))).toBe('收费');
    expect(() => aeadEncrypt(Buffer.alloc(24), 'n', '', 'x')).toThrow('16 or 32 bytes');
  });
});
