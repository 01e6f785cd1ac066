package dev.weft.core.openai;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * Validated connection settings of one OpenAI-compatible endpoint.
 *
 * @param baseUrl up to the version segment, without a trailing slash
 * @param apiKey null when no credentials are sent
 * @param apiKeyHeader {@code Authorization} for {@code Bearer} keys, another name for raw keys
 * @param organization null when not sent
 * @param project null when not sent
 * @param headers extra headers
 * @param queryParameters appended to every URL, in order
 * @param connectTimeout for new connections
 * @param requestTimeout for a whole call
 * @param httpClient a shared client, or null to create (and own) one
 */
record Endpoint(URI baseUrl, String apiKey, String apiKeyHeader, String organization, String project,
        Map<String, String> headers, Map<String, String> queryParameters, Duration connectTimeout,
        Duration requestTimeout, HttpClient httpClient) {

    @Override
    public String toString() {
        return "Endpoint[baseUrl=" + baseUrl + ", apiKey=" + OpenAiModelBuilder.mask(apiKey) + "]";
    }
}
