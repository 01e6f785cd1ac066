package dev.weft.rag.retrieval;

import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorStore;
import java.util.ArrayList;
import java.util.List;

/**
 * A small self-written corpus of short passages on unrelated topics, with a few planted cases: a passage that only
 * an exact keyword finds ({@link #KNOWLEDGE_BASE_ID}), one that only a paraphrase finds ({@link #BARKING_DOG}: it shares no
 * word with its query), three near-duplicates about resetting a password, and French passages for filters.
 */
final class Corpus {
    static final String KNOWLEDGE_BASE_ID = "p31";
    static final String BARKING_DOG = "p07";
    static final List<String> PASSWORD_DUPLICATES = List.of("p01", "p02", "p03");

    private record Passage(String id, String text, String title, String lang) {}

    private static final List<Passage> PASSAGES = List.of(
            new Passage("p01", "To reset your password, open Settings, choose Security and press Reset password.", "Account help", "en"),
            new Passage("p02", "You can reset the password from the Security page in Settings by pressing Reset password.", "Account help", "en"),
            new Passage("p03", "Open Settings, then Security, and press the Reset password button to change your password.", "Account FAQ", "en"),
            new Passage("p04", "Two-factor authentication adds a one-time code from an authenticator app to every sign-in.", "Account help", "en"),
            new Passage("p05", "Error QX-7731 means the coolant reservoir of the print head is nearly empty.", "Printer manual", "en"),
            new Passage("p06", "If the printer shows a blinking amber light, the paper tray is jammed; remove the stuck sheet.", "Printer manual", "en"),
            new Passage("p07", "The canine barked at the postman every morning until the neighbours complained.", "Short stories", "en"),
            new Passage("p08", "Cats sleep for most of the day and hunt at dusk.", "Pets", "en"),
            new Passage("p09", "Water boils at 100 degrees Celsius at sea level; at altitude it boils at a lower temperature.", "Physics notes", "en"),
            new Passage("p10", "The Eiffel Tower was completed in 1889 for the World's Fair in Paris.", "Landmarks", "en"),
            new Passage("p11", "La tour Eiffel a été achevée en 1889 pour l'Exposition universelle de Paris.", "Monuments", "fr"),
            new Passage("p12", "Le mot de passe se réinitialise depuis la page Sécurité des paramètres.", "Aide du compte", "fr"),
            new Passage("p13", "Photosynthesis turns sunlight, water and carbon dioxide into glucose and oxygen in plant leaves.", "Biology notes", "en"),
            new Passage("p14", "The mitochondria produce most of the chemical energy a cell uses, stored as ATP.", "Biology notes", "en"),
            new Passage("p15", "Invoices are emailed on the first business day of every month and are due within thirty days.", "Billing", "en"),
            new Passage("p16", "Refunds are issued to the original payment method within five to ten business days.", "Billing", "en"),
            new Passage("p17", "The Java virtual machine reclaims unused objects with a garbage collector.", "Programming", "en"),
            new Passage("p18", "Lucene builds an inverted index that maps each term to the documents containing it.", "Search", "en"),
            new Passage("p19", "HNSW graphs connect each vector to its nearest neighbours on several layers for fast approximate search.", "Search", "en"),
            new Passage("p20", "BM25 ranks documents by term frequency, inverse document frequency and document length.", "Search", "en"),
            new Passage("p21", "The Great Barrier Reef off Australia is the largest coral reef system in the world.", "Geography", "en"),
            new Passage("p22", "Mount Everest, at 8,849 metres, is the highest mountain above sea level.", "Geography", "en"),
            new Passage("p23", "Regular exercise lowers blood pressure and improves sleep quality.", "Health", "en"),
            new Passage("p24", "Drink plenty of water during hot weather to avoid dehydration.", "Health", "en"),
            new Passage("p25", "The train to the airport leaves every fifteen minutes from platform four.", "Travel", "en"),
            new Passage("p26", "Our office is closed on public holidays; support tickets are answered the next working day.", "Support", "en"),
            new Passage("p27", "Backups of the database run nightly at two in the morning and are kept for thirty days.", "Operations", "en"),
            new Passage("p28", "To export your data, open Settings, choose Privacy and press Download archive.", "Account help", "en"),
            new Passage("p29", "A kitten needs to be fed four small meals a day until it is six months old.", "Pets", "en"),
            new Passage("p30", "Jupiter is the largest planet in the solar system and has dozens of moons.", "Astronomy", "en"),
            new Passage("p31", "Reference KB0098123 covers holiday rota changes for the warehouse staff.", "Staff notices", "en"));

    private Corpus() {}

    /** The passages as chunks, embedded with {@code embedder}, with source, title, page and language metadata. */
    static List<StoredChunk> chunks(EmbeddingModel embedder) {
        List<float[]> vectors = new ArrayList<>();
        embedder.embed(PASSAGES.stream().map(Passage::text).toList()).embeddings().forEach(e -> vectors.add(e.vector()));
        List<StoredChunk> chunks = new ArrayList<>();
        for (int i = 0; i < PASSAGES.size(); i++) {
            Passage p = PASSAGES.get(i);
            chunks.add(new StoredChunk(p.id(), p.text(), vectors.get(i),
                    Metadata.of(Metadata.SOURCE, "corpus/" + p.id() + ".txt", Metadata.TITLE, p.title(), Metadata.PAGE, i + 1,
                            "lang", p.lang())));
        }
        return chunks;
    }

    /** Fills {@code store} with the corpus. */
    static void load(VectorStore store, EmbeddingModel embedder) {
        store.upsert(chunks(embedder));
    }
}
