package dev.weft.core.prompt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Where a user falls in an experiment: a number in [0, 1) from SHA-256 over the experiment id and the user id,
 * the same on every JVM and every run. The digest input is the experiment id's UTF-8 length as a 4-byte big-endian
 * integer, the experiment id's UTF-8 bytes, then the user id's UTF-8 bytes; the number is the digest's first
 * 8 bytes read big-endian, top 53 bits, divided by 2^53. Stateless.
 */
final class UserBucket {
    private UserBucket() {}

    static double of(String experimentId, String userId) {
        byte[] experiment = experimentId.getBytes(StandardCharsets.UTF_8);
        MessageDigest digest = ContentHash.sha256();
        digest.update(ByteBuffer.allocate(4).putInt(experiment.length).array());
        digest.update(experiment);
        digest.update(userId.getBytes(StandardCharsets.UTF_8));
        long bits = ByteBuffer.wrap(digest.digest()).getLong();
        return (bits >>> 11) * 0x1.0p-53;
    }
}
