package dev.weft.core.flow;

import dev.weft.core.model.Classification;
import dev.weft.core.model.ClassificationModel;
import dev.weft.core.model.ClassificationResponse;
import dev.weft.core.model.LabelScore;
import dev.weft.core.model.ModelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test double: a {@link ClassificationModel} that gives each text the label probabilities scripted for it
 * (texts not in the script get {@code fallback}). Records every text it classifies. Thread-safe.
 */
final class ScriptedClassifier implements ClassificationModel {
    private final List<String> labels;
    private final Map<String, Classification> script;
    private final Classification fallback;
    private final List<String> texts = new CopyOnWriteArrayList<>();

    ScriptedClassifier(List<String> labels, Map<String, Classification> script, Classification fallback) {
        this.labels = List.copyOf(labels);
        this.script = Map.copyOf(script);
        this.fallback = fallback;
    }

    /** A classification giving {@code label} probability {@code p} and the rest to {@code other}. */
    static Classification top(String label, double p, String other) {
        return new Classification(List.of(new LabelScore(label, p), new LabelScore(other, 1 - p)));
    }

    @Override
    public ModelInfo info() {
        return ModelInfo.builder("intent", "scripted").build();
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public ClassificationResponse classify(List<String> batch) {
        List<Classification> out = new ArrayList<>();
        for (String text : batch) {
            texts.add(text);
            out.add(script.getOrDefault(text, fallback));
        }
        return new ClassificationResponse(out, null);
    }

    List<String> texts() {
        return List.copyOf(texts);
    }
}
