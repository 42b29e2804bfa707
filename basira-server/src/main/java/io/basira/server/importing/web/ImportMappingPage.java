package io.basira.server.importing.web;

import io.basira.server.csvimport.CanonicalFile;
import io.basira.server.csvimport.ColumnMapping;
import io.basira.server.csvimport.MappingPresets;
import io.basira.server.csvimport.MappingPreview;
import io.basira.server.csvimport.MappingRefused;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.MerchantMessages;
import io.basira.server.dashboard.PageText;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.importing.ImportMappings;
import io.basira.server.platform.files.UploadFolders;
import io.basira.server.privacy.web.PrivacyPages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import page's column mapping (docs/import.md, "Platform exports"): choose a preset, edit which of the
 * merchant's headers feeds each canonical column, save it as the store's mapping, and preview the first rows of
 * an export as canonical values with their errors. Changes and previews are the owner's (the security chain:
 * {@code /import/**}); other roles see the page read-only, without its forms.
 */
@DashboardPage
final class ImportMappingPage {

    /** Rows a preview shows. */
    static final int PREVIEW_ROWS = 10;

    private final ImportMappings mappings;
    private final UploadFolders uploads;
    private final Clock clock;
    private final MessageSource messages;

    ImportMappingPage(ImportMappings mappings, UploadFolders uploads, Clock clock, MessageSource messages) {
        this.mappings = mappings;
        this.uploads = uploads;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/import/mapping")
    String page(
            SignedIn signedIn,
            @RequestParam(required = false) String preset,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        ColumnMapping saved = mappings.saved(signedIn.store().id()).orElse(null);
        ColumnMapping shown = saved == null ? ColumnMapping.none() : saved;
        if (preset != null && !preset.isBlank()) {
            try {
                shown = MappingPresets.preset(preset);
            } catch (IllegalArgumentException e) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("error", said(e, locale));
            }
        }
        return show(model, shown, saved);
    }

    @PostMapping("/import/mapping")
    String save(
            SignedIn signedIn,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Locale locale) {
        ColumnMapping mapping;
        try {
            mapping = MappingForm.parse(form.toSingleValueMap());
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", said(e, locale));
            return show(
                    model,
                    ColumnMapping.none(),
                    mappings.saved(signedIn.store().id()).orElse(null));
        }
        if (mapping.isEmpty()) {
            mappings.forget(signedIn.store().id(), PrivacyPages.actor(signedIn));
            redirect.addFlashAttribute("notice", "import.mapping.forgotten");
        } else {
            mappings.save(signedIn.store().id(), mapping, PrivacyPages.actor(signedIn));
            redirect.addFlashAttribute("notice", "import.mapping.saved");
        }
        return "redirect:/import/mapping";
    }

    @PostMapping("/import/mapping/forget")
    String forget(SignedIn signedIn, RedirectAttributes redirect) {
        mappings.forget(signedIn.store().id(), PrivacyPages.actor(signedIn));
        redirect.addFlashAttribute("notice", "import.mapping.forgotten");
        return "redirect:/import/mapping";
    }

    @PostMapping("/import/mapping/preview")
    String preview(
            SignedIn signedIn,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam String kind,
            Model model,
            HttpServletResponse response)
            throws IOException {
        ColumnMapping saved = mappings.saved(signedIn.store().id()).orElse(null);
        CanonicalFile canonical;
        try {
            canonical = ColumnMapping.kind(kind);
        } catch (IllegalArgumentException e) {
            canonical = null;
        }
        if (file == null || file.isEmpty() || canonical == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("previewMissing", true);
            return show(model, saved == null ? ColumnMapping.none() : saved, saved);
        }
        try (UploadFolders.Upload upload = uploads.create()) {
            Path path = upload.folder().resolve("preview.csv");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, path);
            }
            String name = file.getOriginalFilename() == null
                    ? "preview.csv"
                    : Path.of(file.getOriginalFilename()).getFileName().toString();
            model.addAttribute(
                    "preview",
                    MappingPreview.of(
                            path,
                            name,
                            canonical,
                            saved == null ? null : saved.of(canonical),
                            signedIn.store(),
                            LocalDate.ofInstant(
                                    clock.instant(), signedIn.store().timeZone()),
                            PREVIEW_ROWS));
            model.addAttribute("previewKind", canonical.fileName());
        }
        return show(model, saved == null ? ColumnMapping.none() : saved, saved);
    }

    /**
     * Why the mapping cannot be used, in the page's language: a {@link MappingRefused} from its code with the
     * arguments isolated; any other refusal keeps its English sentence, isolated.
     */
    private String said(IllegalArgumentException e, Locale locale) {
        PageText text = new PageText(messages, locale);
        if (e instanceof MappingRefused refused) {
            Object[] arguments = refused.arguments().stream()
                    .map(a -> (Object) MerchantMessages.isolate(a, text))
                    .toArray();
            return text.get("import.mapping.error." + refused.code(), arguments);
        }
        return MerchantMessages.isolate(e.getMessage(), text);
    }

    private static String show(Model model, ColumnMapping shown, ColumnMapping saved) {
        model.addAttribute("presets", MappingPresets.NAMES);
        model.addAttribute("mappingName", shown.isEmpty() ? "" : shown.name());
        model.addAttribute("kinds", MappingForm.views(shown));
        model.addAttribute("savedName", saved == null ? null : saved.name());
        model.addAttribute(
                "kindNames",
                Arrays.stream(CanonicalFile.values()).map(MappingForm::kind).toList());
        return "import-mapping";
    }
}
