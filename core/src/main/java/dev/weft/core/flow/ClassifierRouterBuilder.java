package dev.weft.core.flow;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ClassificationModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a {@link Router} that classifies each request's last user turn and sends it to the route of the most
 * probable label ({@link RouteDecision.Classified}). The {@link #otherwise} route takes the request
 * ({@link RouteDecision.Default}) when there is no user text, when the top label's probability is below
 * {@link #minConfidence}, or when the top label has no route. Not thread-safe.
 *
 * <pre>{@code
 * Router router = Router.byClassifier(intentClassifier)
 *     .route("billing", billingModel)
 *     .route("code", coder)
 *     .minConfidence(0.6)
 *     .otherwise("general", small)
 *     .build();
 * }</pre>
 */
public final class ClassifierRouterBuilder extends RouterBuilder<ClassifierRouterBuilder> {
    private final ClassificationModel classifier;
    private final List<String> labels = new ArrayList<>();
    private String defaultRoute;
    private double minConfidence;
    private Function<? super ChatRequest, String> input = ChatRequest::lastUserText;

    ClassifierRouterBuilder(ClassificationModel classifier) {
        this.classifier = classifier;
    }

    /** Requests classified as {@code label} go to {@code model}; the route is named after the label. */
    public ClassifierRouterBuilder route(String label, ChatModel model) {
        routes.bind(label, model);
        labels.add(label);
        return this;
    }

    /** Where requests go that no label decides. Required. */
    public ClassifierRouterBuilder otherwise(String route, ChatModel model) {
        routes.bind(route, model);
        defaultRoute = route;
        return this;
    }

    /** The least probability, in [0, 1], at which the top label decides; default 0 (it always does). */
    public ClassifierRouterBuilder minConfidence(double minConfidence) {
        this.minConfidence = minConfidence;
        return this;
    }

    /** The text to classify; default the request's last user message ({@link ChatRequest#lastUserText()}). */
    public ClassifierRouterBuilder input(Function<? super ChatRequest, String> input) {
        this.input = input;
        return this;
    }

    /**
     * The router.
     *
     * @throws dev.weft.core.InvalidInputException naming the first bad option, or a routed label the classifier
     *     does not know
     */
    public Router build() {
        Preconditions.notNull(classifier, "classifier");
        Preconditions.check(defaultRoute != null, "a classifier router needs a default route: call otherwise(route, model)");
        Preconditions.check(minConfidence >= 0 && minConfidence <= 1, "minConfidence must be in [0, 1], was " + minConfidence);
        Preconditions.notNull(input, "input");
        List<String> known = classifier.labels();
        for (String label : labels) {
            Preconditions.check(known.isEmpty() || known.contains(label), "label '" + label + "' is not one that "
                    + classifier.info().id() + " assigns; it knows " + known);
        }
        return router(new ClassifierPolicy(classifier, input, minConfidence, Set.copyOf(labels), defaultRoute,
                routes.snapshot()));
    }
}
