/**
 * Prompts as versioned artifacts: {@code .prompt} files with front matter, strict rendering, content hashes, a
 * registry over the class path or a directory, and sticky A/B experiments.
 */
package dev.weft.core.prompt;
