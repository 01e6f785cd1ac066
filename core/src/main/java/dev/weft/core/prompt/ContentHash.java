package dev.weft.core.prompt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the digest of prompt contents and of experiment assignment keys. Stateless. */
final class ContentHash {
    private ContentHash() {}

    /** A new SHA-256 digest; every JDK must provide it. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK provides no SHA-256, which every Java platform must", e);
        }
    }

    /** The lowercase hex SHA-256 of {@code text}'s UTF-8 bytes. */
    static String of(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
