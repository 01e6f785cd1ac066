package dev.weft.core.pipeline;

/**
 * Something that sits on a model's call path: a {@link ChatInterceptor}, a {@link StreamInterceptor}, or a
 * class that is both (it then sees both kinds of call). {@link ChatPipeline.Builder#with(Interceptor)} takes
 * either.
 */
public sealed interface Interceptor permits ChatInterceptor, StreamInterceptor {}
