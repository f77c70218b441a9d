package org.dutygraph.inspections.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.dutygraph.inspections.EvidenceFiles;
import org.dutygraph.inspections.InspectionTexts;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.Text;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence files, apart from GraphQL: {@code PUT /inspections/evidence/{id}} with the file as the body, after the
 * evidence item was synced with its hash; {@code GET} the same path to read it back. Inspectors only (the
 * one who recorded it, the others on the visit, the plan's office).
 */
@RestController
class EvidenceController {

    private final EvidenceFiles files;
    private final InspectionCallers callers;

    private final Messages messages;

    EvidenceController(EvidenceFiles files, InspectionCallers callers, Messages messages) {
        this.files = files;
        this.callers = callers;
        this.messages = messages;
    }

    @PutMapping("/inspections/evidence/{id}")
    ResponseEntity<Map<String, Object>> upload(@PathVariable String id, HttpServletRequest request) throws IOException {
        var outcome = files.store(callers.current(), id, request.getInputStream());
        var language = Languages.fromAcceptLanguage(request.getHeader("Accept-Language"));
        return switch (outcome) {
            case STORED -> ResponseEntity.status(HttpStatus.CREATED).body(Map.of("evidenceId", id, "stored", true));
            case ALREADY_STORED -> ResponseEntity.ok(Map.of("evidenceId", id, "stored", true));
            case NOT_FOUND ->
                ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(error(
                                "NOT_FOUND",
                                messages.render(Text.of(InspectionTexts.NO_EVIDENCE_TO_UPLOAD, id), language)));
            case NO_FILE_EXPECTED ->
                ResponseEntity.status(HttpStatus.CONFLICT)
                        .body(error(
                                "NO_FILE_EXPECTED",
                                messages.render(Text.of(InspectionTexts.NOTE_IS_NOT_A_FILE), language)));
            case HASH_MISMATCH ->
                ResponseEntity.unprocessableContent()
                        .body(error(
                                "HASH_MISMATCH", messages.render(Text.of(InspectionTexts.HASH_MISMATCH), language)));
            case TOO_LARGE ->
                ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(error("TOO_LARGE", messages.render(Text.of(InspectionTexts.FILE_TOO_LARGE), language)));
        };
    }

    @GetMapping("/inspections/evidence/{id}")
    ResponseEntity<Resource> download(@PathVariable String id) {
        var caller = callers.current();
        var evidence = files.find(caller, id);
        var file = evidence.flatMap(files::file);
        if (file.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        files.audited(caller, evidence.get());
        // Never rendered by a browser: a download, of a type from the allowed list, not sniffed.
        return ResponseEntity.ok()
                .contentType(EvidenceTypes.served(evidence.get().mimeType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(id).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noStore())
                .header("Digest", "sha-256=" + evidence.get().sha256())
                .body(new FileSystemResource(file.get()));
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("code", code, "message", message, "field", "body");
    }
}
