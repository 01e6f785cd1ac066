package dev.weft.benchmarks;

/** Runs the JMH micro-benchmarks of this module: {@code ./benchmarks/run Jmh [JMH options]}. */
public final class Jmh {
    private Jmh() {}

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}
