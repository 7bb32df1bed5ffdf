package vn.thidua.web.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.thidua.web.testsupport.Api;
import vn.thidua.web.testsupport.Api.Response;
import vn.thidua.web.testsupport.Fixture;
import vn.thidua.web.testsupport.Rows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.web.it.EvidenceFiles.docx;
import static vn.thidua.web.it.EvidenceFiles.padded;
import static vn.thidua.web.it.EvidenceFiles.pdf;
import static vn.thidua.web.it.EvidenceFiles.png;
import static vn.thidua.web.it.EvidenceFiles.zip;
import static vn.thidua.web.it.EvidenceFiles.zipBomb;
import static vn.thidua.web.testsupport.Driver.map;
import static vn.thidua.web.testsupport.Problems.assertInvalid;
import static vn.thidua.web.testsupport.Problems.assertRule;

/**
 * Evidence (minh chứng) through real HTTP: files attached to a report, typed from their bytes, downloaded exactly
 * as uploaded; refused uploads record no event and leave no bytes. The concrete classes set a per-file limit of
 * 1 MiB ({@link #SMALL_LIMIT}) and a per-request limit of 3 MB.
 */
abstract class EvidenceScenarios extends ApiScenarioSupport {
    static final String SMALL_LIMIT = "thidua.evidence.max-bytes=1048576";
    static final String PART_LIMIT = "spring.servlet.multipart.max-file-size=2MB";
    static final String REQUEST_LIMIT = "spring.servlet.multipart.max-request-size=3MB";
    /** Read back in slices of 64 KiB on PostgreSQL, so a test file of a few hundred KiB takes several. */
    static final String SMALL_SLICES = "thidua.evidence.read-slice-bytes=65536";
    static final String WAIT = "wait";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    // ---------------------------------------------------------------- the tests

    @Test
    void aPdfAPngAndADocxAreAttachedAndDownloadedByteIdentical() {
        Fixture f = reported();
        Map<String, byte[]> files = new LinkedHashMap<>();
        // a browser's path and a decomposed (NFD) Vietnamese name: kept as the name alone, composed (NFC)
        files.put("C:\\fakepath\\" + Normalizer.normalize("Biên bản họp cụm.pdf", Normalizer.Form.NFD), pdf());
        files.put("Ảnh hiện trường.png", png());
        files.put("Báo cáo tổng kết.docx", docx());
        files.put("Bản scan lớn.pdf", padded(pdf(), 900_000 + (int) (Math.random() * 1000)));
        Map<String, String> types = Map.of("pdf", "application/pdf", "png", "image/png",
                "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String ext = file.getKey().substring(file.getKey().lastIndexOf('.') + 1);
            Response r = records(1, () -> upload(f, 1, file.getKey(), file.getValue(), "REV", "Bản chụp có dấu"));
            assertStatus(r, 201);
            JsonNode body = r.json();
            assertThat(body.path("sha256").asText()).isEqualTo(sha256(file.getValue()));
            assertThat(body.path("mediaType").asText()).isEqualTo(types.get(ext));
            assertThat(body.path("size").asLong()).isEqualTo(file.getValue().length);
            assertThat(body.path("indicatorCode").asText()).isEqualTo("REV");
            assertThat(body.path("uploadedBy").asText()).isEqualTo(f.officer(1).username());
            assertThat(body.path("uploadedAt").asText()).isNotBlank();
            String expectedName = Normalizer.normalize(file.getKey().substring(file.getKey().lastIndexOf('\\') + 1),
                    Normalizer.Form.NFC);
            assertThat(body.path("fileName").asText()).isEqualTo(expectedName);

            // read by anyone who may read the report: here the auditor
            HttpResponse<byte[]> download = download(body.path("evidenceId").asText(), f.auditor());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(sha256(download.body())).isEqualTo(sha256(file.getValue()));
            assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith(types.get(ext));
            assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(download.headers().firstValue("ETag")).hasValue("\"" + sha256(file.getValue()) + "\"");
            String disposition = download.headers().firstValue("Content-Disposition").orElse("");
            assertThat(disposition).startsWith("attachment")
                    .contains("filename*=UTF-8''" + URLEncoder.encode(expectedName, StandardCharsets.UTF_8)
                            .replace("+", "%20"));
        }
        JsonNode list = api.get(f.reportPath(1, "Q1") + "/evidence").as(f.officer(2)).send().json();
        assertThat(list).hasSize(4);
        assertThat(list.get(0).path("fileName").asText()).isEqualTo("Biên bản họp cụm.pdf");
        assertThat(list.get(0).path("withdrawn").asBoolean()).isFalse();
        JsonNode report = api.get(f.reportPath(1, "Q1")).as(f.board()).send().json();
        assertThat(report.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(report.path("evidence")).hasSize(4);
        assertThat(report.path("evidence").get(2).path("mediaType").asText()).isEqualTo(types.get("docx"));
    }

    @Test
    void theSameBytesTwiceForTheSameReportAndIndicatorRecordOnce() {
        Fixture f = reported();
        byte[] bytes = pdf();
        Response first = records(1, () -> upload(f, 1, "Biên bản.pdf", bytes, null, null));
        assertStatus(first, 201);
        long stored = contentRows();
        Response again = recordsNothing(() -> upload(f, 1, "Biên bản (bản sao).pdf", bytes, null, null));
        assertStatus(again, 200);
        assertThat(again.json().path("evidenceId").asText()).isEqualTo(first.json().path("evidenceId").asText());
        assertThat(contentRows()).isEqualTo(stored);
        assertThat(api.get(f.reportPath(1, "Q1") + "/evidence").as(f.auditor()).send().json()).hasSize(1);
        // the same bytes for one indicator are another attachment, their bytes still stored once
        assertStatus(records(1, () -> upload(f, 1, "Biên bản.pdf", bytes, "OK", null)), 201);
        assertThat(contentRows()).isEqualTo(stored);
    }

    @Test
    void whatIsNotAnAcceptedDocumentIsRefusedAndRecordsNothing() {
        Fixture f = reported();
        long before = contentRows();
        byte[] elf = new byte[4096];
        System.arraycopy(new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, elf, 0, 8);
        byte[] mz = new byte[4096];
        mz[0] = 'M';
        mz[1] = 'Z';
        byte[] html = "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(1)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertUnsupported(f, "bao-cao.pdf", elf, "evidence-unsupported-type");
        assertUnsupported(f, "bao-cao.docx", mz, "evidence-unsupported-type");
        assertUnsupported(f, "bao-cao.pdf", html, "evidence-unsupported-type");
        assertUnsupported(f, "bao-cao.docx", zip(Map.of("readme.txt", "xin chào".getBytes(StandardCharsets.UTF_8))),
                "evidence-unsupported-type");
        assertUnsupported(f, "bao-cao.docx", zipBomb(), "evidence-zip-bomb");
        assertThat(contentRows()).isEqualTo(before);

        long stored = contentRows();
        assertInvalid(recordsNothing(() -> upload(f, 1, "rong.pdf", new byte[0], null, null)), "file");
        Response tooLarge = recordsNothing(() -> upload(f, 1, "lon.pdf", padded(pdf(), 1024 * 1024 + 1), null, null));
        assertStatus(tooLarge, 413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.json().path("code").asText()).isEqualTo("evidence-too-large");
        // beyond the per-request limit, Spring's own refusal: 413 problem+json too, never an HTML page or a 500
        Response request = recordsNothing(() -> upload(f, 1, "rat-lon.pdf", padded(pdf(), 3_200_000), null, null));
        assertStatus(request, 413);
        assertThat(request.contentType()).startsWith("application/problem+json");
        assertThat(contentRows()).as("bytes left by refused uploads").isEqualTo(stored);
        assertThat(api.get(f.reportPath(1, "Q1") + "/evidence").as(f.auditor()).send().json()).isEmpty();
    }

    @Test
    void onlyTheReportsUnitAttachesWhileTheCampaignIsOpenAndARefusalLeavesNoBytes() {
        Fixture f = reported();
        byte[] bytes = pdf();
        // another unit's officer: refused before anything is stored
        long stored = contentRows();
        Response other = recordsNothing(() -> upload(f, 1, "x.pdf", bytes, null, null, f.officer(2)));
        assertStatus(other, 403);
        // no report for the period: refused by the participation, inside the transaction that stored the bytes
        assertRule(recordsNothing(() -> upload(f, 1, "x.pdf", bytes, null, null, f.officer(1), "Y")),
                "evidence.no-report");
        assertThat(contentRows()).isEqualTo(stored);
        assertStatus(records(1, () -> api.post(f.campaignPath() + "/close").as(f.head()).send()), 200);
        assertRule(recordsNothing(() -> upload(f, 1, "x.pdf", bytes, null, null)), "campaign.closed");
        assertThat(contentRows()).as("bytes left by refused uploads").isEqualTo(stored);
    }

    @Test
    void theUnitWithdrawsItsFileWithAReasonBeforeVerificationAndItStaysReadable() {
        Fixture f = reported();
        byte[] bytes = png();
        String id = upload(f, 1, "Ảnh.png", bytes, null, null).json().path("evidenceId").asText();
        assertInvalidOrRule(recordsNothing(() -> withdraw(id, f.officer(1), "")));
        assertStatus(recordsNothing(() -> withdraw(id, f.officer(2), "Không phải của tôi")), 403);
        Response r = records(1, () -> withdraw(id, f.officer(1), "Nhầm tệp"));
        assertStatus(r, 200);
        assertThat(r.json().path("withdrawn").asBoolean()).isTrue();
        assertThat(r.json().path("withdrawnReason").asText()).isEqualTo("Nhầm tệp");
        JsonNode listed = api.get(f.reportPath(1, "Q1") + "/evidence").as(f.auditor()).send().json();
        assertThat(listed.get(0).path("withdrawn").asBoolean()).isTrue();
        assertThat(sha256(download(id, f.auditor()).body())).isEqualTo(sha256(bytes));

        String second = upload(f, 1, "Biên bản.pdf", pdf(), null, null).json().path("evidenceId").asText();
        assertStatus(records(1, () -> api.post(f.reportPath(1, "Q1") + "/verification").as(f.head())
                .json(map("verdict", "VERIFIED", "comment", "Đạt")).send()), 200);
        assertRule(recordsNothing(() -> withdraw(second, f.officer(1), "Nhầm tệp")), "evidence.report-verified");
        assertStatus(api.post("/api/v1/evidence/" + UUID.randomUUID() + "/withdrawal").as(f.officer(1))
                .json(map("reason", "x")).send(), 404);

        // the audit trail names the files: attached, then withdrawn with its reason
        JsonNode trail = api.get("/api/v1/audit?campaignId=" + f.campaignId() + "&unitCode=" + f.unit(1))
                .as(f.auditor()).header("Consistency", WAIT).send().json().path("entries");
        List<JsonNode> evidenceRows = new java.util.ArrayList<>();
        trail.forEach(e -> {
            if (e.path("type").asText().startsWith("Evidence")) {
                evidenceRows.add(e);
            }
        });
        assertThat(evidenceRows).extracting(e -> e.path("type").asText() + ":" + e.path("periodCode").asText() + ":"
                        + e.path("changes").get(0).path("from").asText("") + "→" + e.path("changes").get(0).path("to").asText())
                .containsExactly("EvidenceAttached:Q1:→Ảnh.png", "EvidenceWithdrawn:Q1:Ảnh.png→WITHDRAWN",
                        "EvidenceAttached:Q1:→Biên bản.pdf");
    }

    // ---------------------------------------------------------------- helpers

    /** A campaign of its own where unit 1 has pledged and reported Q1. */
    private Fixture reported() {
        Fixture f = campaignWithReport(1);
        return f;
    }

    private long contentRows() {
        return Rows.count(jdbc, "evidence_content");
    }

    private void assertUnsupported(Fixture f, String name, byte[] bytes, String code) {
        Response r = recordsNothing(() -> upload(f, 1, name, bytes, null, null));
        assertStatus(r, 415);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("code").asText()).as("%s", r).isEqualTo(code);
    }

    private static void assertInvalidOrRule(Response r) {
        assertThat(r.status()).as("%s", r).isIn(400, 409);
        assertThat(r.body()).contains("reason");
    }

    private Response withdraw(String id, Api.Creds as, String reason) {
        return api.post("/api/v1/evidence/" + id + "/withdrawal").as(as).header("Consistency", WAIT)
                .json(map("reason", reason)).send();
    }

    private Response upload(Fixture f, int unit, String name, byte[] bytes, String indicator, String note) {
        return upload(f, unit, name, bytes, indicator, note, f.officer(unit));
    }

    private Response upload(Fixture f, int unit, String name, byte[] bytes, String indicator, String note,
                            Api.Creds as) {
        return upload(f, unit, name, bytes, indicator, note, as, "Q1");
    }

    /** A multipart upload, as a browser sends it (the part's declared type is a lie the server must ignore). */
    private Response upload(Fixture f, int unit, String name, byte[] bytes, String indicator, String note,
                            Api.Creds as, String period) {
        String boundary = "----thidua" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        if (indicator != null) {
            fields.put("indicatorCode", indicator);
        }
        if (note != null) {
            fields.put("note", note);
        }
        fields.forEach((k, v) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n"));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\r\nContent-Type: application/pdf\r\n\r\n");
        body.writeBytes(bytes);
        write(body, "\r\n--" + boundary + "--\r\n");
        String path = f.campaignPath() + "/reports/" + f.unit(unit) + "/" + period + "/evidence";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(as))
                .header("Accept", "application/json, application/problem+json")
                .header("Consistency", WAIT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return send(request, path);
    }

    private Response send(HttpRequest request, String path) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response("POST", path, r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> download(String evidenceId, Api.Creds as) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/evidence/"
                        + evidenceId)).timeout(Duration.ofSeconds(60)).header("Authorization", basic(as)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(Api.Creds c) {
        return "Basic " + Base64.getEncoder().encodeToString((c.username() + ":" + c.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
