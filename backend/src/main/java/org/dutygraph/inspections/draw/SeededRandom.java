package org.dutygraph.inspections.draw;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A random stream anyone can recompute from the seed: blocks are SHA-256(seed as UTF-8 || block number as
 * 8 bytes big-endian), read as big-endian 64-bit numbers. Not java.util.Random, whose output is an
 * implementation detail no outside auditor can be expected to reproduce.
 */
final class SeededRandom {

    private final byte[] seed;
    private long block;
    private ByteBuffer current = ByteBuffer.allocate(0);

    SeededRandom(String seed) {
        this.seed = seed.getBytes(StandardCharsets.UTF_8);
    }

    long nextLong() {
        if (current.remaining() < Long.BYTES) {
            current = ByteBuffer.wrap(sha256(block++));
        }
        return current.getLong();
    }

    /** Uniform in [0, bound), without modulo bias (values from the biased tail are drawn again). */
    int below(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        while (true) {
            long r = nextLong() >>> 1;
            if (r < limit) {
                return (int) (r % bound);
            }
        }
    }

    private byte[] sha256(long blockNumber) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(seed);
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(blockNumber).array());
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
