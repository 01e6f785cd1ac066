package dev.weft.core;

/** A model or provider was asked for something it does not offer (tools on a model without them, streaming, a capability a store lacks). */
public class UnsupportedCapabilityException extends WeftException {
    private static final long serialVersionUID = 1L;

    public UnsupportedCapabilityException(String message) {
        super(message);
    }
}
