package dev.weft.samples;

import dev.weft.core.WeftException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code weft} command line: runnable samples of Weft's capabilities, one subcommand each.
 *
 * <pre>
 * weft ask --docs samples/docs "How does hybrid search work?"
 * weft generate --model onnx:../shared/models/tiny-lm "The p53 protein"
 * </pre>
 */
@Command(name = "weft", mixinStandardHelpOptions = true, version = "weft 0.1.0-SNAPSHOT",
        description = "Samples of the Weft SDK, run end to end on this machine.",
        subcommands = {AskCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class})
public final class WeftCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, with Weft's typed failures reported as one line and exit code 1, not a stack trace. */
    static CommandLine commandLine() {
        return new CommandLine(new WeftCommand()).setExecutionExceptionHandler((e, cli, parsed) -> {
            if (e instanceof WeftException) {
                cli.getErr().println("weft: " + e.getMessage());
                return 1;
            }
            throw e;
        });
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
