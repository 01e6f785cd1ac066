package dev.weft.core.prompt;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.internal.Preconditions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * An A/B (or A/B/n) test between prompt variants. Each user is assigned a variant stickily: the choice depends
 * only on the experiment id, the user id and the variants with their weights, so the same user gets the same
 * variant on every call, in every process and after every restart. Outcomes (a thumbs-up as 1 or 0, a score) are
 * recorded per variant, and {@link #report()} gives counts, means and standard errors. Thread-safe.
 *
 * <pre>{@code
 * Experiment tone = Experiment.builder("support-tone")
 *     .variant("control", prompts.get("support.answer", "1.2.0"), 50)
 *     .variant("friendly", prompts.get("support.answer", "1.3.0"), 50)
 *     .build();
 *
 * Assignment assignment = tone.assign(context);                 // needs context.userId()
 * ChatResponse response = model.chat(assignment.render(variables));
 * tone.recordOutcome(assignment, resolved ? 1 : 0);
 * ExperimentReport report = tone.report();
 * }</pre>
 *
 * <p><b>Assignment.</b> SHA-256 over the experiment id and the user id (see the package's {@code UserBucket} for the
 * exact bytes) gives a point in [0, 1); the variants share that interval in proportion to their weights, in the
 * order they were added, and the user gets the variant whose share holds the point. Changing the weights or the
 * order moves some users; to reshuffle everyone, use a new experiment id. An assignment stamps
 * {@link RequestContext#EXPERIMENT_ID} and {@link RequestContext#EXPERIMENT_VARIANT} on the context, and rendering
 * its prompt adds the prompt attributes, so traces carry both.
 *
 * <p><b>No user id.</b> A request whose context has no (or a blank) user id cannot be assigned stickily. By default
 * {@link #assign} refuses it with {@link InvalidInputException}. With {@link Builder#fallbackVariant(String)} it
 * gets that variant instead, outside the experiment: the assignment is not {@link Assignment#enrolled() enrolled},
 * its context carries no experiment attributes, it counts only in {@link ExperimentReport#unenrolled()}, and
 * outcomes recorded for it are ignored, so that unassignable traffic does not bias the comparison.
 */
public final class Experiment {
    private final String id;
    private final List<Variant> variants;
    private final Map<String, Integer> indexByName;
    /** {@code bounds[i]} is the upper end of variant {@code i}'s share of [0, 1); the last is exactly 1. */
    private final double[] bounds;
    private final Variant fallback;
    private final LongAdder[] assignments;
    private final OutcomeStats[] outcomes;
    private final LongAdder unenrolled = new LongAdder();

    private Experiment(Builder b) {
        this.id = b.id;
        this.variants = List.copyOf(b.variants);
        this.indexByName = new LinkedHashMap<>();
        double total = 0;
        for (Variant v : variants) {
            total += v.weight();
        }
        this.bounds = new double[variants.size()];
        double cumulative = 0;
        this.assignments = new LongAdder[variants.size()];
        this.outcomes = new OutcomeStats[variants.size()];
        for (int i = 0; i < variants.size(); i++) {
            indexByName.put(variants.get(i).name(), i);
            cumulative += variants.get(i).weight();
            bounds[i] = i == variants.size() - 1 ? 1.0 : cumulative / total;
            assignments[i] = new LongAdder();
            outcomes[i] = new OutcomeStats();
        }
        this.fallback = b.fallback == null ? null : variants.get(indexByName.get(b.fallback));
    }

    /** A builder for an experiment called {@code id}. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** The experiment's id, stamped as {@link RequestContext#EXPERIMENT_ID}. */
    public String id() {
        return id;
    }

    /** The variants, in the order they were added. */
    public List<Variant> variants() {
        return variants;
    }

    /** The variant served to requests without a user id, if one was configured. */
    public Optional<Variant> fallbackVariant() {
        return Optional.ofNullable(fallback);
    }

    /**
     * The variant user {@code userId} is assigned, without counting an assignment: for analysis, or to know in
     * advance which prompt a user will see.
     */
    public Variant variantFor(String userId) {
        Preconditions.notNull(userId, "userId");
        return variants.get(indexOf(UserBucket.of(id, userId)));
    }

    /**
     * Assigns the variant for {@code context}'s user, counts it, and stamps the experiment attributes on the context.
     *
     * @throws InvalidInputException when the context has no user id and no fallback variant is configured
     */
    public Assignment assign(RequestContext context) {
        RequestContext base = context == null ? RequestContext.EMPTY : context;
        String userId = base.userId();
        if (userId == null || userId.isBlank()) {
            if (fallback == null) {
                throw new InvalidInputException("experiment '" + id + "' assigns variants by user id, but the request "
                        + "context has none. Set RequestContext.userId, or configure fallbackVariant(...) to serve "
                        + "requests without one outside the experiment");
            }
            unenrolled.increment();
            return new Assignment(id, fallback, false, base);
        }
        int index = indexOf(UserBucket.of(id, userId));
        assignments[index].increment();
        Variant variant = variants.get(index);
        RequestContext stamped = base.withAttribute(RequestContext.EXPERIMENT_ID, id)
                .withAttribute(RequestContext.EXPERIMENT_VARIANT, variant.name());
        return new Assignment(id, variant, true, stamped);
    }

    /**
     * Records an outcome of an assignment.
     *
     * @param outcome any finite number: 1 or 0 for success, a rating, a score
     * @return true when recorded; false when the assignment was not {@link Assignment#enrolled() enrolled}
     * @throws InvalidInputException when the assignment is another experiment's, or the outcome is not finite
     */
    public boolean recordOutcome(Assignment assignment, double outcome) {
        Preconditions.notNull(assignment, "assignment");
        if (!assignment.experimentId().equals(id)) {
            throw new InvalidInputException("an assignment of experiment '" + assignment.experimentId()
                    + "' was recorded on experiment '" + id + "'. Record it on its own experiment");
        }
        if (!assignment.enrolled()) {
            checkFinite(outcome);
            return false;
        }
        recordOutcome(assignment.variant().name(), outcome);
        return true;
    }

    /**
     * Records an outcome for the request whose context an assignment stamped, for outcomes that arrive later
     * (feedback on a stored conversation). A context without this experiment's attributes is ignored.
     *
     * @return true when recorded; false when the context carries no {@link RequestContext#EXPERIMENT_ID}
     * @throws InvalidInputException when the context names another experiment or an unknown variant, or the
     *     outcome is not finite
     */
    public boolean recordOutcome(RequestContext context, double outcome) {
        Preconditions.notNull(context, "context");
        String experiment = context.attributes().get(RequestContext.EXPERIMENT_ID);
        if (experiment == null) {
            checkFinite(outcome);
            return false;
        }
        if (!experiment.equals(id)) {
            throw new InvalidInputException("a context stamped by experiment '" + experiment + "' was recorded on experiment '"
                    + id + "'. Record it on its own experiment");
        }
        String variant = context.attributes().get(RequestContext.EXPERIMENT_VARIANT);
        recordOutcome(variant == null ? "" : variant, outcome);
        return true;
    }

    /**
     * Records an outcome for the variant called {@code variant}.
     *
     * @throws InvalidInputException when there is no such variant or the outcome is not finite
     */
    public void recordOutcome(String variant, double outcome) {
        checkFinite(outcome);
        Integer index = indexByName.get(variant);
        if (index == null) {
            throw new InvalidInputException("experiment '" + id + "' has no variant '" + variant + "'; its variants are "
                    + indexByName.keySet());
        }
        outcomes[index].add(outcome);
    }

    /** The counts, means and standard errors so far. */
    public ExperimentReport report() {
        List<ExperimentReport.VariantResult> results = new ArrayList<>(variants.size());
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            OutcomeStats.Snapshot s = outcomes[i].snapshot();
            results.add(new ExperimentReport.VariantResult(v.name(), v.prompt().id(), v.prompt().version(), v.weight(),
                    assignments[i].sum(), s.count(), s.mean(), s.standardError()));
        }
        return new ExperimentReport(id, results, unenrolled.sum());
    }

    private int indexOf(double point) {
        for (int i = 0; i < bounds.length; i++) {
            if (point < bounds[i]) {
                return i;
            }
        }
        return bounds.length - 1;
    }

    private void checkFinite(double outcome) {
        if (!Double.isFinite(outcome)) {
            throw new InvalidInputException("an outcome of experiment '" + id + "' must be a finite number, was " + outcome);
        }
    }

    @Override
    public String toString() {
        return "Experiment[" + id + ", variants " + indexByName.keySet() + "]";
    }

    /** Builds an {@link Experiment}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final List<Variant> variants = new ArrayList<>();
        private String fallback;

        private Builder(String id) {
            this.id = id;
        }

        /**
         * Adds a variant serving {@code prompt} to a share of users proportional to {@code weight}.
         *
         * @throws InvalidInputException naming the variant when the name is blank or the weight is not finite and &gt; 0
         */
        public Builder variant(String name, Prompt prompt, double weight) {
            variants.add(new Variant(name, prompt, weight));
            return this;
        }

        /** As {@link #variant(String, Prompt, double)}, named {@code <prompt id>@<version>}. */
        public Builder variant(Prompt prompt, double weight) {
            Preconditions.notNull(prompt, "prompt");
            return variant(prompt.id() + "@" + prompt.version(), prompt, weight);
        }

        /**
         * The variant served, outside the experiment, to requests without a user id; by default such requests are
         * refused (see {@link Experiment}).
         */
        public Builder fallbackVariant(String name) {
            this.fallback = name;
            return this;
        }

        /**
         * The experiment.
         *
         * @throws InvalidInputException when the id is blank, there is no variant, two variants share a name, or the
         *     fallback variant is not one of them
         */
        public Experiment build() {
            Preconditions.notBlank(id, "experiment id");
            Preconditions.check(!variants.isEmpty(), "experiment '" + id + "' needs at least one variant; add variant(...)");
            Set<String> names = new HashSet<>();
            for (Variant v : variants) {
                Preconditions.check(names.add(v.name()), "experiment '" + id + "' has two variants called '" + v.name()
                        + "'; variant names must be unique");
            }
            Preconditions.check(fallback == null || names.contains(fallback), "fallbackVariant '" + fallback
                    + "' is not a variant of experiment '" + id + "'; its variants are " + variants.stream().map(Variant::name).toList());
            return new Experiment(this);
        }
    }
}
