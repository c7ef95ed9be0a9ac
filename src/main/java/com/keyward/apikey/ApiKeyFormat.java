package com.keyward.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Keyward's key format, GitHub-style: {@code kw_} + 32 base62 characters from a CSPRNG (≈190
 * bits) + a 6-character base62 CRC32 of everything before it. The prefix makes leaked keys easy
 * to recognise (secret scanners); the checksum rejects typos and junk before any database work.
 */
public final class ApiKeyFormat {

    public static final String PREFIX = "kw_";
    static final int RANDOM_LENGTH = 32;
    static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Which ASCII characters are base62: a table, as the key path checks every character. */
    private static final boolean[] IS_BASE62 = new boolean[128];

    static {
        BASE62.chars().forEach(c -> IS_BASE62[c] = true);
    }
    /** Never used itself (it is not thread-safe): only cloned, in its initial state. */
    private static final MessageDigest SHA_256 = sha256();

    private ApiKeyFormat() {}

    /** A new key. The caller hands it to its owner once and keeps only {@link #digest}. */
    public static String generate() {
        StringBuilder key = new StringBuilder(LENGTH).append(PREFIX);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            key.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return key.append(checksum(key)).toString();
    }

    /** The key when it is well-formed and its checksum matches; empty otherwise. No I/O. */
    public static Optional<String> parse(String candidate) {
        if (candidate == null || candidate.length() != LENGTH || !candidate.startsWith(PREFIX)) {
            return Optional.empty();
        }
        byte[] body = new byte[LENGTH - CHECKSUM_LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            char c = candidate.charAt(i);
            if (i >= PREFIX.length() && (c >= IS_BASE62.length || !IS_BASE62[c])) {
                return Optional.empty();
            }
            if (i < body.length) {
                body[i] = (byte) c;
            }
        }
        long value = crc32(body);
        for (int i = LENGTH - 1; i >= body.length; i--) {
            if (candidate.charAt(i) != BASE62.charAt((int) (value % 62))) {
                return Optional.empty();
            }
            value /= 62;
        }
        return Optional.of(candidate);
    }

    /**
     * SHA-256 of the key: what the database stores and looks up. Each call clones one prototype:
     * {@code MessageDigest.getInstance} looks the provider up every time, which the JFR profile
     * of the key path showed as the largest part of a key check (BENCHMARKS.md, issue 18).
     */
    public static byte[] digest(String key) {
        try {
            return ((MessageDigest) SHA_256.clone()).digest(key.getBytes(StandardCharsets.US_ASCII));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The SHA-256 implementation cannot be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            // a clone as the prototype: an implementation that cannot be cloned fails here, at class loading
            return (MessageDigest) MessageDigest.getInstance("SHA-256").clone();
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            throw new IllegalStateException("Every Java runtime has a cloneable SHA-256", e);
        }
    }

    /** A short reminder that cannot be used as the key: prefix, 4 leading and the 4 last characters. */
    public static String hint(String key) {
        return key.substring(0, PREFIX.length() + 4) + "…" + key.substring(LENGTH - 4);
    }

    private static long crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return crc.getValue();
    }

    private static String checksum(CharSequence body) {
        long value = crc32(body.toString().getBytes(StandardCharsets.US_ASCII));
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(digits);
    }
}
