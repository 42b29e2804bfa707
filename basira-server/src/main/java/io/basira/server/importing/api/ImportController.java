package io.basira.server.importing.api;

import io.basira.server.csvimport.ColumnMapping;
import io.basira.server.csvimport.FileReport;
import io.basira.server.csvimport.MappingRefused;
import io.basira.server.csvimport.RowError;
import io.basira.server.importing.ImportErrorText;
import io.basira.server.importing.ImportFolder;
import io.basira.server.importing.ImportMappings;
import io.basira.server.importing.ImportOutcome;
import io.basira.server.platform.files.UploadFolders;
import io.basira.server.platform.web.ApiLocales;
import io.basira.shared.Store;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/imports}: the canonical CSV import by upload (multipart, one part per file,
 * named by the file name: customers.csv, orders.csv, …). Same rules as the CLI: all or nothing
 * unless {@code skip_invalid=true}. {@code mapping} reads the platform's own exports through a column mapping:
 * preset names, {@code saved} (the store's saved mapping) or the mapping's JSON (docs/import.md). 200 with the
 * report when applied, 422 with it when refused, 400 when the mapping names nothing usable ({@link #refused}).
 */
@RestController
public class ImportController {

    private final ImportFolder importer;
    private final UploadFolders uploads;
    private final ImportMappings mappings;
    private final ImportErrorText errorText;
    private final MessageSource messages;

    public ImportController(
            ImportFolder importer, UploadFolders uploads, ImportMappings mappings, MessageSource messages) {
        this.importer = importer;
        this.uploads = uploads;
        this.mappings = mappings;
        this.errorText = new ImportErrorText(messages);
        this.messages = messages;
    }

    @PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> upload(
            Store store,
            @RequestParam Map<String, MultipartFile> files,
            @RequestParam(name = "skip_invalid", defaultValue = "false") boolean skipInvalid,
            @RequestParam(name = "mapping", required = false) String mapping,
            HttpServletRequest request)
            throws IOException {
        ColumnMapping columns = mappings.resolve(store, mapping);
        try (UploadFolders.Upload upload = uploads.create()) {
            Path folder = upload.folder();
            for (MultipartFile file : files.values()) {
                String name = Path.of(file.getOriginalFilename() == null ? file.getName() : file.getOriginalFilename())
                        .getFileName()
                        .toString();
                try (InputStream in = file.getInputStream()) {
                    Files.copy(in, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            ImportOutcome outcome = importer.run(store, folder, skipInvalid, ImportFolder.Progress.none(), columns);
            return ResponseEntity.status(outcome.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                    .body(json(outcome, errorText, ApiLocales.of(request)));
        }
    }

    /** The report; {@code errors} and {@code error_details}' messages in {@code language} (Accept-Language). */
    static Map<String, Object> json(ImportOutcome outcome, ImportErrorText errorText, Locale language) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("applied", outcome.applied());
        List<Map<String, Object>> files = outcome.report().files().stream()
                .filter(FileReport::present)
                .map(f -> {
                    Map<String, Object> file = new LinkedHashMap<>();
                    file.put("file", f.file());
                    file.put("rows_read", f.rowsRead());
                    file.put("imported", outcome.applied() ? f.imported() : 0);
                    file.put("rejected", f.rejected());
                    return file;
                })
                .toList();
        json.put("files", files);
        List<RowError> errors = outcome.report().errors();
        json.put("errors", errors.stream().map(e -> errorText.text(e, language)).toList());
        json.put("error_details", errorText.details(errors, language));
        json.put("error_count", outcome.report().errorCount());
        json.put("cards_refreshed", outcome.cardsRefreshed());
        json.put("took_ms", outcome.took().toMillis());
        return json;
    }

    /**
     * 400 for a mapping that names nothing usable, said in the request's language (Accept-Language; English: the
     * sentence the CLI prints, with the JSON parser's own words), plus what any client can say it from:
     * {@code code} ({@code import.mapping.error.<code>} of the bundles) and {@code arguments}, as an import's
     * {@code error_details} and a refused campaign do.
     */
    @ExceptionHandler(MappingRefused.class)
    ProblemDetail refused(MappingRefused refused, HttpServletRequest request) {
        Locale language = ApiLocales.of(request);
        String said = refused.getMessage();
        if (language.equals(ApiLocales.ARABIC)) {
            Object[] isolated = refused.arguments().stream()
                    .map(a -> (Object) ("\u2068" + a + "\u2069"))
                    .toArray();
            said = messages.getMessage("import.mapping.error." + refused.code(), isolated, said, language);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, said);
        problem.setProperty("problems", List.of(said));
        problem.setProperty("code", refused.code());
        problem.setProperty("arguments", refused.arguments());
        return problem;
    }
}
