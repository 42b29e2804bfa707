package io.basira.server.campaigns.api;

import static io.basira.server.campaigns.jdbc.JdbcCampaigns.utc;

import io.basira.shared.TextRules;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public one-question survey of a campaign message (docs/campaigns.md, "Campaigns"): {@code /survey/TOKEN} shows
 * the campaign's question and takes one answer (at most 1,000 characters; a second answer replaces the first). The
 * token — 160 random bits, made once per enrolment — is the only key: no sign-in, no cookie; an unknown token shows
 * "not valid" (404). Its own stateless, throttled security chain ({@code CampaignsConfiguration}).
 */
@Controller
public class SurveyController {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SurveyController(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Found(long enrolment, long store, long campaign, String customer, String question) {}

    private Found find(String token) {
        if (token == null || token.length() > 40) {
            return null;
        }
        List<Found> found = jdbc.query(
                "SELECT e.id, e.store_id, e.campaign_id, e.customer_external_id, "
                        + "c.survey_question FROM campaign_enrolments e JOIN campaigns c ON c.id = e.campaign_id WHERE "
                        + "e.survey_token = ? AND c.survey_question IS NOT NULL",
                (rs, n) -> new Found(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)),
                token);
        return found.isEmpty() ? null : found.get(0);
    }

    @GetMapping("/survey/{token}")
    public String show(@PathVariable String token, Model model) {
        Found found = find(token);
        if (found == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAllAttributes(Map.of("question", found.question(), "token", token, "thanks", false));
        return "campaign-survey";
    }

    @PostMapping("/survey/{token}")
    public String answer(@PathVariable String token, @RequestParam("answer") String answer, Model model) {
        Found found = find(token);
        if (found == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty() || TextRules.textProblem(text, 1000) != null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "an answer of 1 to 1000 characters");
        }
        int updated = jdbc.update(
                "UPDATE campaign_survey_answers SET answer = ?, answered_at = ? WHERE enrolment_id = ?",
                text,
                utc(clock.instant()),
                found.enrolment());
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO campaign_survey_answers (enrolment_id, store_id, campaign_id, customer_external_id, "
                            + "answer, answered_at) VALUES (?, ?, ?, ?, ?, ?)",
                    found.enrolment(),
                    found.store(),
                    found.campaign(),
                    found.customer(),
                    text,
                    utc(clock.instant()));
        }
        model.addAllAttributes(Map.of("question", found.question(), "token", token, "thanks", true));
        return "campaign-survey";
    }
}
