package dev.weft.core.openai;

import dev.weft.core.model.ModelInfo;

/**
 * The {@link ModelInfo} to put on responses: the configured model, with the snapshot the endpoint reports in its
 * {@code model} field (such as {@code gpt-4o-mini-2024-07-18}) as its version. The last one is cached, since an
 * endpoint nearly always reports the same snapshot. Thread-safe.
 */
final class AnsweringModel {
    private final ModelInfo configured;
    private volatile ModelInfo last;

    AnsweringModel(ModelInfo configured) {
        this.configured = configured;
    }

    ModelInfo configured() {
        return configured;
    }

    ModelInfo reportedAs(String responseModel) {
        if (responseModel == null || responseModel.isBlank() || responseModel.equals(configured.id())) {
            return configured;
        }
        ModelInfo cached = last;
        if (cached != null && cached.version().equals(responseModel)) {
            return cached;
        }
        ModelInfo info = configured.toBuilder().version(responseModel).build();
        last = info;
        return info;
    }
}
