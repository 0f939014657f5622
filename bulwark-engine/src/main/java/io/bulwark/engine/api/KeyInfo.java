package io.bulwark.engine.api;

/**
 * One key of the key store's key set (D2), as {@code bulwark admin keys list} shows it; never the
 * key material.
 *
 * @param id the key's id, which every value it encrypted carries in its first bytes
 * @param primary whether new values are encrypted with this key
 * @param algorithm the algorithm, e.g. {@code AES256_GCM}
 * @param values stored values it still decrypts (0 once rotation has re-encrypted them)
 */
public record KeyInfo(int id, boolean primary, String algorithm, int values) {}
