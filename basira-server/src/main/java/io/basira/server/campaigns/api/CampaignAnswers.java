package io.basira.server.campaigns.api;

import io.basira.campaigns.Campaign;
import io.basira.campaigns.lift.ArmResult;
import io.basira.campaigns.lift.LiftReport;
import io.basira.server.campaigns.CampaignService;
import io.basira.server.campaigns.LiftWords;
import io.basira.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The campaigns API's answers (snake_case JSON). Money in the store currency's major unit, exact strings. */
public final class CampaignAnswers {

    private CampaignAnswers() {}

    public record CampaignAnswer(
            long id,
            String name,
            String kind,
            String status,
            String channel,
            String purpose,
            String subjectAr,
            String bodyAr,
            String subjectEn,
            String bodyEn,
            int controlPercent,
            int attributionDays,
            long firstDelayMinutes,
            Long secondDelayMinutes,
            int inactiveDays,
            List<String> groups,
            Instant scheduledAt,
            Integer discountPercent,
            Integer discountValidDays,
            String surveyQuestion,
            Instant activatedAt) {

        public static CampaignAnswer of(Campaign c) {
            var ar = c.template().arabic();
            var en = c.template().english();
            return new CampaignAnswer(
                    c.id(),
                    c.name(),
                    c.kind().code(),
                    c.status().code(),
                    c.channel().name().toLowerCase(Locale.ROOT),
                    c.purpose().name().toLowerCase(Locale.ROOT),
                    ar == null ? null : ar.subject(),
                    ar == null ? null : ar.body(),
                    en == null ? null : en.subject(),
                    en == null ? null : en.body(),
                    c.controlPercent(),
                    c.attributionDays(),
                    c.firstDelay().toMinutes(),
                    c.secondDelay() == null ? null : c.secondDelay().toMinutes(),
                    c.inactiveDays(),
                    c.groups(),
                    c.scheduledAt(),
                    c.discount() == null ? null : c.discount().percent(),
                    c.discount() == null ? null : c.discount().validDays(),
                    c.surveyQuestion(),
                    c.activatedAt());
        }
    }

    record ArmAnswer(
            long recipients, long conversions, String conversionRate, String revenue, String revenuePerRecipient) {

        public static ArmAnswer of(ArmResult arm, Currency currency) {
            int digits = Money.fractionDigits(currency);
            return new ArmAnswer(
                    arm.recipients(),
                    arm.conversions(),
                    BigDecimal.valueOf(arm.conversionRate())
                            .setScale(4, RoundingMode.HALF_UP)
                            .toPlainString(),
                    BigDecimal.valueOf(arm.revenueMinor()).movePointLeft(digits).toPlainString(),
                    major(arm.revenuePerRecipientMinor(), digits));
        }
    }

    record LiftAnswer(
            String verdict,
            Double lift,
            Double lower,
            Double upper,
            String revenuePerRecipientDifference,
            String summary) {

        public static LiftAnswer of(LiftReport report, Currency currency) {
            return new LiftAnswer(
                    report.verdict().code(),
                    round(report.lift()),
                    round(report.lower()),
                    round(report.upper()),
                    major(report.revenueDifferenceMinor(), Money.fractionDigits(currency)),
                    LiftWords.english(report));
        }
    }

    record ReportAnswer(
            CampaignAnswer campaign,
            Map<String, Long> outcomes,
            ArmAnswer treatment,
            ArmAnswer control,
            LiftAnswer lift,
            List<CampaignService.SurveyAnswer> surveyAnswers) {

        public static ReportAnswer of(CampaignService.Report report, Currency currency) {
            return new ReportAnswer(
                    CampaignAnswer.of(report.campaign()),
                    report.outcomes(),
                    ArmAnswer.of(report.lift().treatment(), currency),
                    ArmAnswer.of(report.lift().control(), currency),
                    LiftAnswer.of(report.lift(), currency),
                    report.answers());
        }
    }

    record RunAnswer(int enrolled, int claimed, int sent, int deferred, int suppressed, int failed, int cancelled) {}

    static String major(BigDecimal minor, int digits) {
        return minor.movePointLeft(digits)
                .setScale(digits, RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static Double round(Double value) {
        return value == null
                ? null
                : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
