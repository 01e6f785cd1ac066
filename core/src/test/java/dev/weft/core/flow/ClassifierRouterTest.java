package dev.weft.core.flow;

import static dev.weft.core.flow.ScriptedClassifier.top;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.model.Classification;
import dev.weft.core.model.LabelScore;
import dev.weft.core.testing.ScriptedChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Router#byClassifier}: the last user turn's top label picks the route, with a default below the minimum confidence. */
class ClassifierRouterTest {
    private final ScriptedChatModel billing = ScriptedChatModel.named("billing-model");
    private final ScriptedChatModel coder = ScriptedChatModel.named("coder");
    private final ScriptedChatModel general = ScriptedChatModel.named("general");
    private final ScriptedClassifier classifier = new ScriptedClassifier(List.of("billing", "code", "chitchat"), Map.of(
            "refund my invoice", top("billing", 0.9, "code"),
            "why does it segfault", top("code", 0.55, "billing"),
            "hi there", top("chitchat", 0.8, "billing")),
            new Classification(List.of(new LabelScore("billing", 0.34), new LabelScore("code", 0.33),
                    new LabelScore("chitchat", 0.33))));
    private final List<RouteDecision> heard = new ArrayList<>();

    private Router router() {
        return Router.byClassifier(classifier)
                .route("billing", billing)
                .route("code", coder)
                .minConfidence(0.5)
                .otherwise("general", general)
                .listener(heard::add)
                .build();
    }

    @Test
    void theTopLabelPicksItsRoute() {
        assertThat(router().chat(ChatRequest.of("refund my invoice")).model()).isEqualTo(billing.info());
        assertThat(heard).containsExactly(new RouteDecision.Classified("billing", billing.info(), "billing", 0.9));
    }

    @Test
    void onlyTheLastUserTurnIsClassified() {
        ChatRequest request = ChatRequest.builder().system("be brief").user("refund my invoice").assistant("which one?")
                .user("why does it segfault").build();

        assertThat(router().chat(request).model()).isEqualTo(coder.info());
        assertThat(classifier.texts()).containsExactly("why does it segfault");
        assertThat(coder.chatRequests().getFirst().context().attributes()).containsEntry(Router.ROUTE_ATTRIBUTE, "code");
    }

    @Test
    void aTopLabelBelowTheMinimumConfidenceFallsToTheDefault() {
        assertThat(router().chat(ChatRequest.of("something vague")).model()).isEqualTo(general.info());
        assertThat(heard).singleElement().isInstanceOfSatisfying(RouteDecision.Default.class, d -> assertThat(d.reason())
                .isEqualTo("the top label 'billing' at 0.340 is below minConfidence 0.500"));
    }

    @Test
    void aLabelWithoutARouteFallsToTheDefault() {
        assertThat(router().chat(ChatRequest.of("hi there")).model()).isEqualTo(general.info());
        assertThat(heard).containsExactly(new RouteDecision.Default("general", general.info(), "the top label 'chitchat' has no route"));
    }

    @Test
    void aRequestWithoutUserTextIsNotClassified() {
        router().chat(ChatRequest.builder().system("only a system prompt").build());

        assertThat(classifier.texts()).isEmpty();
        assertThat(heard).containsExactly(new RouteDecision.Default("general", general.info(), "there is no user text to classify"));
    }

    @Test
    void theInputToClassifyCanBeChosen() {
        Router router = Router.byClassifier(classifier).route("billing", billing).otherwise("general", general)
                .input(r -> r.context().feature())
                .build();

        router.chat(ChatRequest.builder().user("x").context(RequestContext.builder().feature("refund my invoice").build())
                .build());

        assertThat(classifier.texts()).containsExactly("refund my invoice");
    }

    @Test
    void buildRejectsLabelsTheClassifierDoesNotKnowAndBadOptions() {
        assertThatThrownBy(() -> Router.byClassifier(classifier).route("biling", billing).otherwise("general", general).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("label 'biling' is not one that intent assigns; it knows [billing, code, chitchat]");
        assertThatThrownBy(() -> Router.byClassifier(classifier).route("billing", billing).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("otherwise(route, model)");
        assertThatThrownBy(() -> Router.byClassifier(classifier).otherwise("general", general).minConfidence(1.5).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("minConfidence must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> Router.byClassifier(null).otherwise("general", general).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("classifier");
    }
}
