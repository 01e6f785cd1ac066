/** Test support shared by Weft's modules: seeded, replayable generated inputs for property tests, and a manual clock for caches. Not published. */
module dev.weft.testing {
    requires transitive org.instancio.core;
    requires transitive org.junit.jupiter.params;
    requires transitive com.github.benmanes.caffeine;

    exports dev.weft.testing;
}
