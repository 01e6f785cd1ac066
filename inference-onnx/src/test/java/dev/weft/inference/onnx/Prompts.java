package dev.weft.inference.onnx;

import java.util.List;
import java.util.Random;

/**
 * Generated prompts for property tests: a few words of the scientific English the test models were trained on,
 * sometimes with accented, CJK or symbol characters whose UTF-8 bytes the byte-level tokenizer spreads over several
 * tokens. Deterministic for a seed.
 */
final class Prompts {
    private static final List<String> WORDS = List.of("The", "protein", "cells", "patients", "in", "of", "and", "with",
            "Vitamin", "D", "deficiency", "tumour", "suppressor", "p53", "mice", "study", "we", "found", "that", "expression",
            "increased", "risk", "cancer", "The Normans", "were", "in", "1066", "treatment", "receptor", "signalling");
    private static final List<String> EXOTIC = List.of("Müller", "Søren", "naïve", "日本", "°C", "–", "·", "‘quoted’",
            "β-catenin", "µg", "Ω", "😀", "ç");

    private Prompts() {}

    /** A prompt of 1 to {@code maxWords} words; about one in three carries a multi-byte character. */
    static String prompt(Random random, int maxWords) {
        int words = 1 + random.nextInt(maxWords);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(random.nextInt(9) == 0 ? EXOTIC.get(random.nextInt(EXOTIC.size())) : WORDS.get(random.nextInt(WORDS.size())));
        }
        return sb.toString();
    }
}
