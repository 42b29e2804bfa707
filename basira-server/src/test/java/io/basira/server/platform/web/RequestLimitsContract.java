package io.basira.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 9, item 6: request bodies are bounded. A bulk body was held whole (a 1,000,000-line body filled
 * the heap) and a million bad lines made a 117 MB error answer. Now a bulk request is read as a stream
 * and refused with 413 past its limits (records, bytes, bytes per line) with nothing written; refused
 * records list their first 100 problems and count them all; a JSON body and an upload are bounded too.
 * The limits are lowered here (they are settings) so that the edges are cheap to reach.
 */
@TestPropertySource(
        properties = {
            "basira.api.bulk.max-records=300",
            "basira.api.bulk.max-body=64KB",
            "basira.api.max-body=4KB",
            "spring.servlet.multipart.max-file-size=8KB",
            "spring.servlet.multipart.max-request-size=16KB"
        })
abstract class RequestLimitsContract extends ApiTestBase {

    private static final int MAX_RECORDS = 300;

    private static String customers(int count) {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            ndjson.append(customer("C" + i, "N")).append('\n');
        }
        return ndjson.toString();
    }

    private static int customerCount(Api api) {
        return json(api.get("/api/v1/customers?size=1")).get("total").asInt();
    }

    @Test
    void a_bulk_of_exactly_the_record_limit_is_applied_blank_lines_not_counted() {
        Api api = newStore("at-limit");
        Api.Response response =
                api.post("/api/v1/customers/bulk", "application/x-ndjson", "\n" + customers(MAX_RECORDS) + "\r\n\n");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("applied").asInt()).isEqualTo(MAX_RECORDS);
        assertThat(customerCount(api)).isEqualTo(MAX_RECORDS);
    }

    @Test
    void a_bulk_over_the_record_limit_is_refused_with_the_limit_and_nothing_is_written() {
        Api api = newStore("over-limit");
        for (boolean chunked : new boolean[] {false, true}) {
            Api.Response response = chunked
                    ? api.postChunked("/api/v1/customers/bulk", "application/x-ndjson", customers(MAX_RECORDS + 1))
                    : api.post("/api/v1/customers/bulk", "application/x-ndjson", customers(MAX_RECORDS + 1));
            assertThat(response.status()).as(response.body()).isEqualTo(413);
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode problem = json(response);
            assertThat(problem.get("detail").asString())
                    .isEqualTo("nothing was applied: a bulk request holds at most " + MAX_RECORDS
                            + " records (non-blank lines); split the records over several requests");
            assertThat(problem.get("limit").asString()).isEqualTo(MAX_RECORDS + " lines");
        }
        assertThat(customerCount(api)).isZero();
    }

    @Test
    void a_bulk_body_over_the_byte_limit_is_refused_whether_its_length_is_declared_or_not() {
        Api api = newStore("big-body");
        String padding = "x".repeat(1_000);
        StringBuilder big = new StringBuilder();
        for (int i = 1; i <= 70; i++) {
            big.append("{\"customer_id\":\"C")
                    .append(i)
                    .append("\",\"first_name\":\"")
                    .append(padding)
                    .append("\",\"created_at\":\"2024-01-01\"}\n");
        }
        Api.Response declared = api.post("/api/v1/customers/bulk", "application/x-ndjson", big.toString());
        assertThat(declared.status()).isEqualTo(413);
        assertThat(json(declared).get("detail").asString())
                .startsWith("nothing was applied: a bulk request is at most 65536" + " bytes, this one has "
                        + big.length());
        Api.Response streamed = api.postChunked("/api/v1/customers/bulk", "application/x-ndjson", big.toString());
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(json(streamed).get("limit").asString()).isEqualTo("65536 bytes");

        Api.Response longLine = api.post(
                "/api/v1/customers/bulk",
                "application/x-ndjson",
                customer("C1", "A") + "\n" + "{\"customer_id\":\"C2\",\"first_name\":\"" + "y".repeat(5_000)
                        + "\",\"created_at\":\"2024-01-01\"}\n");
        assertThat(longLine.status()).isEqualTo(413);
        assertThat(json(longLine).get("detail").asString())
                .isEqualTo("nothing was applied: line 2 is longer than 4096 bytes, the most one record may take");
        assertThat(customerCount(api)).isZero();
    }

    @Test
    void many_bad_lines_list_the_first_hundred_problems_and_count_them_all() {
        Api api = newStore("bad-lines");
        StringBuilder bad = new StringBuilder(customer("C0", "ok")).append('\n');
        for (int i = 1; i < MAX_RECORDS; i++) {
            bad.append("not json ").append(i).append('\n');
        }
        Api.Response response = api.post("/api/v1/customers/bulk", "application/x-ndjson", bad.toString());
        assertThat(response.status()).isEqualTo(422);
        JsonNode problem = json(response);
        assertThat(problem.get("detail").asString())
                .isEqualTo("nothing was applied: 299 problem(s) in the request; the first 100 are listed");
        assertThat(problem.get("problem_count").asInt()).isEqualTo(MAX_RECORDS - 1);
        assertThat(problem.get("problems")).hasSize(100);
        assertThat(problem.get("problems").get(0).asString()).startsWith("line 2: not a JSON object: ");
        assertThat(problem.get("problems").get(99).asString()).startsWith("line 101: ");
        assertThat(customerCount(api)).isZero();
    }

    @Test
    void a_few_problems_are_all_listed_with_their_count() {
        Api api = newStore("few-bad");
        Api.Response response = api.post(
                "/api/v1/customers/bulk",
                "application/x-ndjson",
                customer("C1", "A") + "\n{\"customer_id\":\"C2\",\"created_at\":\"yesterday\"}\n[1]\n");
        assertThat(response.status()).isEqualTo(422);
        assertThat(json(response).get("detail").asString())
                .isEqualTo("nothing was applied: 2 problem(s) in the request");
        assertThat(json(response).get("problem_count").asInt()).isEqualTo(2);
        assertThat(json(response).get("problems")).hasSize(2);
        assertThat(customerCount(api)).isZero();
    }

    @Test
    void a_body_over_its_limit_is_refused_before_it_is_read_whole() {
        Api api = newStore("json-body");
        String big =
                "{\"customer_id\":\"C1\",\"first_name\":\"" + "z".repeat(5_000) + "\",\"created_at\":\"2024-01-01\"}";
        for (boolean chunked : new boolean[] {false, true}) {
            Api.Response response = chunked
                    ? api.postChunked("/api/v1/customers", "application/json", big)
                    : api.postJson("/api/v1/customers", big);
            assertThat(response.status()).as(response.body()).isEqualTo(413);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(json(response).get("detail").asString())
                    .isEqualTo(
                            "nothing was applied: a request body is"
                                    + " at most 4096 bytes (basira.api.max-body); send many records as NDJSON to a bulk endpoint");
        }
        assertThat(api.get("/api/v1/customers/C1").status()).isEqualTo(404);
        Api.Response csv =
                api.post("/api/v1/analytics/regions", "text/csv", "region,population\n" + "Riyadh,1\n".repeat(600));
        assertThat(csv.status()).isEqualTo(413);
        assertThat(json(csv).get("limit").asString()).isEqualTo("4096 bytes");
        assertThat(api.postChunked("/api/v1/customers", "application/json", customer("C1", "A"))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/customers/C1").status()).isEqualTo(200);
    }

    @Test
    void an_upload_over_the_multipart_limit_is_refused_with_the_limits() {
        Api api = newStore("upload");
        String csv = "customer_id,created_at\n" + "C1,2024-01-01\n".repeat(1_000);
        Api.Response response = api.upload("/api/v1/imports", Map.of("customers.csv", csv));
        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(json(response).get("limit").asString()).isEqualTo("8192 bytes per file, 16384 bytes in all");
        assertThat(customerCount(api)).isZero();
    }
}
