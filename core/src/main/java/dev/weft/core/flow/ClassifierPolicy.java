package dev.weft.core.flow;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ClassificationModel;
import dev.weft.core.model.LabelScore;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Routes by the top label of a classifier, to the default below the minimum confidence or for a label without a
 * route. Immutable; thread-safe if the classifier is.
 *
 * @param labels the labels that have routes (each route is named after its label)
 */
record ClassifierPolicy(ClassificationModel classifier, Function<? super ChatRequest, String> input, double minConfidence,
        Set<String> labels, String defaultRoute, Map<String, ChatModel> routes) implements RoutePolicy {

    @Override
    public RouteDecision choose(ChatRequest request) {
        String text = input.apply(request);
        if (text == null || text.isBlank()) {
            return fallThrough("there is no user text to classify");
        }
        LabelScore top = classifier.classify(text).top();
        if (top.probability() < minConfidence) {
            return fallThrough(String.format(Locale.ROOT, "the top label '%s' at %.3f is below minConfidence %.3f",
                    top.label(), top.probability(), minConfidence));
        }
        if (!labels.contains(top.label())) {
            return fallThrough("the top label '" + top.label() + "' has no route");
        }
        return new RouteDecision.Classified(top.label(), routes.get(top.label()).info(), top.label(), top.probability());
    }

    private RouteDecision fallThrough(String reason) {
        return new RouteDecision.Default(defaultRoute, routes.get(defaultRoute).info(), reason);
    }
}
