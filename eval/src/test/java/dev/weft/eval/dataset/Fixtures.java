package dev.weft.eval.dataset;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The committed BEIR fixtures under {@code src/test/resources/beir}. */
final class Fixtures {
    private Fixtures() {}

    /** The five-document dataset {@code beir/tiny}: splits {@code test} (q1, q2, q4) and {@code dev} (q3). */
    static Path tiny() {
        try {
            return Path.of(Fixtures.class.getResource("/beir/tiny").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
