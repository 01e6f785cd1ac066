package dev.weft.langchain4j;

import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.StoredChunk;
import java.util.ArrayList;
import java.util.List;

/** A small operations handbook: passages with a topic and a year, the corpus of the retrieval tests. */
final class Handbook {
    record Passage(String id, String text, String topic, long year) {}

    static final List<Passage> PASSAGES = List.of(
            new Passage("keys-1", "To rotate an API key, create a new key in the console, deploy it, then revoke the old one.", "security", 2024),
            new Passage("keys-2", "Keys older than ninety days are flagged and must be replaced before the next audit.", "security", 2023),
            new Passage("sso-1", "Single sign-on uses SAML; the identity provider must send the email attribute.", "security", 2022),
            new Passage("err-4471", "Error 4471 means the upload exceeded the quota of the workspace; raise the quota or delete old files.", "errors", 2024),
            new Passage("err-5102", "Error 5102 appears when the export job times out; split the export into smaller date ranges.", "errors", 2023),
            new Passage("backup-1", "Backups run nightly at two in the morning and are kept for thirty days.", "operations", 2021),
            new Passage("backup-2", "To restore a backup, open the workspace settings and choose a snapshot from the list.", "operations", 2024),
            new Passage("billing-1", "Invoices are issued on the first day of each month and paid by card or transfer.", "billing", 2022),
            new Passage("billing-2", "Refunds for annual plans are prorated to the day the subscription is cancelled.", "billing", 2023),
            new Passage("deploy-1", "Deployments roll out to ten percent of servers first and pause if the error rate rises.", "operations", 2024),
            new Passage("deploy-2", "A failed deployment is rolled back automatically within five minutes.", "operations", 2022),
            new Passage("onboard-1", "New team members get read-only access until their manager approves a role.", "security", 2021));

    private Handbook() {}

    /** The passages as chunks embedded with {@code embedder}. */
    static List<StoredChunk> chunks(EmbeddingModel embedder) {
        var vectors = embedder.embed(PASSAGES.stream().map(Passage::text).toList()).embeddings();
        List<StoredChunk> chunks = new ArrayList<>();
        for (int i = 0; i < PASSAGES.size(); i++) {
            Passage p = PASSAGES.get(i);
            chunks.add(new StoredChunk(p.id(), p.text(), vectors.get(i).vector(),
                    Metadata.of("topic", p.topic(), "year", p.year(), Metadata.SOURCE, "handbook.md")));
        }
        return chunks;
    }

    static Passage passage(String id) {
        return PASSAGES.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
}
