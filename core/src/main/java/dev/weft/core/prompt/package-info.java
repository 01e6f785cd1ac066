/**
 * Prompts as versioned artifacts: {@code .prompt} files with front matter (id, version, model parameters, declared
 * variables, the response format — free text, JSON, or JSON matching a schema written inline or kept in a file next
 * to the prompt) and a body of role sections with {@code {{name}}} variables ({@link dev.weft.core.prompt.Prompt}
 * documents the format, including multi-line {@code key: |} and {@code key: >} values); a registry that loads them
 * from the class path or a directory ({@link dev.weft.core.prompt.PromptRegistry}); strict rendering into a
 * {@link dev.weft.core.chat.ChatRequest} stamped with the prompt's id, version and content hash (which covers a
 * schema file too) so that traces say which prompt produced each call; and sticky A/B experiments between prompt
 * variants that record outcomes ({@link dev.weft.core.prompt.Experiment}).
 *
 * <pre>{@code
 * PromptRegistry prompts = PromptRegistry.fromClasspath("prompts");
 *
 * ChatRequest request = prompts.get("support.answer")
 *     .render(Map.of("product", "Weft", "question", question), context);
 *
 * Experiment tone = Experiment.builder("support-tone")
 *     .variant("control", prompts.get("support.answer", "1.2.0"), 50)
 *     .variant("friendly", prompts.get("support.answer", "1.3.0"), 50)
 *     .build();
 * Assignment assignment = tone.assign(context);
 * ChatResponse response = model.chat(assignment.render(Map.of("product", "Weft", "question", question)));
 * tone.recordOutcome(assignment, resolved ? 1 : 0);
 * }</pre>
 *
 * <p>Schemas are validated when a prompt is loaded, against the meta-schema their {@code $schema} names (draft
 * 2020-12 by default), with networknt's json-schema-validator; their {@code $ref}s must resolve inside the schema.
 *
 * <p>Errors: a malformed file, or a malformed, invalid or missing schema, raises
 * {@link dev.weft.core.prompt.PromptParseException} naming the file and line (the schema file's, for an error inside
 * it) and, for an invalid schema, the JSON pointer of the bad node; a location that cannot be loaded, or an id and version defined twice,
 * {@link dev.weft.core.prompt.PromptLoadException}; rendering with missing or unexpected variables,
 * {@link dev.weft.core.prompt.PromptRenderException}; all three are
 * {@link dev.weft.core.InvalidInputException}s. An unknown id or version raises
 * {@link dev.weft.core.prompt.PromptNotFoundException}.
 *
 * <p>Prompts, registries and experiments are safe for concurrent use: prompts and registries are immutable,
 * experiments count with thread-safe accumulators.
 */
package dev.weft.core.prompt;
