/** Test support shared by Weft's modules: seeded, replayable generated inputs for property tests. Not published. */
module dev.weft.testing {
    requires transitive org.instancio.core;
    requires transitive org.junit.jupiter.params;

    exports dev.weft.testing;
}
