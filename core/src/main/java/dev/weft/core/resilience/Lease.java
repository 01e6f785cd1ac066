package dev.weft.core.resilience;

/** Permission for one call, given back with the call's outcome; exactly one method is called, once. */
interface Lease {
    void succeeded();

    void failed(RuntimeException e);

    void cancelled();
}
