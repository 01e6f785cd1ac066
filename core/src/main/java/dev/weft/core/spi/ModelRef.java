package dev.weft.core.spi;

import dev.weft.core.InvalidModelReferenceException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed model reference, {@code scheme:name?key=value&key=value}. Immutable.
 *
 * <ul>
 *   <li>{@code scheme}: lower-case letter, then letters, digits, {@code + - .} (as URI schemes); it picks the
 *       {@link ModelProvider}.</li>
 *   <li>{@code name}: everything up to the first {@code ?}; not blank; may hold {@code / : @} (paths, tags).</li>
 *   <li>parameters: {@code &}-separated {@code key=value} pairs, percent-encoded like a URL query; keys unique
 *       and non-empty; a value may be empty ({@code key=}).</li>
 * </ul>
 *
 * <pre>{@code
 * ModelRef ref = ModelRef.parse("openai:gpt-4o-mini?baseUrl=http%3A%2F%2Flocalhost%3A8080%2Fv1");
 * ref.scheme();            // "openai"
 * ref.param("baseUrl");    // Optional["http://localhost:8080/v1"]
 * }</pre>
 *
 * @param scheme the provider scheme
 * @param name the model name within the provider
 * @param params the parameters, in their order of appearance
 */
public record ModelRef(String scheme, String name, Map<String, String> params) {
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.\\-]*");

    public ModelRef {
        if (scheme == null || !SCHEME.matcher(scheme).matches()) {
            throw new InvalidModelReferenceException("Model reference scheme '" + scheme
                    + "' is invalid: it must start with a lower-case letter and hold only a-z, 0-9, '+', '-', '.'");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidModelReferenceException("Model reference '" + scheme + ":' has no model name; write it as "
                    + scheme + ":<name>");
        }
        if (name.indexOf('?') >= 0) {
            throw new InvalidModelReferenceException("Model name '" + name + "' must not contain '?'");
        }
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        if (params != null) {
            params.forEach((k, v) -> {
                if (k == null || k.isEmpty() || v == null) {
                    throw new InvalidModelReferenceException("Model reference parameters need non-empty keys and non-null values, got "
                            + k + "=" + v);
                }
                copy.put(k, v);
            });
        }
        params = Collections.unmodifiableMap(copy);
    }

    /** A reference with no parameters. */
    public static ModelRef of(String scheme, String name) {
        return new ModelRef(scheme, name, Map.of());
    }

    /**
     * Parses {@code reference}.
     *
     * @throws InvalidModelReferenceException naming the malformed part
     */
    public static ModelRef parse(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidModelReferenceException("Model reference is empty; expected scheme:name?key=value, e.g. onnx:all-minilm-l6-v2");
        }
        int colon = reference.indexOf(':');
        if (colon < 0) {
            throw new InvalidModelReferenceException("Model reference '" + reference
                    + "' has no scheme; expected scheme:name?key=value, e.g. onnx:all-minilm-l6-v2");
        }
        String scheme = reference.substring(0, colon);
        String rest = reference.substring(colon + 1);
        int q = rest.indexOf('?');
        String name = q < 0 ? rest : rest.substring(0, q);
        Map<String, String> params = new LinkedHashMap<>();
        if (q >= 0) {
            String query = rest.substring(q + 1);
            if (query.isEmpty()) {
                throw new InvalidModelReferenceException("Model reference '" + reference + "' ends with '?' but has no parameters");
            }
            for (String pair : query.split("&", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new InvalidModelReferenceException("Model reference '" + reference + "' has a malformed parameter '"
                            + pair + "'; parameters are key=value pairs separated by '&'");
                }
                String key = decode(pair.substring(0, eq), reference);
                String value = decode(pair.substring(eq + 1), reference);
                if (params.putIfAbsent(key, value) != null) {
                    throw new InvalidModelReferenceException("Model reference '" + reference + "' repeats parameter '" + key + "'");
                }
            }
        }
        return new ModelRef(scheme, name, params);
    }

    /** The value of parameter {@code key}, if present. */
    public Optional<String> param(String key) {
        return Optional.ofNullable(params.get(key));
    }

    /** The canonical string form; {@code parse(ref.toString())} equals {@code ref}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(scheme).append(':').append(name);
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    private static String decode(String s, String reference) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidModelReferenceException("Model reference '" + reference + "' has a malformed percent-escape in '"
                    + s + "'");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
