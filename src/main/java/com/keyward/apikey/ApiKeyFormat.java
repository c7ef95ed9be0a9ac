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
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (BASE62.indexOf(candidate.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        String body = candidate.substring(0, LENGTH - CHECKSUM_LENGTH);
        return checksum(body).equals(candidate.substring(LENGTH - CHECKSUM_LENGTH))
                ? Optional.of(candidate)
                : Optional.empty();
    }

    /** SHA-256 of the key: what the database stores and looks up. */
    public static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** A short reminder that cannot be used as the key: prefix, 4 leading and the 4 last characters. */
    public static String hint(String key) {
        return key.substring(0, PREFIX.length() + 4) + "…" + key.substring(LENGTH - 4);
    }

    private static String checksum(CharSequence body) {
        CRC32 crc = new CRC32();
        crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(digits);
    }
}
