package io.basira.server.campaigns;

import io.basira.campaigns.lift.LiftReport;
import java.util.Locale;

/** The lift said in words, plainly (docs/campaigns.md, "Control groups and lift"); the dashboard's come from the bundles. */
public final class LiftWords {

    private LiftWords() {}

    public static String english(LiftReport report) {
        return switch (report.verdict()) {
            case NO_CONTROL -> "No control group was kept, so the campaign's effect cannot be measured.";
            case TOO_SMALL -> "Too few customers or conversions so far to tell whether the campaign made a difference.";
            case NOT_SIGNIFICANT ->
                String.format(
                        Locale.ROOT,
                        "Not significant: conversions were %+.1f%% against the "
                                + "control group, but the 95%% interval (%+.1f%% to %+.1f%%) includes no effect at all.",
                        100 * report.lift(),
                        100 * report.lower(),
                        100 * report.upper());
            case POSITIVE ->
                String.format(
                        Locale.ROOT,
                        "The campaign raised conversions by %.1f%% against the control "
                                + "group (95%% interval %+.1f%% to %+.1f%%).",
                        100 * report.lift(),
                        100 * report.lower(),
                        100 * report.upper());
            case NEGATIVE ->
                String.format(
                        Locale.ROOT,
                        "The campaign lowered conversions by %.1f%% against the "
                                + "control group (95%% interval %+.1f%% to %+.1f%%).",
                        -100 * report.lift(),
                        100 * report.lower(),
                        100 * report.upper());
        };
    }
}
