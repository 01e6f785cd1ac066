/** Evaluation as code: datasets, metrics with confidence intervals, gates and reports. */
module dev.weft.eval {
    requires transitive dev.weft.core;
    requires org.slf4j;

    exports dev.weft.eval.dataset;
    exports dev.weft.eval.metrics;
}
