package dev.weft.inference.onnx.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.weft.core.ModelLoadException;
import dev.weft.core.ModelNotFoundException;
import dev.weft.inference.onnx.BundledModel;
import dev.weft.inference.onnx.Pooling;
import java.io.IOException;
import java.io.InputStream;

/** A {@link BundledModel} read from the class path; the graph's bytes are read once, when the source is made. */
public final class BundledSource implements ModelSource {
    private final BundledModel model;
    private final byte[] graph;

    private BundledSource(BundledModel model, byte[] graph) {
        this.model = model;
        this.graph = graph;
    }

    /**
     * Reads {@code model}'s graph from the class path.
     *
     * @throws ModelNotFoundException naming the Maven dependency to add when a resource is missing
     */
    public static BundledSource load(BundledModel model) {
        requireResource(model, model.tokenizerResource());
        try (InputStream in = open(model, model.modelResource())) {
            return new BundledSource(model, in.readAllBytes());
        } catch (IOException e) {
            throw new ModelLoadException("Cannot read class-path resource " + model.modelResource() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String id() {
        return model.id();
    }

    @Override
    public String version() {
        String coordinates = model.mavenCoordinates();
        return coordinates.substring(coordinates.lastIndexOf(':') + 1);
    }

    @Override
    public String location() {
        return "classpath:" + model.modelResource();
    }

    @Override
    public String tokenizerLocation() {
        return "classpath:" + model.tokenizerResource();
    }

    @Override
    public Pooling defaultPooling() {
        return model.defaultPooling();
    }

    @Override
    public int defaultMaxSequenceLength() {
        return model.defaultMaxSequenceLength();
    }

    @Override
    public OrtSession createSession(OrtEnvironment env, OrtSession.SessionOptions options) throws OrtException {
        return env.createSession(graph, options);
    }

    @Override
    public InputStream openTokenizer() {
        return open(model, model.tokenizerResource());
    }

    private static InputStream open(BundledModel model, String resource) {
        InputStream in = loader(model, resource).getResourceAsStream(resource);
        if (in == null) {
            throw missing(model, resource);
        }
        return in;
    }

    private static void requireResource(BundledModel model, String resource) {
        loader(model, resource);
    }

    /** Weft's own class loader, else the thread's context class loader, whichever sees {@code resource}. */
    private static ClassLoader loader(BundledModel model, String resource) {
        ClassLoader own = BundledSource.class.getClassLoader();
        if (own.getResource(resource) != null) {
            return own;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context.getResource(resource) != null) {
            return context;
        }
        throw missing(model, resource);
    }

    private static ModelNotFoundException missing(BundledModel model, String resource) {
        return new ModelNotFoundException("Bundled model " + model.id() + " needs the class-path resource " + resource
                + ", which is not on the class path. Add the Maven dependency " + model.mavenCoordinates()
                + " (it only carries the model's files; exclude its transitive dependencies with <exclusion><groupId>*</groupId>"
                + "<artifactId>*</artifactId></exclusion>).");
    }
}
