package io.basira.analytics.clv;

import java.util.Locale;
import java.util.Objects;

/**
 * The three fitted CLV models of one store and the method the scoring will use.
 *
 * @param method {@code bgnbd+gammagamma} when BG/NBD and Gamma-Gamma both fitted (and the spend model has
 *     a finite mean), else {@code fallback:<reason>}
 */
public record ClvModels(
        ModelFit<BgNbdParameters> bgNbd,
        ModelFit<ParetoNbdParameters> paretoNbd,
        ModelFit<GammaGammaParameters> gammaGamma,
        ClvTimeUnit timeUnit,
        String method) {

    public static final String MODEL_METHOD = "bgnbd+gammagamma";

    public ClvModels {
        Objects.requireNonNull(bgNbd, "bgNbd");
        Objects.requireNonNull(paretoNbd, "paretoNbd");
        Objects.requireNonNull(gammaGamma, "gammaGamma");
        Objects.requireNonNull(timeUnit, "timeUnit");
        Objects.requireNonNull(method, "method");
    }

    public boolean usesModels() {
        return MODEL_METHOD.equals(method);
    }

    /**
     * The models as one JSON object: {@code {"bgnbd":{"r":…,"alpha":…,"a":…,"b":…,"ll":…},
     * "paretonbd":{"r":…,"alpha":…,"s":…,"beta":…,"ll":…},"gammagamma":{"p":…,"q":…,"gamma":…,"ll":…},
     * "time_unit":"weeks","method":"bgnbd+gammagamma"}}. A model that did not fit is
     * {@code {"failed":"<reason>","detail":"<sentence>"}}. Non-finite numbers are {@code null}.
     */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"bgnbd\":");
        json.append(
                bgNbd instanceof ModelFit.Fitted<BgNbdParameters> f
                        ? object(
                                "r",
                                f.value().r(),
                                "alpha",
                                f.value().alpha(),
                                "a",
                                f.value().a(),
                                "b",
                                f.value().b(),
                                "ll",
                                f.value().logLikelihood())
                        : failed(bgNbd));
        json.append(",\"paretonbd\":");
        json.append(
                paretoNbd instanceof ModelFit.Fitted<ParetoNbdParameters> f
                        ? object(
                                "r",
                                f.value().r(),
                                "alpha",
                                f.value().alpha(),
                                "s",
                                f.value().s(),
                                "beta",
                                f.value().beta(),
                                "ll",
                                f.value().logLikelihood())
                        : failed(paretoNbd));
        json.append(",\"gammagamma\":");
        json.append(
                gammaGamma instanceof ModelFit.Fitted<GammaGammaParameters> f
                        ? object(
                                "p",
                                f.value().p(),
                                "q",
                                f.value().q(),
                                "gamma",
                                f.value().gamma(),
                                "ll",
                                f.value().logLikelihood())
                        : failed(gammaGamma));
        json.append(",\"time_unit\":").append(string(timeUnit.jsonName()));
        json.append(",\"method\":").append(string(method)).append('}');
        return json.toString();
    }

    private static String object(Object... namesAndValues) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            double v = (Double) namesAndValues[i + 1];
            out.append(i == 0 ? "" : ",")
                    .append(string((String) namesAndValues[i]))
                    .append(':')
                    .append(
                            Double.isFinite(v)
                                    ? String.format(Locale.ROOT, "%.10g", v).strip()
                                    : "null");
        }
        return out.append('}').toString();
    }

    private static String failed(ModelFit<?> fit) {
        ModelFit.Failed<?> f = (ModelFit.Failed<?>) fit;
        return "{\"failed\":" + string(f.reason()) + ",\"detail\":" + string(f.detail()) + "}";
    }

    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
