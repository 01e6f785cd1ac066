package dev.weft.core.cache;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * The exact cache's key: the tenant, kept apart so that entries are never shared across tenants and a tenant's
 * entries can be dropped together, and the SHA-256 of everything else that changes the answer, held as four
 * longs for cheap hashing and comparison.
 *
 * @param tenant the request's tenant, or null when it has none
 */
record ExactKey(String tenant, long h0, long h1, long h2, long h3) {

    static ExactKey of(String tenant, byte[] sha256) {
        ByteBuffer b = ByteBuffer.wrap(sha256);
        return new ExactKey(tenant, b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }

    /** The digest in hexadecimal, for logs and tests. */
    String digestHex() {
        ByteBuffer b = ByteBuffer.allocate(32).putLong(h0).putLong(h1).putLong(h2).putLong(h3);
        return HexFormat.of().formatHex(b.array());
    }
}
