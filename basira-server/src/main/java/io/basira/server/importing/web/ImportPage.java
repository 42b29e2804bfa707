package io.basira.server.importing.web;

import io.basira.server.csvimport.ColumnMapping;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.importing.ImportMappings;
import io.basira.server.platform.files.UploadFolders;
import io.basira.server.platform.security.Permission;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page: upload the canonical CSV files (docs/import.md), follow the job's progress (the
 * status fragment polls itself every second until the job is finished), read the report with every
 * bad row as {@code FILE:LINE: column: reason}; the files may be read through the store's saved column mapping
 * ({@link ImportMappingPage}). Only owners may start an import (the security chain).
 */
@DashboardPage
final class ImportPage {

    private final ImportJobs jobs;
    private final UploadFolders uploads;
    private final ImportMappings mappings;

    ImportPage(ImportJobs jobs, UploadFolders uploads, ImportMappings mappings) {
        this.jobs = jobs;
        this.uploads = uploads;
        this.mappings = mappings;
    }

    @GetMapping("/import")
    String form(SignedIn signedIn, Model model) {
        return page(signedIn, model);
    }

    private String page(SignedIn signedIn, Model model) {
        model.addAttribute(
                "savedMapping",
                signedIn.user().role().may(Permission.IMPORT)
                        ? mappings.saved(signedIn.store().id())
                                .map(ColumnMapping::name)
                                .orElse(null)
                        : null);
        return "import";
    }

    @PostMapping("/import")
    String upload(
            SignedIn signedIn,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "skipInvalid", defaultValue = "false") boolean skipInvalid,
            @RequestParam(name = "useMapping", defaultValue = "false") boolean useMapping,
            Model model,
            HttpServletResponse response)
            throws IOException {
        List<MultipartFile> chosen = files == null
                ? List.of()
                : files.stream()
                        .filter(f -> !f.isEmpty()
                                && f.getOriginalFilename() != null
                                && !f.getOriginalFilename().isBlank())
                        .toList();
        if (chosen.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("noFiles", true);
            return page(signedIn, model);
        }
        UploadFolders.Upload upload = uploads.create();
        ImportJobs.Status started;
        try {
            for (MultipartFile file : chosen) {
                String name = Path.of(file.getOriginalFilename()).getFileName().toString();
                try (InputStream in = file.getInputStream()) {
                    Files.copy(in, upload.folder().resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            ColumnMapping mapping = useMapping
                    ? mappings.saved(signedIn.store().id()).orElse(ColumnMapping.none())
                    : ColumnMapping.none();
            started = jobs.start(signedIn.store(), upload, skipInvalid, mapping);
        } catch (IOException | RuntimeException e) {
            upload.close();
            throw e;
        }
        return "redirect:/import/jobs/" + started.id();
    }

    @GetMapping("/import/jobs/{id}")
    String job(SignedIn signedIn, @PathVariable String id, Model model, HttpServletResponse response) {
        return status(signedIn, id, model, response, "import-job");
    }

    @GetMapping("/import/jobs/{id}/status")
    String jobStatus(SignedIn signedIn, @PathVariable String id, Model model, HttpServletResponse response) {
        return status(signedIn, id, model, response, "import-job :: status");
    }

    private String status(SignedIn signedIn, String id, Model model, HttpServletResponse response, String view) {
        var status = jobs.find(signedIn.store().id(), id);
        if (status.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "import-job-unknown";
        }
        model.addAttribute("job", status.get());
        return view;
    }
}
