package dev.weft.samples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code weft} command line: runnable samples of Weft's capabilities, one subcommand each.
 *
 * <pre>
 * weft ask --docs samples/docs "How does hybrid search work?"
 * </pre>
 */
@Command(name = "weft", mixinStandardHelpOptions = true, version = "weft 0.1.0-SNAPSHOT",
        description = "Samples of the Weft SDK, run end to end on this machine.",
        subcommands = {AskCommand.class, CommandLine.HelpCommand.class})
public final class WeftCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new WeftCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
