package io.basira.server;

import io.basira.server.cli.AnalyzeCommand;
import io.basira.server.cli.ExportCommand;
import io.basira.server.cli.ServeCommand;
import io.basira.server.cli.StoreCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code basira} command line: {@code serve}, {@code import}, {@code export}, {@code store},
 * {@code demo}, {@code segment}, {@code analyze}, {@code user}. Every command accepts {@code --data DIR} and {@code --db-url URL}.
 */
@Command(
        name = "basira",
        mixinStandardHelpOptions = true,
        version = "Basira 0.1.0",
        description = "Customer intelligence for online stores.",
        subcommands = {
            ServeCommand.class,
            io.basira.server.cli.ImportCommand.class,
            ExportCommand.class,
            StoreCommand.class,
            io.basira.server.cli.SourceCommand.class,
            io.basira.server.cli.DemoCommand.class,
            io.basira.server.cli.SegmentCommand.class,
            AnalyzeCommand.class,
            io.basira.server.cli.UserCommand.class,
            io.basira.server.cli.RebuildCommand.class,
            io.basira.server.cli.LoyaltyCommand.class,
            io.basira.server.cli.PrivacyCommand.class,
            io.basira.server.cli.CampaignsCommand.class
        })
public final class Basira {

    private Basira() {}

    public static void main(String[] args) {
        CommandLine cli = commandLine();
        int code = cli.execute(args.length == 0 ? new String[] {"--help"} : args);
        if (!(args.length > 0 && args[0].equals("serve") && code == 0)) {
            System.exit(code);
        }
    }

    /** The command line with its error handling: a usage error is one line on stderr and exit code 2. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Basira());
        withHelp(cli);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof io.basira.server.cli.Commands.UsageError) {
                commandLine.getErr().println("basira: " + e.getMessage());
                return 2;
            }
            if (e instanceof io.basira.server.cli.Commands.Refused) {
                commandLine.getErr().println("basira: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli;
    }

    /** Every command and subcommand answers {@code --help} (and {@code --version}). */
    private static void withHelp(CommandLine command) {
        if (!command.getCommandSpec().mixinStandardHelpOptions()) {
            command.getCommandSpec().mixinStandardHelpOptions(true);
        }
        command.getSubcommands().values().forEach(Basira::withHelp);
    }
}
